package io.pactbroker.consumer.interop;

import static io.pactbroker.consumer.Matchers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pactbroker.consumer.Pacts;
import io.pactbroker.consumer.internal.PactFiles;
import io.pactbroker.core.PactSpecification;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Pacts written by this DSL, verified by pact-jvm's provider verifier ({@code au.com.dius.pact.provider:junit5})
 * against a small real HTTP provider: the rules and generators we write mean to pact-jvm what they mean to us.
 */
class PactJvmVerifiesOurPactsTest {

    static final String DIR = "target/interop/dsl-pacts";

    private static HttpServer provider;
    static volatile int port;
    static volatile boolean broken;

    @BeforeAll
    static void writePactsAndStartTheProvider() throws IOException {
        Path dir = Path.of(DIR);
        if (Files.exists(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        var orders = Pacts.between("web", "orders")
                .given("an order exists", Map.of("id", 42))
                .uponReceiving("get an order")
                .get(fromProviderState("/orders/${id}", "/orders/7"))
                .header("Accept", "application/json")
                .willRespondWith(
                        r -> r.status(200).header("X-Request-Id", uuid()).body(b -> b.field(
                                        "id", fromProviderState("id", 7))
                                .regex("status", "OPEN|PAID", "OPEN")
                                .decimal("total", 9.99)
                                .timestamp("placed", "yyyy-MM-dd'T'HH:mm:ssXXX", "2024-05-01T10:00:00Z")
                                .date("due", "yyyy-MM-dd", "2024-05-31")
                                .uuid("trackingId", "a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b")
                                .field("customer", like(Map.of("name", "Ada", "vip", true)))
                                .field("tags", atLeast(1, "gift"))
                                .field("note", includes("gift", "a gift for Ada"))
                                .field("version", semver("1.2.3"))
                                .field("coupon", nullValue())
                                .eachLike("lines", line -> line.regex("sku", "[A-Z]\\d", "A1")
                                        .integer("quantity", 2)
                                        .number("price", 4.5))))
                .uponReceiving("place an order")
                .post("/orders")
                .body(b -> b.regex("sku", "[A-Z]\\d", "A1").integer("quantity", 2))
                .willRespondWith(r -> r.status(201)
                        .header("Location", regex(".*/orders/\\d+", "http://localhost/orders/7"))
                        .body(b -> b.integer("id", 7)))
                .toPact();
        PactFiles.write(dir, orders, PactSpecification.V4, "interop");

        var events = Pacts.between("web", "order-events")
                .expectsToReceive(
                        "order shipped",
                        m -> m.content(b -> b.integer("orderId", 7)
                                .regex("status", "SHIPPED|DELIVERED", "SHIPPED")
                                .timestamp("at", "yyyy-MM-dd'T'HH:mm:ssXXX", "2024-05-01T10:00:00Z")))
                .toPact();
        PactFiles.write(dir, events, PactSpecification.V4, "interop");

        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/orders", PactJvmVerifiesOurPactsTest::serve);
        provider.start();
        port = provider.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        provider.stop(0);
    }

    private static void serve(HttpExchange exchange) throws IOException {
        String body;
        int status;
        if (exchange.getRequestMethod().equals("POST")) {
            status = 201;
            body = "{\"id\": 1234, \"extra\": true}";
            exchange.getResponseHeaders().set("Location", "http://127.0.0.1:" + port + "/orders/1234");
        } else if (exchange.getRequestURI().getPath().equals("/orders/42")) {
            status = 200;
            body = """
                    {"id": 42, "status": "PAID", "total": %s, "placed": "2025-01-02T03:04:05+01:00", "due": "2025-02-01",
                     "trackingId": "00000000-0000-4000-8000-000000000000", "customer": {"name": "Bob", "vip": false},
                     "tags": ["a", "b"], "note": "no gift today, a gift tomorrow", "version": "2.0.0-rc.1",
                     "coupon": null, "lines": [{"sku": "B2", "quantity": 1, "price": 3}, {"sku": "C3", "quantity": 5, "price": 2.5}]}
                    """.formatted(broken ? "\"9.99\"" : "12.5");
            exchange.getResponseHeaders().set("X-Request-Id", "11111111-2222-4333-8444-555555555555");
        } else {
            status = 404;
            body = "{}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void shouldPassPactJvmsVerificationOfHttpInteractionsAndMessages() {
        broken = false;

        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(OrdersVerification.class), selectClass(EventsVerification.class))
                .execute();

        assertThat(failures(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.succeeded(3).failed(0));
    }

    static java.util.List<String> failures(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(e -> e.getTestDescriptor().getDisplayName() + ": "
                        + e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                                .map(Throwable::toString)
                                .orElse("?"))
                .toList();
    }

    @Test
    void shouldFailPactJvmsVerificationWhenTheProviderBreaksTheContract() {
        broken = true;

        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(OrdersVerification.class))
                .execute();

        assertThat(failures(results)).hasSize(1);
        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
        Throwable failure = results.testEvents()
                .failed()
                .list()
                .get(0)
                .getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .orElseThrow();
        assertThat(failure.getMessage()).contains("total");
    }

    @Provider("orders")
    @PactFolder(DIR)
    public static class OrdersVerification {
        @TestTemplate
        @ExtendWith(PactVerificationInvocationContextProvider.class)
        void verify(PactVerificationContext context) {
            context.verifyInteraction();
        }

        @BeforeEach
        void target(PactVerificationContext context) {
            context.setTarget(new HttpTestTarget("127.0.0.1", port));
        }

        @State("an order exists")
        public Map<String, Object> anOrderExists(Map<String, Object> params) {
            assertThat(String.valueOf(params.get("id"))).isEqualTo("42");
            return Map.of("id", 42);
        }
    }

    @Provider("order-events")
    @PactFolder(DIR)
    public static class EventsVerification {
        @TestTemplate
        @ExtendWith(PactVerificationInvocationContextProvider.class)
        void verify(PactVerificationContext context) {
            context.verifyInteraction();
        }

        @BeforeEach
        void target(PactVerificationContext context) {
            context.setTarget(new MessageTestTarget());
        }

        @PactVerifyProvider("order shipped")
        public MessageAndMetadata orderShipped() {
            return new MessageAndMetadata(
                    "{\"orderId\": 99, \"status\": \"DELIVERED\", \"at\": \"2025-01-01T00:00:00Z\"}"
                            .getBytes(StandardCharsets.UTF_8),
                    Map.of("contentType", "application/json"));
        }
    }
}
