package io.pactbroker.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request message and the response message(s) the provider answers with ({@code Synchronous/Messages}, V4 only).
 *
 * <pre>{@code
 * SynchronousMessage quote = SynchronousMessage.of("get a quote",
 *     MessageContents.of(Body.json(request)), List.of(MessageContents.of(Body.json(response))));
 * }</pre>
 *
 * @param description what the exchange is about
 * @param providerStates the states the provider must be in
 * @param request the request message
 * @param responses the response messages
 * @param key the V4 key
 * @param pending whether the interaction is pending
 * @param comments V4 comments
 * @param id the Pact Broker's {@code _id}
 * @param extensions fields not modelled, kept as found
 */
public record SynchronousMessage(
        String description,
        List<ProviderState> providerStates,
        MessageContents request,
        List<MessageContents> responses,
        Optional<String> key,
        boolean pending,
        Map<String, JsonNode> comments,
        Optional<String> id,
        Map<String, JsonNode> extensions)
        implements Interaction {

    public SynchronousMessage {
        Objects.requireNonNull(description, "description");
        providerStates = List.copyOf(providerStates);
        Objects.requireNonNull(request, "request");
        responses = List.copyOf(responses);
        Objects.requireNonNull(key, "key");
        comments = Collections.unmodifiableMap(new LinkedHashMap<>(comments));
        Objects.requireNonNull(id, "id");
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** An exchange without provider states, key, comments or extensions. */
    public static SynchronousMessage of(String description, MessageContents request, List<MessageContents> responses) {
        return new SynchronousMessage(
                description,
                List.of(),
                request,
                responses,
                Optional.empty(),
                false,
                Map.of(),
                Optional.empty(),
                Map.of());
    }

    @Override
    public String type() {
        return "Synchronous/Messages";
    }

    public SynchronousMessage withProviderStates(List<ProviderState> states) {
        return new SynchronousMessage(description, states, request, responses, key, pending, comments, id, extensions);
    }

    public SynchronousMessage withKey(String newKey) {
        return new SynchronousMessage(
                description,
                providerStates,
                request,
                responses,
                Optional.of(newKey),
                pending,
                comments,
                id,
                extensions);
    }
}
