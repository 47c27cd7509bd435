package io.pactbroker.broker.pacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Dates;
import io.pactbroker.broker.common.hal.Link;
import io.pactbroker.broker.common.hal.Links;
import io.pactbroker.broker.common.json.JsonBodies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pact document as published, with the broker's {@code createdAt} and {@code _links} added, as the Pact Broker
 * serves it. Only links to resources that exist are added: the matrix relations arrive with that feature.
 */
public final class PactRepresentation {

    private PactRepresentation() {}

    public static JsonNode from(PactRow pact, BrokerUrls urls) {
        return from(pact, urls, null, List.of());
    }

    /**
     * The pact document with its links.
     *
     * @param metadata the selection metadata the pact was asked for with (or that identifies the consumer version it
     *     was found by, for the latest pacts); carried into {@code pb:publish-verification-results}
     * @param consumerVersions the consumer versions the metadata names ({@code pb:consumer-versions}), newest first
     */
    public static JsonNode from(PactRow pact, BrokerUrls urls, String metadata, List<String> consumerVersions) {
        JsonNode content = PactService.parse(pact.content());
        if (!content.isObject()) {
            return content;
        }
        ObjectNode doc = ((ObjectNode) content).deepCopy();
        doc.put("createdAt", Dates.format(pact.createdAt()));
        doc.set("_links", JsonBodies.STRICT.valueToTree(links(pact, urls, metadata, consumerVersions)));
        return doc;
    }

    static Map<String, Object> links(PactRow pact, BrokerUrls urls, String metadata, List<String> consumerVersions) {
        String provider = pact.providerName();
        String consumer = pact.consumerName();
        String version = pact.consumerVersionNumber();
        String versionUrl = urls.version(consumer, version);
        Links links = Links.create()
                .add("self", Link.of(urls.pact(provider, consumer, version), "Pact", pact.name()))
                .add("pb:consumer", Link.of(urls.pacticipant(consumer), "Consumer", consumer))
                .add("pb:consumer-version", Link.of(versionUrl, "Consumer version", version));
        if (!consumerVersions.isEmpty()) {
            links.add(
                    "pb:consumer-versions",
                    consumerVersions.stream()
                            .map(v -> Link.of(urls.version(consumer, v), "Consumer version", v))
                            .toList());
        }
        return links.add("pb:provider", Link.of(urls.pacticipant(provider), "Provider", provider))
                .add(
                        "pb:pact-version",
                        Link.of(
                                urls.pactVersion(provider, consumer, pact.sha()),
                                "Pact content version permalink",
                                pact.sha()))
                .add(
                        "pb:latest-pact-version",
                        Link.of(urls.latestPact(provider, consumer), "Latest version of this pact"))
                .add(
                        "pb:all-pact-versions",
                        Link.of(urls.pactVersions(provider, consumer), "All versions of this pact"))
                .add(
                        "pb:latest-untagged-pact-version",
                        Link.of(urls.latestUntaggedPact(provider, consumer), "Latest untagged version of this pact"))
                .add(
                        "pb:latest-tagged-pact-version",
                        Link.templated(
                                urls.latestPact(provider, consumer) + "/{tag}", "Latest tagged version of this pact"))
                .add(
                        "pb:previous-distinct",
                        Link.of(
                                urls.previousDistinct(provider, consumer, version),
                                "Previous distinct version of this pact"))
                .add(
                        "pb:diff-previous-distinct",
                        Link.of(
                                urls.diffPreviousDistinct(provider, consumer, version),
                                "Diff with previous distinct version of this pact"))
                .add(
                        "pb:diff",
                        Link.templated(
                                urls.templatedDiff(provider, consumer, pact.sha()),
                                "Diff with another specified version of this pact"))
                .add(
                        "pb:tag-prod-version",
                        Link.of(
                                versionUrl + "/tags/prod",
                                "PUT to this resource to tag this consumer version as 'production'"))
                .add(
                        "pb:tag-version",
                        Link.of(versionUrl + "/tags/{tag}", "PUT to this resource to tag this consumer version"))
                .add(
                        "pb:publish-verification-results",
                        Link.of(
                                urls.publishVerificationResults(provider, consumer, pact.sha(), metadata),
                                "Publish verification results"))
                .add("pb:latest-verification-results", Link.of(urls.latestVerification(provider, consumer, pact.sha())))
                .add(
                        "pb:matrix-for-consumer-version",
                        Link.of(
                                urls.matrixForVersion(consumer, version),
                                "View matrix rows for the consumer version to which this pact belongs"))
                .add(
                        "pb:pact-webhooks",
                        Link.of(
                                urls.webhooksForConsumerAndProvider(provider, consumer),
                                "Webhooks for the pact between " + consumer + " and " + provider))
                .add(
                        "pb:consumer-webhooks",
                        Link.of(urls.consumerWebhooks(consumer), "Webhooks for all pacts with consumer " + consumer))
                .add(
                        "pb:provider-webhooks",
                        Link.of(urls.providerWebhooks(provider), "Webhooks for all pacts with provider " + provider))
                .add(
                        "pb:triggered-webhooks",
                        Link.of(
                                urls.pactTriggeredWebhooks(provider, consumer, version),
                                "Webhooks triggered by the publication of this pact"))
                .curies(urls, "pact")
                .build();
    }

    /** A pact in a collection: its consumer version and a self link. */
    public static Map<String, Object> summary(PactRow pact, BrokerUrls urls) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("createdAt", Dates.format(pact.createdAt()));
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("number", pact.consumerVersionNumber());
        version.put(
                "_links",
                Map.of(
                        "self",
                        Link.of(
                                urls.version(pact.consumerName(), pact.consumerVersionNumber()),
                                "Version",
                                pact.consumerVersionNumber())));
        s.put("_embedded", Map.of("consumerVersion", version));
        s.put(
                "_links",
                Map.of(
                        "self",
                        Link.of(
                                urls.pact(pact.providerName(), pact.consumerName(), pact.consumerVersionNumber()),
                                pact.name())));
        return s;
    }

    /** "Version 1.0.0 - 2024-01-01T00:00:00+00:00", as the Pact Broker names a pact in lists. */
    static String versionAndDate(PactRow pact) {
        return "Version " + pact.consumerVersionNumber() + " - " + Dates.format(pact.createdAt());
    }

    /** A list of pacts of one consumer and provider (all versions, with a tag, on a branch). */
    public static Map<String, Object> versions(
            List<PactRow> pacts, String selfUrl, String title, String consumer, String provider, BrokerUrls urls) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "_embedded",
                Map.of("pacts", pacts.stream().map(p -> summary(p, urls)).toList()));
        body.put(
                "_links",
                Links.create()
                        .add("self", Link.of(selfUrl, title))
                        .add("pb:consumer", Link.of(urls.pacticipant(consumer), "Consumer", consumer))
                        .add("pb:provider", Link.of(urls.pacticipant(provider), "Provider", provider))
                        .add(
                                "pb:pact-versions",
                                pacts.stream()
                                        .map(p -> Link.of(
                                                urls.pact(
                                                        p.providerName(), p.consumerName(), p.consumerVersionNumber()),
                                                "Pact version",
                                                versionAndDate(p)))
                                        .toList())
                        .add("consumer", Link.of(urls.pacticipant(consumer), "Consumer", consumer))
                        .add("provider", Link.of(urls.pacticipant(provider), "Provider", provider))
                        .add(
                                "pact-versions",
                                pacts.stream()
                                        .map(p -> Link.of(
                                                urls.pact(
                                                        p.providerName(), p.consumerName(), p.consumerVersionNumber()),
                                                "Pact",
                                                versionAndDate(p)))
                                        .toList())
                        .build());
        return body;
    }

    /** The pacts of a provider (from several consumers), with the Pact Broker's {@code pb:pacts} links. */
    public static Map<String, Object> providerPacts(
            List<PactRow> pacts, String selfUrl, String title, String provider, BrokerUrls urls) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "_links",
                Links.create()
                        .add("self", Link.of(selfUrl, title))
                        .add("pb:provider", new Link(urls.pacticipant(provider), null, provider, null))
                        .add(
                                "pb:pacts",
                                pacts.stream()
                                        .map(p -> Link.of(
                                                urls.pact(
                                                        p.providerName(), p.consumerName(), p.consumerVersionNumber()),
                                                p.name(),
                                                p.consumerName()))
                                        .toList())
                        .add(
                                "provider",
                                Link.of(
                                        urls.pacticipant(provider),
                                        provider,
                                        "DEPRECATED - please use the pb:provider relation"))
                        .add(
                                "pacts",
                                pacts.stream()
                                        .map(p -> Link.of(
                                                urls.pact(
                                                        p.providerName(), p.consumerName(), p.consumerVersionNumber()),
                                                "DEPRECATED - please use the pb:pacts relation. " + p.name(),
                                                p.consumerName()))
                                        .toList())
                        .build());
        return body;
    }

    /** GET /pacts/latest: the latest pact of every integration. */
    public static Map<String, Object> latestPacts(List<PactRow> pacts, BrokerUrls urls) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "pacts",
                pacts.stream()
                        .map(p -> {
                            Map<String, Object> pact = new LinkedHashMap<>();
                            pact.put("createdAt", Dates.format(p.createdAt()));
                            Map<String, Object> consumer = new LinkedHashMap<>();
                            consumer.put("name", p.consumerName());
                            consumer.put("_links", Map.of("self", Link.of(urls.pacticipant(p.consumerName()))));
                            consumer.put("_embedded", Map.of("version", Map.of("number", p.consumerVersionNumber())));
                            Map<String, Object> provider = new LinkedHashMap<>();
                            provider.put("name", p.providerName());
                            provider.put("_links", Map.of("self", Link.of(urls.pacticipant(p.providerName()))));
                            Map<String, Object> embedded = new LinkedHashMap<>();
                            embedded.put("consumer", consumer);
                            embedded.put("provider", provider);
                            pact.put("_embedded", embedded);
                            pact.put(
                                    "_links",
                                    Map.of(
                                            "self",
                                            List.of(
                                                    Link.of(urls.latestPact(p.providerName(), p.consumerName())),
                                                    Link.of(
                                                            urls.pact(
                                                                    p.providerName(),
                                                                    p.consumerName(),
                                                                    p.consumerVersionNumber())))));
                            return pact;
                        })
                        .toList());
        body.put(
                "_links",
                Links.create()
                        .add("self", Link.of(urls.latestPacts()))
                        .add(
                                "pb:pacts",
                                pacts.stream()
                                        .map(p -> Link.of(
                                                urls.latestPact(p.providerName(), p.consumerName()),
                                                "Latest pact between " + p.consumerName() + " and " + p.providerName()))
                                        .toList())
                        .add(
                                "pacts",
                                pacts.stream()
                                        .map(p -> Link.of(
                                                urls.latestPact(p.providerName(), p.consumerName()),
                                                "Latest pact between " + p.consumerName() + " and " + p.providerName(),
                                                "DEPRECATED - please use the pb:pacts relation"))
                                        .toList())
                        .curies(urls, "pacts")
                        .build());
        return body;
    }
}
