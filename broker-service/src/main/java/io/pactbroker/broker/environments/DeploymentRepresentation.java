package io.pactbroker.broker.environments;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Dates;
import io.pactbroker.broker.common.hal.Link;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deployed and released versions as the Pact Broker shows them, alone or in lists. */
public final class DeploymentRepresentation {

    private DeploymentRepresentation() {}

    /** What to embed in each item: the pacticipant, the version, the environment. */
    public record Expand(boolean pacticipant, boolean version, Environment environment) {

        public static final Expand ALL_BUT_ENVIRONMENT = new Expand(true, true, null);

        public static Expand all(Environment environment) {
            return new Expand(true, true, environment);
        }
    }

    public static Map<String, Object> deployed(DeployedVersion d, Expand expand, BrokerUrls urls) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uuid", d.uuid());
        body.put("currentlyDeployed", d.currentlyDeployed());
        if (d.applicationInstance() != null) {
            body.put("target", d.applicationInstance());
            body.put("applicationInstance", d.applicationInstance());
        }
        if (d.undeployedAt() != null) {
            body.put("undeployedAt", Dates.format(d.undeployedAt()));
        }
        timestamps(body, d.createdAt(), d.updatedAt());
        embed(body, expand, d.pacticipantName(), d.versionNumber(), urls);
        body.put("_links", Map.of("self", Link.of(urls.deployedVersion(d.uuid()))));
        return body;
    }

    public static Map<String, Object> released(ReleasedVersion r, Expand expand, BrokerUrls urls) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uuid", r.uuid());
        body.put("currentlySupported", r.currentlySupported());
        timestamps(body, r.createdAt(), r.updatedAt());
        if (r.supportEndedAt() != null) {
            body.put("supportEndedAt", Dates.format(r.supportEndedAt()));
        }
        embed(body, expand, r.pacticipantName(), r.versionNumber(), urls);
        body.put("_links", Map.of("self", Link.of(urls.releasedVersion(r.uuid()))));
        return body;
    }

    public static Map<String, Object> deployedList(
            List<DeployedVersion> list, Expand expand, String selfHref, String title, BrokerUrls urls) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "_embedded",
                Map.of(
                        "deployedVersions",
                        list.stream().map(d -> deployed(d, expand, urls)).toList()));
        body.put("_links", Map.of("self", Link.of(selfHref, title)));
        return body;
    }

    public static Map<String, Object> releasedList(
            List<ReleasedVersion> list, Expand expand, String selfHref, String title, BrokerUrls urls) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "_embedded",
                Map.of(
                        "releasedVersions",
                        list.stream().map(r -> released(r, expand, urls)).toList()));
        body.put("_links", Map.of("self", Link.of(selfHref, title)));
        return body;
    }

    private static void embed(
            Map<String, Object> body, Expand expand, String pacticipant, String version, BrokerUrls urls) {
        Map<String, Object> embedded = new LinkedHashMap<>();
        if (expand.pacticipant()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", pacticipant);
            p.put("_links", Map.of("self", Link.of(urls.pacticipant(pacticipant))));
            embedded.put("pacticipant", p);
        }
        if (expand.version()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("number", version);
            v.put("_links", Map.of("self", Link.of(urls.version(pacticipant, version), "Version", version)));
            embedded.put("version", v);
        }
        if (expand.environment() != null) {
            embedded.put("environment", EnvironmentRepresentation.from(expand.environment(), urls));
        }
        if (!embedded.isEmpty()) {
            body.put("_embedded", embedded);
        }
    }

    private static void timestamps(
            Map<String, Object> body, java.time.OffsetDateTime created, java.time.OffsetDateTime updated) {
        body.put("createdAt", Dates.format(created));
        String u = Dates.updated(created, updated);
        if (u != null) {
            body.put("updatedAt", u);
        }
    }
}
