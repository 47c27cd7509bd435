package io.pactbroker.consumer.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactbroker.consumer.Http;
import io.pactbroker.consumer.Matchers;
import io.pactbroker.consumer.PactBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Test classes run by {@link PactConsumerExtensionTest} through the JUnit test kit (never directly). */
class Fixtures {

    static final String DIR = "target/test-pacts/";

    @PactConsumerTest(consumer = "web", provider = "orders", pactDirectory = DIR + "passing")
    static class Passing {

        @Test
        void fetchesAnOrder(MockServer orders) {
            orders.expect(pact -> pact.given("order 7 exists")
                    .uponReceiving("get order")
                    .get("/orders/7")
                    .willRespondWith(200, body -> body.integer("id", 7)));

            assertThat(Http.get(orders.url("/orders/7")).body()).isEqualTo("{\"id\":7}");
        }

        @Test
        void handlesAShippedOrder(Messages messages) {
            Message shipped = messages.expect(
                    pact -> pact.expectsToReceive("order shipped", m -> m.content(body -> body.integer("orderId", 7))
                            .metadata("topic", "orders")));

            assertThat(shipped.json().get("orderId").intValue()).isEqualTo(7);
            assertThat(shipped.metadata().get("topic").textValue()).isEqualTo("orders");
        }

        void orderCancelled(PactBuilder pact) {
            pact.given("order 7 exists")
                    .expectsToReceive("order cancelled", m -> m.content(body -> body.field("id", Matchers.uuid())));
        }

        static void quote(PactBuilder pact) {
            pact.uponReceivingMessage(
                    "get a quote", exchange -> exchange.request(m -> m.content(body -> body.string("sku", "A1")))
                            .response(m -> m.content(body -> body.decimal("price", 9.99))));
        }

        @Test
        @Interactions("orderCancelled")
        void handlesACancelledOrder(Message cancelled) {
            assertThat(cancelled.json().get("id").textValue()).hasSize(36);
        }

        @Test
        @Interactions("quote")
        void readsAQuote(MessageExchange exchange) {
            assertThat(exchange.response().json().get("price").decimalValue()).isEqualByComparingTo("9.99");
        }
    }

    @PactConsumerTest(consumer = "web", provider = "orders", pactDirectory = DIR + "failing")
    static class UnexpectedRequest {
        @Test
        void callsTheWrongOrder(MockServer orders) {
            orders.expect(pact -> pact.given("order 7 exists")
                    .uponReceiving("get order")
                    .get("/orders/7")
                    .willRespondWith(200, body -> body.integer("id", 7)));

            Http.get(orders.url("/orders/8"));
        }
    }

    @PactConsumerTest(consumer = "web", provider = "orders", pactDirectory = DIR + "failing")
    static class MissingRequest {
        @Test
        void forgetsOneCall(MockServer orders) {
            orders.expect(pact -> pact.uponReceiving("get order 7")
                    .get("/orders/7")
                    .willRespondWith(200)
                    .uponReceiving("get order 9")
                    .get("/orders/9")
                    .willRespondWith(200));

            Http.get(orders.url("/orders/7"));
        }
    }

    @PactConsumerTest(consumer = "web", provider = "orders", pactDirectory = DIR + "failing")
    static class ClientFailsOnMismatch {
        @Test
        void sendsAWrongBody(MockServer orders) {
            orders.expect(pact -> pact.uponReceiving("add line")
                    .post("/orders/7/lines")
                    .body(body -> body.string("sku", "A1").integer("quantity", 2))
                    .willRespondWith(201));

            var response = Http.postJson(orders.url("/orders/7/lines"), "{\"sku\":\"A1\",\"quantity\":\"two\"}");
            if (response.statusCode() != 201) {
                throw new IllegalStateException("the client got " + response.statusCode());
            }
        }
    }

    @PactConsumerTest(consumer = "web", provider = "orders", pactDirectory = DIR + "partly")
    static class OneTestFails {
        @Test
        void passes(MockServer orders) {
            orders.expect(pact -> pact.uponReceiving("kept").get("/kept").willRespondWith(200));
            Http.get(orders.url("/kept"));
        }

        @Test
        void fails(MockServer orders) {
            orders.expect(pact -> pact.uponReceiving("dropped").get("/dropped").willRespondWith(200));
            Http.get(orders.url("/dropped"));
            throw new AssertionError("the consumer did not handle the response");
        }
    }

    @PactConsumerTest(consumer = "web", provider = "secure", tls = true, pactDirectory = DIR + "tls")
    static class Tls {
        @Test
        void talksHttps(MockServer secure) {
            secure.expect(
                    pact -> pact.uponReceiving("ping").get("/ping").willRespondWith(200, b -> b.bool("ok", true)));

            assertThat(secure.url()).startsWith("https://127.0.0.1:");
            assertThat(Http.get(secure.url("/ping"), secure.sslContext()).body())
                    .isEqualTo("{\"ok\":true}");
        }
    }

    @PactConsumerTest(consumer = "web", provider = "orders", pactDirectory = DIR + "failing")
    static class MisnamedInteractions {
        @Test
        @Interactions("orderShiped")
        void handles(Message message) {}
    }

    static class Registered {
        static final int PORT = freePort();

        @RegisterExtension
        static final PactConsumerExtension PACT = PactConsumerExtension.builder()
                .consumer("app")
                .provider("users")
                .port(PORT)
                .pactDirectory(DIR + "registered")
                .specification("V3")
                .build();

        @Test
        void usesTheFixedPort(MockServer users) {
            users.expect(pact -> pact.uponReceiving("get user")
                    .get("/users/1")
                    .willRespondWith(200, b -> b.string("name", "Ada"))
                    .uponReceivingMessage("sync", e -> e.request(m -> m.content(Map.of("a", 1)))));

            assertThat(users.port()).isEqualTo(PORT);
            assertThat(Http.get("http://127.0.0.1:" + PORT + "/users/1").statusCode())
                    .isEqualTo(200);
        }

        private static int freePort() {
            try (var socket = new java.net.ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Four classes writing to one pact file, run in parallel. */
    abstract static class ParallelBase {
        abstract String name();

        @Test
        void first(MockServer orders) {
            call(orders, name() + " 1");
        }

        @Test
        void second(MockServer orders) {
            call(orders, name() + " 2");
        }

        private static void call(MockServer orders, String description) {
            String path = "/" + description.replace(' ', '-');
            orders.expect(pact -> pact.uponReceiving(description).get(path).willRespondWith(200));
            assertThat(Http.get(orders.url(path)).statusCode()).isEqualTo(200);
        }
    }

    @PactConsumerTest(consumer = "web", provider = "orders", pactDirectory = DIR + "parallel")
    static class ParallelA extends ParallelBase {
        String name() {
            return "a";
        }
    }

    @PactConsumerTest(consumer = "web", provider = "orders", pactDirectory = DIR + "parallel")
    static class ParallelB extends ParallelBase {
        String name() {
            return "b";
        }
    }

    @PactConsumerTest(consumer = "web", provider = "orders", pactDirectory = DIR + "parallel")
    static class ParallelC extends ParallelBase {
        String name() {
            return "c";
        }
    }

    @PactConsumerTest(consumer = "web", provider = "orders", pactDirectory = DIR + "parallel")
    static class ParallelD extends ParallelBase {
        String name() {
            return "d";
        }
    }

    static List<Class<?>> parallel() {
        return List.of(ParallelA.class, ParallelB.class, ParallelC.class, ParallelD.class);
    }
}
