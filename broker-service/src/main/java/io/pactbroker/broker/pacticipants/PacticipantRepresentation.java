package io.pactbroker.broker.pacticipants;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Dates;
import io.pactbroker.broker.common.hal.Link;
import io.pactbroker.broker.common.hal.Links;
import io.pactbroker.broker.versions.Version;
import io.pactbroker.broker.versions.VersionRepresentation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A pacticipant, as the Pact Broker's pacticipant resource shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "name",
    "displayName",
    "repositoryUrl",
    "repositoryName",
    "repositoryNamespace",
    "mainBranch",
    "createdAt",
    "updatedAt",
    "title",
    "_embedded",
    "_links"
})
public record PacticipantRepresentation(
        String name,
        String displayName,
        String repositoryUrl,
        String repositoryName,
        String repositoryNamespace,
        String mainBranch,
        String createdAt,
        String updatedAt,
        String title,
        @JsonProperty("_embedded") Map<String, Object> embedded,
        @JsonProperty("_links") Map<String, Object> links) {

    public static PacticipantRepresentation from(
            Pacticipant p, Version latestVersion, List<Label> labels, BrokerUrls urls) {
        return from(p, latestVersion, labels, null, urls);
    }

    static PacticipantRepresentation from(
            Pacticipant p, Version latestVersion, List<Label> labels, String title, BrokerUrls urls) {
        Map<String, Object> embedded = new LinkedHashMap<>();
        if (latestVersion != null) {
            embedded.put("latestVersion", VersionRepresentation.embedded(latestVersion, p.name, urls));
            Map<String, Object> deprecated =
                    new LinkedHashMap<>(VersionRepresentation.embedded(latestVersion, p.name, urls));
            deprecated.put("title", "DEPRECATED - please use latestVersion");
            deprecated.put("name", "DEPRECATED - please use latestVersion");
            embedded.put("latest-version", deprecated);
        }
        embedded.put(
                "labels",
                labels.stream()
                        .map(l -> LabelRepresentation.embedded(l, p.name, urls))
                        .toList());
        String self = urls.pacticipant(p.name);
        Links links = Links.create()
                .add("self", Link.of(self))
                .add("pb:versions", Link.of(urls.versions(p.name)))
                .add("pb:branches", Link.of(urls.branches(p.name)))
                .add(
                        "pb:version",
                        Link.templated(self + "/versions/{version}", "Get, create or delete a pacticipant version"))
                .add(
                        "pb:version-tag",
                        Link.templated(
                                self + "/versions/{version}/tags/{tag}",
                                "Get, create or delete a tag for a version of " + p.name))
                .add(
                        "pb:branch-version",
                        Link.templated(
                                self + "/branches/{branch}/versions/{version}",
                                "Get or add/create a version for a branch of " + p.name))
                .add(
                        "pb:label",
                        Link.templated(self + "/labels/{label}", "Get, create or delete a label for " + p.name))
                .add("versions", Link.of(urls.versions(p.name), "Deprecated - use pb:versions"))
                .add(
                        "pb:can-i-deploy-badge",
                        Link.templated(
                                self + "/latest-version/{tag}/can-i-deploy/to/{environmentTag}/badge",
                                "Can I Deploy " + p.name + " badge"))
                .add(
                        "pb:can-i-deploy-branch-to-environment-badge",
                        Link.templated(
                                self + "/branches/{branch}/latest-version/can-i-deploy/to-environment/{environment}"
                                        + "/badge",
                                "Can I Deploy " + p.name + " from branch to environment badge"))
                .curies(urls, "pacticipant");
        return new PacticipantRepresentation(
                p.name,
                p.displayName,
                p.repositoryUrl,
                p.repositoryName,
                p.repositoryNamespace,
                p.mainBranch,
                Dates.format(p.createdAt),
                Dates.updated(p.createdAt, p.updatedAt),
                title,
                embedded,
                links.build());
    }
}
