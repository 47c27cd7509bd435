package io.pactbroker.verifier;

import java.util.List;
import java.util.Map;

/**
 * Produces the message a message interaction describes, the way the provider's code would, so the verifier can match
 * it. Registered by the interaction's description; provider states are set up before it is called.
 *
 * <pre>{@code
 * .messageProducer("order shipped", request -> ProducedMessage.json(json(events.orderShipped(7))))
 * }</pre>
 */
@FunctionalInterface
public interface MessageProducer {

    /** The message for the interaction. */
    ProducedMessage produce(MessageRequest request) throws Exception;

    /**
     * What is asked for.
     *
     * @param description the interaction's description
     * @param states the interaction's provider states, with their parameters
     * @param stateValues the values the state handlers returned
     * @param requestContents for a synchronous message (V4), the request message's contents; empty otherwise
     * @param requestMetadata for a synchronous message, the request message's metadata
     */
    record MessageRequest(
            String description,
            List<StateParams> states,
            Map<String, Object> stateValues,
            byte[] requestContents,
            Map<String, Object> requestMetadata) {

        public MessageRequest {
            states = List.copyOf(states);
            stateValues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stateValues));
            requestContents = requestContents == null ? new byte[0] : requestContents.clone();
            requestMetadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(requestMetadata));
        }

        @Override
        public byte[] requestContents() {
            return requestContents.clone();
        }
    }
}
