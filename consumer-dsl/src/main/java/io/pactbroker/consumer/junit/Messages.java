package io.pactbroker.consumer.junit;

import io.pactbroker.consumer.PactBuilder;
import java.util.List;
import java.util.function.Consumer;

/**
 * Message expectations declared inside a test, injected as a test parameter. The messages become part of the pact
 * when the test passes.
 *
 * <pre>{@code
 * @Test
 * void handlesOrderShipped(Messages messages) {
 *     Message shipped = messages.expect(pact -> pact
 *         .expectsToReceive("order shipped", m -> m.content(body -> body.integer("orderId", 7))));
 *     handler.onMessage(shipped.contents());
 * }
 * }</pre>
 */
public interface Messages {

    /** Declares interactions and returns the one asynchronous message among them. */
    Message expect(Consumer<PactBuilder> interactions);

    /** Declares interactions and returns every asynchronous message among them, in order. */
    List<Message> expectAll(Consumer<PactBuilder> interactions);

    /** Declares interactions and returns the one synchronous message exchange among them. */
    MessageExchange expectExchange(Consumer<PactBuilder> interactions);
}
