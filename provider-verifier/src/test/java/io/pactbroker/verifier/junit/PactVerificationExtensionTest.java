package io.pactbroker.verifier.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.pactbroker.verifier.PactSource;
import io.pactbroker.verifier.StateParams;
import io.pactbroker.verifier.support.PactFiles;
import io.pactbroker.verifier.support.TestProvider;
import io.pactbroker.verifier.support.TestProvider.Reply;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** The JUnit 5 integration, both ways (annotation and builder), run through the JUnit Platform. */
class PactVerificationExtensionTest {

    static final Path DIR = Path.of("target/junit-pacts");
    static TestProvider provider;

    @BeforeAll
    static void pactsAndProvider() {
        String interactions = """
                {"description": "get order 7", "providerState": "order 7 exists",
                 "request": {"method": "GET", "path": "/orders/7"},
                 "response": {"status": 200, "body": {"id": 7}}},
                {"description": "get a customer", "providerStates": [{"name": "a customer exists", "params": {"name": "Ada", "vip": true}}],
                 "request": {"method": "GET", "path": "/customers/1"},
                 "response": {"status": 200, "body": {"name": "Ada"}}},
                {"description": "get order 8", "request": {"method": "GET", "path": "/orders/8"},
                 "response": {"status": 200, "body": {"id": 8}}}
                """;
        PactFiles.write(DIR, "web-orders.json", PactFiles.v3("web", "orders", interactions));
        String pending = """
                {"type": "Synchronous/HTTP", "description": "cancel order", "pending": true,
                 "request": {"method": "DELETE", "path": "/orders/7"}, "response": {"status": 204}}
                """;
        PactFiles.write(DIR, "app-orders.json", PactFiles.v4("app", "orders", pending));
        provider = TestProvider.start()
                .route("GET /orders/7", Reply.json(200, "{\"id\": 7}"))
                .route("GET /customers/1", Reply.json(200, "{\"name\": \"Ada\"}"))
                .route("GET /orders/8", Reply.json(500, "{\"error\": \"boom\"}"));
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    record Customer(String name, boolean vip) {}

    @PactVerificationTest(provider = "orders", pactFolders = "target/junit-pacts")
    static class AnnotatedProvider {
        static final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();

        @TestFactory
        Stream<DynamicTest> pacts(ProviderVerification verification) {
            return verification.providerUrl(provider.url()).dynamicTests();
        }

        @State("order 7 exists")
        Map<String, Object> orderExists(StateParams params) {
            calls.add("set up " + params.state());
            return Map.of();
        }

        @State(value = "order 7 exists", action = State.Action.TEARDOWN)
        void noOrders() {
            calls.add("tear down");
        }

        @State("a customer exists")
        void customer(Customer customer) {
            calls.add("customer " + customer);
        }
    }

    static class RegisteredProvider {
        @RegisterExtension
        static PactVerificationExtension pact = PactVerificationExtension.builder("orders")
                .pacts(PactSource.directory(DIR))
                .consumers(List.of("web"))
                .configure(v -> v.state("order 7 exists", p -> {}).state("a customer exists", p -> {}))
                .build();

        @TestFactory
        Stream<DynamicTest> pacts(ProviderVerification verification) {
            return verification
                    .providerUrl(provider.url())
                    .configure(v -> v.filterDescription("order 7"))
                    .dynamicTests();
        }
    }

    @Test
    void shouldRunOneDynamicTestPerInteractionNamedByConsumerDescriptionAndStates() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(AnnotatedProvider.class))
                .execute();

        List<String> succeeded = names(results.testEvents().succeeded().list());
        List<String> failed = names(results.testEvents().failed().list());
        List<String> aborted = names(results.testEvents().aborted().list());
        assertThat(succeeded)
                .containsExactly(
                        "web › get order 7 [given order 7 exists]", "web › get a customer [given a customer exists]");
        assertThat(failed).containsExactly("web › get order 8");
        assertThat(aborted).containsExactly("app › cancel order");
        Throwable failure = results.testEvents()
                .failed()
                .list()
                .get(0)
                .getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable)
                .orElseThrow();
        assertThat(failure)
                .isInstanceOf(org.opentest4j.AssertionFailedError.class)
                .hasMessageContaining("status: expected 200 but was 500 (interaction \"get order 8\")");
        assertThat(AnnotatedProvider.calls)
                .containsExactly("set up order 7 exists", "tear down", "customer Customer[name=Ada, vip=true]");
    }

    @Test
    void shouldWorkTheSameWithARegisteredExtensionAndItsBuilder() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(RegisteredProvider.class))
                .execute();

        assertThat(names(results.testEvents().succeeded().list()))
                .containsExactly("web › get order 7 [given order 7 exists]");
        results.testEvents().assertStatistics(s -> s.failed(0).aborted(0));
    }

    private static List<String> names(List<Event> events) {
        return events.stream().map(e -> e.getTestDescriptor().getDisplayName()).toList();
    }
}
