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
            List<PublishedPact> pacts) {}

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
                        "pb:pact-versions",
                        d.pacts().stream()
                                .map(p -> Link.of(p.href(), "Pact", p.name()))
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
