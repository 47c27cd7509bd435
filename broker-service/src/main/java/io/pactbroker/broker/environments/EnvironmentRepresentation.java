package io.pactbroker.broker.environments;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Dates;
import io.pactbroker.broker.common.hal.Link;
import io.pactbroker.broker.common.hal.Links;
import io.pactbroker.broker.common.json.JsonBodies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Environments as the Pact Broker's environment resources show them. */
public final class EnvironmentRepresentation {

    private EnvironmentRepresentation() {}

    /** The environment resource: attributes, timestamps and the links to what is deployed and released there. */
    public static Map<String, Object> from(Environment e, BrokerUrls urls) {
        Map<String, Object> body = attributes(e);
        if (e.contacts() != null) {
            body.put("contacts", JsonBodies.parse(e.contacts()).orElse(null));
        }
        timestamps(body, e);
        String displayName = e.displayName() == null ? e.name() : e.displayName();
        body.put(
                "_links",
                Links.create()
                        .add("self", Link.of(urls.environment(e.uuid()), "Environment", e.name()))
                        .add(
                                "pb:currently-deployed-deployed-versions",
                                Link.of(
                                        urls.currentlyDeployedVersions(e.uuid()),
                                        "Versions currently deployed to " + displayName + " environment"))
                        .add(
                                "pb:currently-supported-released-versions",
                                Link.of(
                                        urls.currentlySupportedVersions(e.uuid()),
                                        "Versions released and supported in " + displayName + " environment"))
                        .add("pb:environments", Link.of(urls.environments(), "Environments"))
                        .build());
        return body;
    }

    /** The short form embedded in matrix rows: no contacts, only a self link. */
    public static Map<String, Object> embedded(Environment e, BrokerUrls urls) {
        Map<String, Object> body = attributes(e);
        timestamps(body, e);
        body.put("_links", Map.of("self", Link.of(urls.environment(e.uuid()), "Environment", e.name())));
        return body;
    }

    /** GET /environments. */
    public static Map<String, Object> list(List<Environment> environments, BrokerUrls urls) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "_embedded",
                Map.of(
                        "environments",
                        environments.stream().map(e -> from(e, urls)).toList()));
        body.put(
                "_links",
                Links.create()
                        .add("self", Link.of(urls.environments(), "Environments"))
                        .add(
                                "pb:environments",
                                environments.stream()
                                        .map(e -> Link.of(urls.environment(e.uuid()), "Environment", e.name()))
                                        .toList())
                        .build());
        return body;
    }

    private static Map<String, Object> attributes(Environment e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uuid", e.uuid());
        body.put("name", e.name());
        body.put("displayName", e.displayName());
        body.put("production", e.production());
        return body;
    }

    private static void timestamps(Map<String, Object> body, Environment e) {
        body.put("createdAt", Dates.format(e.createdAt()));
        String updated = Dates.updated(e.createdAt(), e.updatedAt());
        if (updated != null) {
            body.put("updatedAt", updated);
        }
    }
}
