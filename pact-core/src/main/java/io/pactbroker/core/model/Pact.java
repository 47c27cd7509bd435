package io.pactbroker.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactbroker.core.PactSpecification;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pact: the interactions a consumer expects of a provider.
 *
 * <pre>{@code
 * Pact pact = PactReader.read(Path.of("pacts/web-orders.json"));
 * pact.consumer();          // "web"
 * pact.interactions();      // in file order
 * String json = PactWriter.write(pact, PactSpecification.V3).json();
 * }</pre>
 *
 * @param consumer the consumer's name
 * @param provider the provider's name
 * @param interactions the interactions (HTTP and messages), in order
 * @param metadata the file's metadata other than the specification version (for example {@code pactJvm}), in order
 * @param specification the specification version the pact was read from or written for
 */
public record Pact(
        String consumer,
        String provider,
        List<Interaction> interactions,
        Map<String, JsonNode> metadata,
        PactSpecification specification) {

    public Pact {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(provider, "provider");
        interactions = List.copyOf(interactions);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        Objects.requireNonNull(specification, "specification");
    }

    /** A V4 pact without metadata. */
    public static Pact of(String consumer, String provider, List<Interaction> interactions) {
        return new Pact(consumer, provider, interactions, Map.of(), PactSpecification.V4);
    }

    public Pact withInteractions(List<Interaction> newInteractions) {
        return new Pact(consumer, provider, newInteractions, metadata, specification);
    }

    public Pact withMetadata(Map<String, JsonNode> newMetadata) {
        return new Pact(consumer, provider, interactions, newMetadata, specification);
    }

    public Pact withSpecification(PactSpecification newSpecification) {
        return new Pact(consumer, provider, interactions, metadata, newSpecification);
    }

    /** The HTTP interactions, in order. */
    public List<HttpInteraction> httpInteractions() {
        return interactions.stream()
                .filter(HttpInteraction.class::isInstance)
                .map(HttpInteraction.class::cast)
                .toList();
    }

    /** The asynchronous messages, in order. */
    public List<AsynchronousMessage> messages() {
        return interactions.stream()
                .filter(AsynchronousMessage.class::isInstance)
                .map(AsynchronousMessage.class::cast)
                .toList();
    }
}
