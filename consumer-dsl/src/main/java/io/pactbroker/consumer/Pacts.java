package io.pactbroker.consumer;

/**
 * Where every pact starts: {@code Pacts.between(consumer, provider)}. In a JUnit test the extension hands you a
 * builder for the test class's pair instead (see {@code io.pactbroker.consumer.junit}).
 *
 * <pre>{@code
 * Pact pact = Pacts.between("web", "orders")
 *     .given("order 7 exists")
 *     .uponReceiving("get order").get("/orders/7")
 *     .willRespondWith(200, body -> body.integer("id", 7).eachLike("lines", line -> line.string("sku", "A1")))
 *     .toPact();
 * }</pre>
 */
public final class Pacts {

    private Pacts() {}

    /** A builder for the interactions the consumer expects of the provider. */
    public static PactBuilder between(String consumer, String provider) {
        return new PactBuilderImpl(consumer, provider);
    }
}
