package io.pactbroker.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactbroker.core.internal.Json;
import io.pactbroker.verifier.support.PactFiles;
import io.pactbroker.verifier.support.TestProvider;
import io.pactbroker.verifier.support.TestProvider.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library against a real HTTP provider started in the test, with pacts from files. */
public class ProviderVerifierTest {

    public static final String GET_ORDER = """
            {"description": "get order 7", "providerState": "order 7 exists",
             "request": {"method": "GET", "path": "/orders/7", "headers": {"Accept": "application/json"}},
             "response": {"status": 200, "headers": {"Content-Type": "application/json"},
               "body": {"id": 7, "status": "OPEN", "total": 9.99},
               "matchingRules": {"body": {"$.status": {"matchers": [{"match": "regex", "regex": "OPEN|PAID"}]},
                                          "$.total": {"matchers": [{"match": "decimal"}]}}}}}
            """;

    static final String NEW_ORDER = """
            {"description": "get a new order", "providerStates": [{"name": "an order exists", "params": {"sku": "A1"}}],
             "request": {"method": "GET", "path": "/orders/1",
               "generators": {"path": {"type": "ProviderState", "expression": "/orders/${id}"}}},
             "response": {"status": 200, "body": {"id": 1, "sku": "A1"},
               "matchingRules": {"body": {"$.id": {"matchers": [{"match": "integer"}]}}},
               "generators": {"body": {"$.id": {"type": "ProviderState", "expression": "id"}}}}}
            """;

    @TempDir
    Path dir;

    TestProvider provider;
    final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        provider = TestProvider.start();
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private ProviderVerifier.Builder verifier(String interactions) {
        Path file = PactFiles.write(dir, "web-orders.json", PactFiles.v3("web", "orders", interactions));
        return ProviderVerifier.forProvider("orders")
                .providerUrl(provider.url())
                .pacts(PactSource.file(file))
                .output(new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPassWhenTheProviderAnswersAsThePactExpects() {
        provider.route("GET /orders/7", Reply.json(200, "{\"id\": 7, \"status\": \"PAID\", \"total\": 12.5}"));
        List<String> states = new ArrayList<>();

        VerificationResult result = verifier(GET_ORDER)
                .state("order 7 exists", params -> states.add(params.state()))
                .build()
                .verify();

        assertThat(result.succeeded()).as(console()).isTrue();
        assertThat(result.exitCode()).isEqualTo(ExitCode.SUCCESS);
        assertThat(states).containsExactly("order 7 exists");
        assertThat(result.interactions()).singleElement().satisfies(r -> {
            assertThat(r.passed()).isTrue();
            assertThat(r.displayName()).isEqualTo("web › get order 7 [given order 7 exists]");
        });
        assertThat(provider.received("/orders/7").get(0).headers().get("Accept"))
                .containsExactly("application/json");
        assertThat(console()).contains("ok       get order 7 [given order 7 exists]", "Verification of orders passed.");
    }

    @Test
    void shouldFailWithThePathTheRuleAndBothValuesAndABodyDiff() {
        provider.route("GET /orders/7", Reply.json(200, "{\"id\": 7, \"status\": \"LOST\", \"total\": \"9.99\"}"));

        VerificationResult result = verifier(GET_ORDER)
                .state("order 7 exists", params -> {})
                .build()
                .verify();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILURE);
        InteractionResult failed = result.interactions().get(0);
        assertThat(failed.failureText())
                .contains("$.status: expected a string matching /OPEN|PAID/ but was \"LOST\" (interaction \"get order"
                        + " 7\", given \"order 7 exists\")")
                .contains("$.total: expected a decimal number")
                .contains("body diff (- expected, + actual):")
                .contains("-   \"status\": \"OPEN\"", "+   \"status\": \"LOST\"");
        assertThat(console()).contains("FAILED   get order 7", "Verification of orders FAILED.");
    }

    @Test
    void shouldFeedTheStateHandlersValuesIntoFromProviderStateGenerators() {
        provider.route("GET /orders/42", Reply.json(200, "{\"id\": 42, \"sku\": \"A1\"}"));

        VerificationResult result = verifier(NEW_ORDER)
                .stateValues("an order exists", params -> {
                    assertThat(params.string("sku")).isEqualTo("A1");
                    return Map.of("id", 42);
                })
                .build()
                .verify();

        assertThat(result.succeeded()).as(console()).isTrue();
        assertThat(provider.received("/orders/42")).hasSize(1);
    }

    @Test
    void shouldFailAnInteractionWhoseStateHasNoHandlerListingTheKnownStates() {
        provider.route("GET /orders/7", Reply.json(200, "{}"));

        VerificationResult result = verifier(GET_ORDER)
                .state("no orders", params -> {})
                .state(Pattern.compile("customer \\d+ exists"), params -> {})
                .build()
                .verify();

        assertThat(result.interactions().get(0).error()).hasValueSatisfying(e -> assertThat(e)
                .contains("no state handler for provider state \"order 7 exists\"")
                .contains("the known states are \"no orders\", /customer \\d+ exists/"));
        assertThat(provider.received()).isEmpty();
    }

    @Test
    void shouldTearStatesDownAfterTheInteractionEvenWhenItFails() {
        provider.route("GET /orders/7", Reply.status(500));
        List<String> calls = new ArrayList<>();

        verifier(GET_ORDER)
                .beforeEach(i -> calls.add("before " + i.description()))
                .state("order 7 exists", p -> calls.add("set up"), p -> calls.add("tear down"))
                .afterEach(i -> calls.add("after"))
                .build()
                .verify();

        assertThat(calls).containsExactly("before get order 7", "set up", "tear down", "after");
    }

    @Test
    void shouldReportAStateHandlerThatThrows() {
        VerificationResult result = verifier(GET_ORDER)
                .state("order 7 exists", params -> {
                    throw new IllegalStateException("database is down");
                })
                .build()
                .verify();

        assertThat(result.interactions().get(0).failureText())
                .startsWith("provider state \"order 7 exists\" failed to set up: IllegalStateException: database is"
                        + " down (interaction \"get order 7\", given \"order 7 exists\")");
    }

    @Test
    void shouldPostStatesToTheStateChangeUrlAndUseTheValuesItReturns() throws Exception {
        provider.route("POST /_pact/state", Reply.json(200, "{\"id\": 42}"));
        provider.route("GET /orders/42", Reply.json(200, "{\"id\": 42, \"sku\": \"A1\"}"));

        VerificationResult result = verifier(NEW_ORDER)
                .stateChangeUrl(provider.url() + "/_pact/state")
                .stateChangeTeardown(true)
                .build()
                .verify();

        assertThat(result.succeeded()).as(console()).isTrue();
        List<TestProvider.Received> changes = provider.received("/_pact/state");
        assertThat(changes).hasSize(2);
        assertThat(Json.parse(changes.get(0).body()))
                .isEqualTo(Json.parse(
                        "{\"state\": \"an order exists\", \"params\": {\"sku\": \"A1\"}, \"action\":" + " \"setup\"}"));
        assertThat(changes.get(0).headers().get("Content-type")).containsExactly("application/json");
        assertThat(Json.parse(changes.get(1).body()).path("action").asText()).isEqualTo("teardown");
    }

    @Test
    void shouldSendStateChangesAsQueryParametersWhenAsked() throws Exception {
        provider.route("POST /_pact/state", Reply.status(200));
        provider.route("GET /orders/7", Reply.json(200, "{\"id\": 7, \"status\": \"PAID\", \"total\": 1.5}"));

        verifier(GET_ORDER)
                .stateChangeUrl(provider.url() + "/_pact/state")
                .stateChangeAsQuery(true)
                .build()
                .verify();

        assertThat(provider.received("/_pact/state").get(0).query()).isEqualTo("state=order+7+exists&action=setup");
    }

    @Test
    void shouldFailTheInteractionWhenTheStateChangeUrlFails() {
        provider.route("POST /_pact/state", Reply.json(500, "{\"error\": \"unknown state\"}"));

        VerificationResult result = verifier(GET_ORDER)
                .stateChangeUrl(provider.url() + "/_pact/state")
                .build()
                .verify();

        assertThat(result.interactions().get(0).error()).hasValueSatisfying(e -> assertThat(e)
                .contains("provider state \"order 7 exists\" failed to set up")
                .contains("answered 500 to setup: {\"error\":\"unknown state\"}"));
    }

    @Test
    void shouldApplyRequestFiltersInOrder() {
        provider.route(
                "GET /v2/orders/7",
                r -> r.headers().getOrDefault("Authorization", List.of()).contains("Bearer secret")
                        ? Reply.json(200, "{\"id\": 7, \"status\": \"OPEN\", \"total\": 1.0}")
                        : Reply.status(401));

        VerificationResult result = verifier(GET_ORDER)
                .state("order 7 exists", p -> {})
                .requestFilter(r -> r.withHeader("Authorization", "Bearer secret"))
                .requestFilter(r -> r.withPath("/v2" + r.path()))
                .build()
                .verify();

        assertThat(result.succeeded()).as(console()).isTrue();
    }

    @Test
    void shouldSendAPercentEscapeOfThePactsPathAsItIsAndEncodeEverythingElse() {
        // The Ruby and Rust mock servers record the path as received: "/pacticipants/Pricing%20Service".
        provider.route("GET /pacticipants/Pricing Service", Reply.status(200));
        provider.route("GET /orders/a b/100%", Reply.status(200));
        String interactions = """
                {"description": "escaped", "request": {"method": "GET", "path": "/pacticipants/Pricing%20Service"},
                 "response": {"status": 200}},
                {"description": "raw", "request": {"method": "GET", "path": "/orders/a b/100%"},
                 "response": {"status": 200}}
                """;

        VerificationResult result = verifier(interactions).build().verify();

        assertThat(result.succeeded()).as(console()).isTrue();
        assertThat(provider.received("/pacticipants/Pricing Service")).hasSize(1);
        assertThat(provider.received("/orders/a b/100%")).hasSize(1);
    }

    @Test
    void shouldSendAHostHeaderThatTheJdkHttpClientRefuses() {
        provider.route(
                "GET /host",
                r -> Reply.json(200, "{\"host\": \"" + r.headers().get("Host").get(0) + "\"}"));
        String interaction = """
                {"description": "virtual host", "request": {"method": "GET", "path": "/host",
                  "headers": {"Host": "orders.example.com", "Connection": "close"}},
                 "response": {"status": 200, "body": {"host": "orders.example.com"}}}
                """;

        VerificationResult result = verifier(interaction).build().verify();

        assertThat(result.succeeded()).as(console()).isTrue();
    }

    @Test
    void shouldNotFailTheRunForAPendingInteraction() {
        provider.route("GET /orders/7", Reply.status(404));
        String pending = """
                {"type": "Synchronous/HTTP", "description": "get order 7", "pending": true,
                 "request": {"method": "GET", "path": "/orders/7"}, "response": {"status": 200}}
                """;
        Path file = PactFiles.write(dir, "web-orders.json", PactFiles.v4("web", "orders", pending));

        VerificationResult result = ProviderVerifier.forProvider("orders")
                .providerUrl(provider.url())
                .pacts(PactSource.file(file))
                .output(new PrintStream(console, true, StandardCharsets.UTF_8))
                .build()
                .verify();

        assertThat(result.succeeded()).isTrue();
        assertThat(result.pendingFailedCount()).isEqualTo(1);
        assertThat(console()).contains("PENDING  get order 7", "failed, but it is pending");
        assertThat(Reports.junitXml(result)).contains("<skipped message=\"pending: status: expected 200 but was 404");
    }

    @Test
    void shouldVerifyMessagesWithRegisteredProducers() {
        String messages = """
                {"description": "order shipped", "providerStates": [{"name": "order 7 shipped"}],
                 "contents": {"orderId": 7, "status": "SHIPPED"}, "metaData": {"topic": "orders"},
                 "matchingRules": {"body": {"$.orderId": {"matchers": [{"match": "integer"}]}}}},
                {"description": "order cancelled", "contents": {"orderId": 7, "reason": "late"}}
                """;
        Path file = PactFiles.write(dir, "web-events.json", PactFiles.v3Messages("web", "order-events", messages));

        VerificationResult result = ProviderVerifier.forProvider("order-events")
                .pacts(PactSource.file(file))
                .output(new PrintStream(console, true, StandardCharsets.UTF_8))
                .state("order 7 shipped", p -> {})
                .messageProducer(
                        "order shipped", request -> ProducedMessage.json("{\"orderId\": 99, \"status\": \"SHIPPED\"}")
                                .withMetadata("topic", "orders"))
                .messageProducer("order cancelled", request -> ProducedMessage.json("{\"orderId\": 7}"))
                .build()
                .verify();

        assertThat(result.interactions()).hasSize(2);
        assertThat(result.interactions().get(0).passed()).as(console()).isTrue();
        assertThat(result.interactions().get(1).failureText())
                .contains("$.reason: expected \"late\" but the key was missing");
    }

    @Test
    void shouldAskTheProvidersMessageEndpointForMessagesWithoutAProducer() throws Exception {
        provider.route(
                "POST /messages",
                r -> r.body().contains("\"order shipped\"")
                        ? new Reply(
                                200,
                                Map.of(
                                        "Content-Type",
                                        "application/json",
                                        "Pact-Message-Metadata",
                                        java.util.Base64.getEncoder()
                                                .encodeToString(
                                                        "{\"topic\": \"orders\"}".getBytes(StandardCharsets.UTF_8))),
                                "{\"orderId\": 7}")
                        : Reply.status(404));
        String messages = """
                {"description": "order shipped", "contents": {"orderId": 7}, "metaData": {"topic": "orders"}}
                """;
        Path file = PactFiles.write(dir, "web-events.json", PactFiles.v3Messages("web", "order-events", messages));

        VerificationResult result = ProviderVerifier.forProvider("order-events")
                .pacts(PactSource.file(file))
                .providerUrl(provider.url())
                .messageEndpoint(provider.url() + "/messages")
                .output(new PrintStream(console, true, StandardCharsets.UTF_8))
                .build()
                .verify();

        assertThat(result.succeeded()).as(console()).isTrue();
        assertThat(Json.parse(provider.received("/messages").get(0).body()))
                .isEqualTo(Json.parse("{\"description\": \"order shipped\"}"));
    }

    @Test
    void shouldSayWhichMessagesHaveProducersWhenOneIsMissing() {
        String messages = "{\"description\": \"order shipped\", \"contents\": {\"orderId\": 7}}";
        Path file = PactFiles.write(dir, "web-events.json", PactFiles.v3Messages("web", "order-events", messages));

        VerificationResult result = ProviderVerifier.forProvider("order-events")
                .pacts(PactSource.file(file))
                .messageProducer("order created", r -> ProducedMessage.json("{}"))
                .output(new PrintStream(console, true, StandardCharsets.UTF_8))
                .build()
                .verify();

        assertThat(result.interactions().get(0).failureText())
                .startsWith("no message producer for \"order shipped\": the known messages are \"order created\"");
    }

    @Test
    void shouldSayWhenTheProviderCannotBeReached() {
        VerificationResult result = ProviderVerifier.forProvider("orders")
                .providerUrl("http://127.0.0.1:1")
                .pacts(PactSource.file(PactFiles.write(dir, "p.json", PactFiles.v3("web", "orders", GET_ORDER))))
                .state("order 7 exists", p -> {})
                .output(new PrintStream(console, true, StandardCharsets.UTF_8))
                .build()
                .verify();

        assertThat(result.interactions().get(0).failureText())
                .contains("the provider at http://127.0.0.1:1 refused the connection (is it running, and is the URL"
                        + " right?)");
    }

    @Test
    void shouldReadEveryPactOfAFolderForTheProviderAndFilterInteractions() {
        PactFiles.write(dir, "web-orders.json", PactFiles.v3("web", "orders", GET_ORDER + "," + NEW_ORDER));
        PactFiles.write(dir, "web-users.json", PactFiles.v3("web", "users", GET_ORDER));
        PactFiles.write(dir, "app-orders.json", PactFiles.v3("app", "orders", GET_ORDER));
        provider.route("GET /orders/7", Reply.json(200, "{\"id\": 7, \"status\": \"PAID\", \"total\": 1.5}"));

        VerificationResult result = ProviderVerifier.forProvider("orders")
                .providerUrl(provider.url())
                .pacts(PactSource.directory(dir))
                .filterDescription("order 7")
                .filterConsumers(List.of("web"))
                .state("order 7 exists", p -> {})
                .output(new PrintStream(console, true, StandardCharsets.UTF_8))
                .build()
                .verify();

        assertThat(result.pacts()).extracting(PactResult::consumer).containsExactly("web");
        assertThat(result.interactions())
                .extracting(r -> r.interaction().description())
                .containsExactly("get order 7");
        assertThat(console()).contains("web-users.json: it is a pact with users, not orders");
    }

    @Test
    void shouldRefuseAPactFileOfAnotherProvider() {
        Path file = PactFiles.write(dir, "web-users.json", PactFiles.v3("web", "users", GET_ORDER));

        assertThatThrownBy(() -> ProviderVerifier.forProvider("orders")
                        .pacts(PactSource.file(file))
                        .build()
                        .verify())
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("is for the provider \"users\", not \"orders\"");
    }

    @Test
    void shouldWriteJUnitXmlJsonAndMarkdownReports() throws Exception {
        provider.route("GET /orders/7", Reply.json(200, "{\"id\": 7, \"status\": \"LOST\", \"total\": 1.5}"));
        VerificationResult result =
                verifier(GET_ORDER).state("order 7 exists", p -> {}).build().verify();

        String xml = Reports.junitXml(result);
        javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(xml)
                .contains("<testsuite name=\"web › orders\" tests=\"1\" failures=\"1\"")
                .contains("<testcase classname=\"web.orders\" name=\"web › get order 7 [given order 7 exists]\"")
                .contains(
                        "<failure message=\"$.status: expected a string matching /OPEN|PAID/ but was &quot;LOST&quot;");
        var json = Json.parse(Reports.json(result));
        assertThat(json.path("success").asBoolean()).isFalse();
        assertThat(json.at("/pacts/0/interactions/0/mismatches/0/location").asText())
                .isEqualTo("$.status");
        assertThat(Reports.markdown(result))
                .contains("## Pact verification of orders: FAILED")
                .contains("| web | file ")
                .contains("### Failed: web › get order 7 [given order 7 exists]");
    }
}
