package io.pactbroker.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One interaction of a pact: an {@linkplain HttpInteraction HTTP request and response}, an {@linkplain
 * AsynchronousMessage asynchronous message} or (V4) a {@linkplain SynchronousMessage synchronous message}.
 *
 * <pre>{@code
 * for (Interaction interaction : pact.interactions()) {
 *     if (interaction instanceof HttpInteraction http) {
 *         verify(http.request(), http.response());
 *     } else if (interaction instanceof AsynchronousMessage message) {
 *         verify(message.contents());
 *     }
 * }
 * }</pre>
 */
public sealed interface Interaction permits HttpInteraction, AsynchronousMessage, SynchronousMessage {

    /** What the interaction is about ({@code "get order"}); unique within a pact with its provider states. */
    String description();

    /** The states the provider must be in, in order. */
    List<ProviderState> providerStates();

    /** The V4 key that identifies the interaction within its pact. */
    Optional<String> key();

    /** V4: whether a failure to verify this interaction must not fail the build. */
    boolean pending();

    /** V4 comments ({@code text}, {@code testname}, ...). */
    Map<String, JsonNode> comments();

    /** The {@code _id} the Pact Broker gives an interaction, if it has one. */
    Optional<String> id();

    /**
     * Fields of the interaction this library does not model (for example {@code pluginConfiguration}, {@code
     * interactionMarkup}, {@code transport}), kept as found so that they survive a rewrite.
     */
    Map<String, JsonNode> extensions();

    /** The V4 type: {@code Synchronous/HTTP}, {@code Asynchronous/Messages} or {@code Synchronous/Messages}. */
    String type();
}
