package io.pactbroker.consumer;

import io.pactbroker.core.model.Interaction;
import io.pactbroker.core.model.Pact;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Collects interactions between one consumer and one provider: HTTP interactions ({@link #uponReceiving(String)}),
 * asynchronous messages ({@link #expectsToReceive(String, Consumer)}) and synchronous messages ({@link
 * #uponReceivingMessage(String, Consumer)}). Provider states given with {@link #given(String)} apply to the next
 * interaction. Each interaction is checked when it is complete: an example that does not satisfy its own matcher
 * fails with an {@link IllegalArgumentException} naming the interaction and the path.
 *
 * <pre>{@code
 * pact.given("order 7 exists", Map.of("id", 7))
 *     .uponReceiving("get order").get("/orders/7").header("Accept", "application/json")
 *     .willRespondWith(200, body -> body.integer("id", 7))
 *     .expectsToReceive("order shipped", message -> message
 *         .content(body -> body.integer("orderId", 7))
 *         .metadata("topic", "orders"));
 * }</pre>
 */
public interface PactBuilder {

    /** A provider state for the next interaction (call again for several). */
    PactBuilder given(String state);

    /** A provider state with parameters for the next interaction ({@code Map.of("id", 7)}). */
    PactBuilder given(String state, Map<String, ?> params);

    /** Starts an HTTP interaction: the request comes next, then {@code willRespondWith}. */
    RequestBuilder uponReceiving(String description);

    /** An asynchronous message the provider sends, defined in the lambda. */
    PactBuilder expectsToReceive(String description, Consumer<MessageBuilder> message);

    /** A synchronous message exchange: a request message and the response message(s), defined in the lambda. */
    PactBuilder uponReceivingMessage(String description, Consumer<SyncMessageBuilder> exchange);

    /** The interactions defined so far, in order. */
    List<Interaction> interactions();

    /** The pact (specification V4) with the interactions defined so far. */
    Pact toPact();
}
