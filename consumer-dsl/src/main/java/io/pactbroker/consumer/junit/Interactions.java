package io.pactbroker.consumer.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the methods of the test class that declare the interactions of a test, when they should be kept apart from the
 * test, or when the test takes message parameters ({@link Message}, {@code List<Message>}, {@link MessageExchange}).
 * Each method takes a {@link io.pactbroker.consumer.PactBuilder}; it may be static or not, and need not be public.
 *
 * <pre>{@code
 * void orderShipped(PactBuilder pact) {
 *     pact.expectsToReceive("order shipped", m -> m.content(body -> body.integer("orderId", 7)));
 * }
 *
 * @Test
 * @Interactions("orderShipped")
 * void handlesOrderShipped(Message message) { handler.onMessage(message.contents()); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Interactions {

    /** The names of the declaring methods, applied in order. */
    String[] value();
}
