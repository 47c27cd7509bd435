package io.pactbroker.broker.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * A webhook: an HTTP request template sent when one of its events happens for a pact its consumer and provider sides
 * select.
 *
 * @param consumer the consumer side: a pacticipant, a label, or null for any consumer
 * @param provider the provider side, likewise
 * @param events the names of the events it fires on (see {@link WebhookEvents})
 */
public record Webhook(
        Long id,
        String uuid,
        String description,
        Side consumer,
        Side provider,
        boolean enabled,
        Template request,
        List<String> events,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /**
     * One side of a webhook: a pacticipant ({@code id} and {@code name}) or every pacticipant with a label.
     */
    public record Side(Long id, String name, String label) {

        public static Side pacticipant(Long id, String name) {
            return new Side(id, name, null);
        }

        public static Side label(String label) {
            return new Side(null, null, label);
        }

        public boolean isPacticipant() {
            return name != null;
        }
    }

    /** A request header of the template, in the order it was given. */
    public record Header(String name, String value) {}

    /**
     * The request a webhook sends, with {@code ${pactbroker.*}} parameters in its URL, headers, body and credentials.
     *
     * @param body the body as given: a JSON string is sent as it is, anything else as JSON; null for none
     */
    public record Template(
            String method, String url, List<Header> headers, JsonNode body, String username, String password) {

        /** "POST example.org", as the Pact Broker names a webhook request. */
        public String description() {
            return method.toUpperCase(Locale.ROOT) + " " + host(url);
        }

        static String host(String url) {
            try {
                String host = new URI(WebhookTemplate.withPlaceholder(url, "placeholder")).getHost();
                return host == null ? "" : host;
            } catch (URISyntaxException e) {
                return "";
            }
        }
    }

    /** The description, or the request's ("POST example.org") when there is none. */
    public String displayDescription() {
        return description != null && !description.isBlank() ? description : request.description();
    }

    /** "A webhook for the pact between Foo and Bar" and the like, as the Pact Broker describes a webhook's scope. */
    public String scopeDescription() {
        if (consumer != null && provider != null) {
            return "A webhook for the pact between " + consumerName() + " and " + providerName();
        }
        if (provider != null) {
            return "A webhook for all pacts with provider " + providerName();
        }
        if (consumer != null) {
            return "A webhook for all pacts with consumer " + consumerName();
        }
        return "A webhook for all pacts";
    }

    private String consumerName() {
        return consumer.isPacticipant()
                ? consumer.name()
                : (provider != null ? "consumers " : "") + "labeled '" + consumer.label() + "'";
    }

    private String providerName() {
        return provider.isPacticipant()
                ? provider.name()
                : (consumer != null ? "providers " : "") + "labeled '" + provider.label() + "'";
    }

    public boolean firesOn(String event) {
        return events.contains(event);
    }
}
