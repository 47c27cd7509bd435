package io.pactbroker.consumer.junit;

import java.util.List;

/**
 * A synchronous message exchange as the consumer sees it: the request it sends and the response(s) the provider
 * answers with (generated from the pact).
 *
 * <pre>{@code
 * @Test
 * @Interactions("quote")
 * void readsTheQuote(MessageExchange exchange) {
 *     assertThat(client.parseQuote(exchange.response().json())).isEqualTo(...);
 * }
 * }</pre>
 *
 * @param description the interaction's description
 * @param request the request message
 * @param responses the response messages
 */
public record MessageExchange(String description, Message request, List<Message> responses) {

    public MessageExchange {
        responses = List.copyOf(responses);
    }

    /** The first (usually only) response. */
    public Message response() {
        if (responses.isEmpty()) {
            throw new IllegalStateException("exchange \"" + description + "\" has no response message");
        }
        return responses.get(0);
    }
}
