package io.pactbroker.verifier.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import au.com.dius.pact.consumer.ConsumerPactBuilder;
import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.pactbroker.verifier.InteractionResult;
import io.pactbroker.verifier.PactSource;
import io.pactbroker.verifier.ProducedMessage;
import io.pactbroker.verifier.ProviderVerifier;
import io.pactbroker.verifier.VerificationResult;
import io.pactbroker.verifier.support.TestProvider;
import io.pactbroker.verifier.support.TestProvider.Reply;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * pact-jvm as the independent peer: pacts written by its consumer DSL ({@code au.com.dius.pact.consumer:junit5}), V3
 * and V4, verified by this verifier and by pact-jvm's provider verifier ({@code au.com.dius.pact.provider:junit5})
 * against the same real provider. The corpus has passing and failing interactions; both verifiers must give the same
 * verdict for each one.
 */
class PactJvmInteropTest {

    static final Path DIR = Path.of("target/interop/pact-jvm-corpus");
    static TestProvider provider;

    @BeforeAll
    static void corpusAndProvider() throws Exception {
        if (Files.exists(DIR)) {
            try (var files = Files.list(DIR)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        var http = ConsumerPactBuilder.consumer("web")
                .hasPactWith("orders")
                .given("order 7 exists")
                .uponReceiving("get order 7")
                .path("/orders/7")
                .method("GET")
                .headers(Map.of("Accept", "application/json"))
                .willRespondWith()
                .status(200)
                .body(new PactDslJsonBody()
                        .integerType("id", 7)
                        .stringMatcher("status", "OPEN|PAID", "OPEN")
                        .decimalType("total", new BigDecimal("9.99"))
                        .minArrayLike("lines", 1)
                        .stringMatcher("sku", "[A-Z]\\d", "A1")
                        .integerType("quantity", 2)
                        .closeObject()
                        .closeArray())
                .uponReceiving("search orders")
                .path("/orders")
                .method("GET")
                .query("status=OPEN&page=1")
                .willRespondWith()
                .status(200)
                .body(new PactDslJsonBody()
                        .eachLike("orders")
                        .integerType("id", 1)
                        .closeObject()
                        .closeArray())
                .uponReceiving("place an order")
                .path("/orders")
                .method("POST")
                .body(new PactDslJsonBody().stringType("sku", "A1").integerType("quantity", 2))
                .willRespondWith()
                .status(201)
                .matchHeader("Location", ".*/orders/\\d+", "http://localhost/orders/7")
                .body(new PactDslJsonBody().integerType("id", 7))
                // failing cases: a wrong type, a regex that does not match, a missing key, a wrong status
                .uponReceiving("get order 8 (wrong type)")
                .path("/orders/8")
                .method("GET")
                .willRespondWith()
                .status(200)
                .body(new PactDslJsonBody().integerType("id", 8).decimalType("total", new BigDecimal("1.5")))
                .uponReceiving("get order 9 (regex)")
                .path("/orders/9")
                .method("GET")
                .willRespondWith()
                .status(200)
                .body(new PactDslJsonBody().stringMatcher("status", "OPEN|PAID", "OPEN"))
                .uponReceiving("get order 10 (missing key)")
                .path("/orders/10")
                .method("GET")
                .willRespondWith()
                .status(200)
                .body(new PactDslJsonBody().stringType("name", "x").stringType("email", "x@y"))
                .uponReceiving("delete order 11 (status)")
                .path("/orders/11")
                .method("DELETE")
                .willRespondWith()
                .status(204)
                .toPact();
        write(http, PactSpecVersion.V3, "web-orders.json");
        write(http, PactSpecVersion.V4, "web-v4-orders.json");

        var messages = new MessagePactBuilder()
                .consumer("web")
                .hasPactWith("order-events")
                .expectsToReceive("order shipped")
                .withContent(
                        new PactDslJsonBody().integerType("orderId", 7).stringMatcher("status", "SHIPPED", "SHIPPED"))
                .expectsToReceive("order cancelled (wrong type)")
                .withContent(new PactDslJsonBody().integerType("orderId", 7))
                .toPact();
        write(messages, PactSpecVersion.V3, "web-order-events.json");

        provider = TestProvider.start()
                .route(
                        "GET /orders/7",
                        Reply.json(
                                200,
                                "{\"id\": 70, \"status\": \"PAID\", \"total\": 12.5, \"lines\": [{\"sku\": \"B2\","
                                        + " \"quantity\": 1}, {\"sku\": \"C3\", \"quantity\": 4}]}"))
                .route(
                        "GET /orders",
                        r -> r.query() != null
                                        && java.util.Set.of(r.query().split("&"))
                                                .equals(java.util.Set.of("status=OPEN", "page=1"))
                                ? Reply.json(200, "{\"orders\": [{\"id\": 3}, {\"id\": 4}]}")
                                : Reply.status(400))
                .route(
                        "POST /orders",
                        r -> new Reply(
                                201,
                                Map.of("Content-Type", "application/json", "Location", "http://127.0.0.1/orders/12"),
                                "{\"id\": 12}"))
                .route("GET /orders/8", Reply.json(200, "{\"id\": 8, \"total\": \"1.5\"}"))
                .route("GET /orders/9", Reply.json(200, "{\"status\": \"LOST\"}"))
                .route("GET /orders/10", Reply.json(200, "{\"name\": \"Ada\"}"))
                .route("DELETE /orders/11", Reply.status(200));
    }

    private static void write(au.com.dius.pact.core.model.Pact pact, PactSpecVersion version, String name) {
        Path file = DIR.resolve(name);
        File f = file.toFile();
        f.getParentFile().mkdirs();
        f.delete();
        var result = au.com.dius.pact.core.model.DefaultPactWriter.INSTANCE.writePact(f, pact, version);
        assertThat(result).isInstanceOf(au.com.dius.pact.core.support.Result.Ok.class);
        if (name.startsWith("web-v4")) {
            // pact-jvm names files by the pair; keep both versions apart
            assertThat(f).exists();
        }
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    /** Our verdicts, by "provider: description". */
    private static Map<String, Boolean> ours() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Map<String, Boolean> verdicts = new TreeMap<>();
        for (String name : new String[] {"web-orders.json", "web-v4-orders.json"}) {
            VerificationResult result = ProviderVerifier.forProvider("orders")
                    .providerUrl(provider.url())
                    .pacts(PactSource.file(DIR.resolve(name)))
                    .state("order 7 exists", p -> {})
                    .output(new PrintStream(console, true, StandardCharsets.UTF_8))
                    .build()
                    .verify();
            for (InteractionResult r : result.interactions()) {
                Boolean previous = verdicts.put("orders: " + r.interaction().description(), r.passed());
                assertThat(previous == null || previous == r.passed())
                        .as("V3 and V4 verdicts for " + r.interaction().description())
                        .isTrue();
            }
        }
        VerificationResult events = ProviderVerifier.forProvider("order-events")
                .pacts(PactSource.file(DIR.resolve("web-order-events.json")))
                .messageProducer(
                        "order shipped", r -> ProducedMessage.json("{\"orderId\": 99, \"status\": \"SHIPPED\"}"))
                .messageProducer("order cancelled (wrong type)", r -> ProducedMessage.json("{\"orderId\": \"7\"}"))
                .output(new PrintStream(console, true, StandardCharsets.UTF_8))
                .build()
                .verify();
        events.interactions()
                .forEach(r -> verdicts.put("order-events: " + r.interaction().description(), r.passed()));
        return verdicts;
    }

    /** pact-jvm's verdicts, from its JUnit 5 provider tests run through the JUnit Platform. */
    private static Map<String, Boolean> pactJvms() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(PactJvmOrders.class), selectClass(PactJvmEvents.class))
                .execute();
        Map<String, Boolean> verdicts = new TreeMap<>();
        results.testEvents().finished().stream().forEach(e -> {
            String name = e.getTestDescriptor().getDisplayName();
            String provider = e.getTestDescriptor().getUniqueId().toString().contains("PactJvmEvents")
                    ? "order-events"
                    : "orders";
            String description = name.replaceFirst("^web - (Upon )?", "").trim();
            boolean passed = e.getPayload(TestExecutionResult.class)
                    .map(r -> r.getStatus() == TestExecutionResult.Status.SUCCESSFUL)
                    .orElse(false);
            verdicts.put(provider + ": " + description, passed);
        });
        return verdicts;
    }

    @Test
    void shouldVerifyPactJvmsPactsWithTheSameVerdictsAsPactJvmsVerifier() {
        Map<String, Boolean> ours = ours();
        Map<String, Boolean> theirs = pactJvms();

        assertThat(ours).hasSize(9);
        assertThat(ours.entrySet().stream()
                        .filter(Map.Entry::getValue)
                        .map(Map.Entry::getKey)
                        .collect(Collectors.toList()))
                .containsExactlyInAnyOrder(
                        "orders: get order 7",
                        "orders: search orders",
                        "orders: place an order",
                        "order-events: order shipped");
        assertThat(ours).as("our verdicts against pact-jvm's").isEqualTo(theirs);
    }

    @Provider("orders")
    @PactFolder("target/interop/pact-jvm-corpus")
    public static class PactJvmOrders {
        @TestTemplate
        @ExtendWith(PactVerificationInvocationContextProvider.class)
        void verify(PactVerificationContext context) {
            context.verifyInteraction();
        }

        @BeforeEach
        void target(PactVerificationContext context) {
            context.setTarget(new HttpTestTarget("127.0.0.1", provider.port()));
        }

        @State("order 7 exists")
        public void order7() {}
    }

    @Provider("order-events")
    @PactFolder("target/interop/pact-jvm-corpus")
    public static class PactJvmEvents {
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
        public MessageAndMetadata shipped() {
            return new MessageAndMetadata(
                    "{\"orderId\": 99, \"status\": \"SHIPPED\"}".getBytes(StandardCharsets.UTF_8),
                    Map.of("contentType", "application/json"));
        }

        @PactVerifyProvider("order cancelled (wrong type)")
        public MessageAndMetadata cancelled() {
            return new MessageAndMetadata(
                    "{\"orderId\": \"7\"}".getBytes(StandardCharsets.UTF_8), Map.of("contentType", "application/json"));
        }
    }
}
