package io.pactbroker.broker.versions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Dates;
import io.pactbroker.broker.common.hal.Link;
import io.pactbroker.broker.common.hal.Links;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A pacticipant version, as the Pact Broker's version resource shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"number", "buildUrl", "createdAt", "updatedAt", "_embedded", "_links"})
public record VersionRepresentation(
        String number,
        String buildUrl,
        String createdAt,
        String updatedAt,
        @JsonProperty("_embedded") Map<String, Object> embedded,
        @JsonProperty("_links") Map<String, Object> links) {

    /** A pact published by the version, for the {@code pb:pact-versions} links. */
    public record PublishedPact(String providerName, String name, String href) {}

    /** Everything shown about a version. */
    public record Details(
            Version version,
            String pacticipantName,
            List<BranchService.BranchVersionView> branchVersions,
            List<Tag> tags,
            List<PublishedPact> pacts,
            EnvironmentLinks environments) {}

    /**
     * Where the version is deployed and released, and the environments a deployment or release of it can be recorded
     * in (the {@code pb:record-deployment} and {@code pb:record-release} links, one per environment).
     */
    public record EnvironmentLinks(List<Deployment> deployments, List<Release> releases, List<Target> targets) {

        public static final EnvironmentLinks NONE = new EnvironmentLinks(List.of(), List.of(), List.of());

        /** A deployment of the version, current or past. */
        public record Deployment(
                String environmentDisplayName, String href, boolean currentlyDeployed, String instance) {}

        /** A release of the version, supported or not. */
        public record Release(String environmentDisplayName, String href, boolean currentlySupported) {}

        /** An environment, with the URLs to record a deployment or release of the version there. */
        public record Target(String name, String displayName, String recordDeploymentHref, String recordReleaseHref) {}
    }

    /**
     * @param selfHref the URL the version was asked for at (the Pact Broker shows the version under several URLs, such
     *     as {@code latest-version}), or null for its canonical URL
     */
    public static VersionRepresentation from(Details d, String selfHref, BrokerUrls urls) {
        Version v = d.version();
        String pacticipant = d.pacticipantName();
        List<Map<String, Object>> branchVersions = d.branchVersions().stream()
                .map(bv -> embeddedBranchVersion(bv, pacticipant, v.number, urls))
                .toList();
        List<Map<String, Object>> tags = d.tags().stream()
                .map(t -> embeddedTag(t.name, pacticipant, v.number, urls))
                .toList();
        Map<String, Object> embedded = new LinkedHashMap<>();
        embedded.put("branches", branchVersions);
        embedded.put("branchVersions", branchVersions);
        embedded.put("tags", tags);
        String canonical = urls.version(pacticipant, v.number);
        Links links = Links.create()
                .add("self", Link.of(selfHref == null ? canonical : selfHref, "Version", v.number))
                .add("pb:pacticipant", Link.of(urls.pacticipant(pacticipant), "Pacticipant", pacticipant))
                .add(
                        "pb:tag",
                        new Link(
                                canonical + "/tags/{tag}",
                                "Get, create or delete a tag for this pacticipant version",
                                null,
                                true))
                .add(
                        "pb:latest-verification-results-where-pacticipant-is-consumer",
                        Link.of(
                                urls.latestVerificationsForConsumerVersion(pacticipant, v.number),
                                "Latest verification results for consumer version"))
                .add(
                        "pb:pact-versions",
                        d.pacts().stream()
                                .map(p -> Link.of(p.href(), "Pact", p.name()))
                                .toList())
                .addObjects("pb:deployed-environments", deployedEnvironments(d.environments()))
                .addObjects("pb:released-environments", releasedEnvironments(d.environments()))
                .add(
                        "pb:record-deployment",
                        d.environments().targets().stream()
                                .map(t -> Link.of(
                                        t.recordDeploymentHref(), "Record deployment to " + t.displayName(), t.name()))
                                .toList())
                .add(
                        "pb:record-release",
                        d.environments().targets().stream()
                                .map(t -> Link.of(
                                        t.recordReleaseHref(), "Record release to " + t.displayName(), t.name()))
                                .toList())
                .curies(urls, "version");
        return new VersionRepresentation(
                v.number,
                v.buildUrl,
                Dates.format(v.createdAt),
                Dates.updated(v.createdAt, v.updatedAt),
                embedded,
                links.build());
    }

    private static List<Map<String, Object>> deployedEnvironments(EnvironmentLinks environments) {
        return environments.deployments().stream()
                .map(dep -> {
                    Map<String, Object> link = new LinkedHashMap<>();
                    link.put("title", "Version deployed to " + dep.environmentDisplayName());
                    link.put("name", dep.environmentDisplayName());
                    link.put("href", dep.href());
                    link.put("currently_deployed", dep.currentlyDeployed());
                    if (dep.instance() != null) {
                        link.put("application_instance", dep.instance());
                    }
                    return link;
                })
                .toList();
    }

    private static List<Map<String, Object>> releasedEnvironments(EnvironmentLinks environments) {
        return environments.releases().stream()
                .map(rel -> {
                    Map<String, Object> link = new LinkedHashMap<>();
                    link.put("title", "Version released to " + rel.environmentDisplayName());
                    link.put("name", rel.environmentDisplayName());
                    link.put("href", rel.href());
                    link.put("currently_supported", rel.currentlySupported());
                    return link;
                })
                .toList();
    }

    /** The short form embedded in other resources: the number and a self link. */
    public static Map<String, Object> embedded(Version v, String pacticipantName, BrokerUrls urls) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("number", v.number);
        e.put("_links", Map.of("self", Link.of(urls.version(pacticipantName, v.number), "Version", v.number)));
        return e;
    }

    static Map<String, Object> embeddedTag(String tag, String pacticipant, String version, BrokerUrls urls) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", tag);
        e.put("_links", Map.of("self", Link.of(urls.tag(pacticipant, version, tag), "Tag", tag)));
        return e;
    }

    static Map<String, Object> embeddedBranchVersion(
            BranchService.BranchVersionView bv, String pacticipant, String version, BrokerUrls urls) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", bv.branchVersion().branchName);
        e.put("latest", bv.latest());
        e.put(
                "_links",
                Map.of(
                        "self",
                        Link.of(
                                urls.branchVersion(pacticipant, bv.branchVersion().branchName, version),
                                "Branch version",
                                bv.branchVersion().branchName)));
        return e;
    }
}
