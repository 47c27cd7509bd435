package io.pactbroker.broker.webhooks;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Dates;
import io.pactbroker.broker.common.hal.Link;
import io.pactbroker.broker.common.hal.Links;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A webhook as the Pact Broker shows it: secrets redacted (the password, and headers whose name contains
 * {@code authorization} or {@code token}, as stars, unless they are a template parameter), links to run it and to
 * its pacticipants.
 */
public final class WebhookRepresentation {

    static final String EXECUTE_TITLE = "Test the execution of the webhook with the latest matching pact or"
            + " verification by sending a POST request to this URL";

    private WebhookRepresentation() {}

    public static Map<String, Object> from(Webhook w, BrokerUrls urls) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uuid", w.uuid());
        body.put("description", w.displayDescription());
        if (w.consumer() != null) {
            body.put("consumer", side(w.consumer()));
        }
        if (w.provider() != null) {
            body.put("provider", side(w.provider()));
        }
        body.put("enabled", w.enabled());
        body.put("request", request(w.request()));
        body.put("events", w.events().stream().map(e -> Map.of("name", e)).toList());
        body.put("createdAt", Dates.format(w.createdAt()));
        String updated = Dates.updated(w.createdAt(), w.updatedAt());
        if (updated != null) {
            body.put("updatedAt", updated);
        }
        Links links = Links.create()
                .add("self", Link.of(urls.webhook(w.uuid()), w.displayDescription()))
                .add("pb:execute", Link.of(urls.webhookExecution(w.uuid()), EXECUTE_TITLE));
        if (w.consumer() != null) {
            links.add(
                    w.consumer().isPacticipant() ? "pb:consumer" : "pb:consumers",
                    w.consumer().isPacticipant()
                            ? Link.of(
                                    urls.pacticipant(w.consumer().name()),
                                    "Consumer",
                                    w.consumer().name())
                            : Link.of(
                                    urls.pacticipantsWithLabel(w.consumer().label()),
                                    "Consumers by label",
                                    w.consumer().label()));
        }
        if (w.provider() != null) {
            links.add(
                    w.provider().isPacticipant() ? "pb:provider" : "pb:providers",
                    w.provider().isPacticipant()
                            ? Link.of(
                                    urls.pacticipant(w.provider().name()),
                                    "Provider",
                                    w.provider().name())
                            : Link.of(
                                    urls.pacticipantsWithLabel(w.provider().label()),
                                    "Providers by label",
                                    w.provider().label()));
        }
        if (w.consumer() != null
                && w.provider() != null
                && w.consumer().isPacticipant()
                && w.provider().isPacticipant()) {
            links.add(
                    "pb:pact-webhooks",
                    Link.of(
                            urls.webhooksForConsumerAndProvider(
                                    w.provider().name(), w.consumer().name()),
                            "All webhooks for consumer " + w.consumer().name() + " and provider "
                                    + w.provider().name()));
        }
        links.add("pb:webhooks", Link.of(urls.webhooks(), "All webhooks"));
        body.put("_links", links.build());
        return body;
    }

    private static Map<String, Object> side(Webhook.Side side) {
        return side.isPacticipant() ? Map.of("name", side.name()) : Map.of("label", side.label());
    }

    private static Map<String, Object> request(Webhook.Template t) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("method", t.method());
        request.put("url", t.url());
        if (!t.headers().isEmpty()) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Webhook.Header h : t.headers()) {
                boolean redact = WebhookExecutor.sensitive(h.name()) && !WebhookTemplate.includesParameter(h.value());
                headers.put(h.name(), redact ? WebhookExecutor.REDACTED : h.value());
            }
            request.put("headers", headers);
        }
        if (t.body() != null) {
            request.put("body", t.body());
        }
        if (t.username() != null) {
            request.put("username", t.username());
        }
        if (t.password() != null) {
            request.put(
                    "password",
                    WebhookTemplate.includesParameter(t.password()) ? t.password() : WebhookExecutor.REDACTED);
        }
        return request;
    }

    /** A list of webhooks ({@code GET /webhooks} and the scoped lists). */
    public static Map<String, Object> list(List<Webhook> webhooks, String title, String selfUrl, BrokerUrls urls) {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", Link.of(selfUrl, title));
        links.put("pb:create", Link.of(selfUrl, "POST to create a webhook"));
        links.put(
                "pb:webhooks",
                webhooks.stream()
                        .map(w -> Link.of(urls.webhook(w.uuid()), w.scopeDescription(), w.displayDescription()))
                        .toList());
        Map<String, Object> curie = new LinkedHashMap<>();
        curie.put("name", "pb");
        curie.put("href", urls.base() + "/doc/webhooks-{rel}");
        curie.put("templated", true);
        links.put("curies", List.of(curie));
        return Map.of("_links", links);
    }
}
