package io.pactbroker.consumer.junit;

import io.pactbroker.consumer.PactBuilder;
import java.net.URI;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * The in-process HTTP mock server of a pact test class, injected as a test parameter. Each test declares what it
 * expects with {@link #expect(Consumer)}; the server answers matching requests with the interaction's response.
 * After the test, any request that matched nothing, and any expected request that never came, fails the test. The
 * server is started once per test class and reset before each test.
 *
 * <pre>{@code
 * @Test
 * void fetchesAnOrder(MockServer orders) {
 *     orders.expect(pact -> pact
 *         .given("order 7 exists")
 *         .uponReceiving("get order").get("/orders/7")
 *         .willRespondWith(200, body -> body.integer("id", 7)));
 *
 *     assertThat(new OrdersClient(orders.url()).order(7).id()).isEqualTo(7);
 * }
 * }</pre>
 */
public interface MockServer {

    /** Adds interactions this test expects (HTTP ones are served; messages are recorded in the pact as they are). */
    MockServer expect(Consumer<PactBuilder> interactions);

    /** The base URL, {@code http://127.0.0.1:52312} (or {@code https://...} with TLS), without a trailing slash. */
    String url();

    /** The base URL as a URI. */
    default URI uri() {
        return URI.create(url());
    }

    /** The URL of a path on the server: {@code url("/orders/7")}. */
    default String url(String path) {
        return url() + (path.startsWith("/") ? path : "/" + path);
    }

    /** The port the server listens on. */
    int port();

    /** Whether the server speaks TLS. */
    boolean isTls();

    /**
     * An SSL context that trusts the server's self-signed certificate (TLS only), for the client under test:
     * {@code HttpClient.newBuilder().sslContext(server.sslContext())}.
     *
     * @throws IllegalStateException when the server does not use TLS
     */
    SSLContext sslContext();
}
