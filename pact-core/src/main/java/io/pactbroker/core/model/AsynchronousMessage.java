package io.pactbroker.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A message the provider sends (a V3 message pact's message, {@code Asynchronous/Messages} in V4).
 *
 * <pre>{@code
 * AsynchronousMessage created = AsynchronousMessage.of("order created", MessageContents.of(Body.json(tree)));
 * }</pre>
 *
 * @param description what the message is about
 * @param providerStates the states the provider must be in
 * @param contents the expected contents and metadata
 * @param key the V4 key
 * @param pending whether the interaction is pending (V4)
 * @param comments V4 comments
 * @param id the Pact Broker's {@code _id}
 * @param extensions fields not modelled, kept as found
 */
public record AsynchronousMessage(
        String description,
        List<ProviderState> providerStates,
        MessageContents contents,
        Optional<String> key,
        boolean pending,
        Map<String, JsonNode> comments,
        Optional<String> id,
        Map<String, JsonNode> extensions)
        implements Interaction {

    public AsynchronousMessage {
        Objects.requireNonNull(description, "description");
        providerStates = List.copyOf(providerStates);
        Objects.requireNonNull(contents, "contents");
        Objects.requireNonNull(key, "key");
        comments = Collections.unmodifiableMap(new LinkedHashMap<>(comments));
        Objects.requireNonNull(id, "id");
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** A message without provider states, key, comments or extensions. */
    public static AsynchronousMessage of(String description, MessageContents contents) {
        return new AsynchronousMessage(
                description, List.of(), contents, Optional.empty(), false, Map.of(), Optional.empty(), Map.of());
    }

    @Override
    public String type() {
        return "Asynchronous/Messages";
    }

    public AsynchronousMessage withProviderStates(List<ProviderState> states) {
        return new AsynchronousMessage(description, states, contents, key, pending, comments, id, extensions);
    }

    public AsynchronousMessage withContents(MessageContents newContents) {
        return new AsynchronousMessage(
                description, providerStates, newContents, key, pending, comments, id, extensions);
    }

    public AsynchronousMessage withKey(String newKey) {
        return new AsynchronousMessage(
                description, providerStates, contents, Optional.of(newKey), pending, comments, id, extensions);
    }

    public AsynchronousMessage withPending(boolean isPending) {
        return new AsynchronousMessage(description, providerStates, contents, key, isPending, comments, id, extensions);
    }
}
