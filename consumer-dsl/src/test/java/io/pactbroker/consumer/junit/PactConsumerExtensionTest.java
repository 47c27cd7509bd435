package io.pactbroker.consumer.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.pactbroker.core.PactSpecification;
import io.pactbroker.core.model.Interaction;
import io.pactbroker.core.model.Pact;
import io.pactbroker.core.model.PactReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;

class PactConsumerExtensionTest {

    @Test
    void shouldWriteTheInteractionsOfPassingTestsToThePactFile() throws IOException {
        Path file = clean("passing").resolve("web-orders.json");

        run(Fixtures.Passing.class).testEvents().assertStatistics(s -> s.succeeded(4)
                .failed(0));

        Pact pact = PactReader.read(file);
        assertThat(pact.specification()).isEqualTo(PactSpecification.V4);
        assertThat(pact.interactions())
                .extracting(Interaction::description)
                .containsExactly("get a quote", "get order", "order cancelled", "order shipped");
        assertThat(pact.interactions())
                .extracting(Interaction::type)
                .containsExactly(
                        "Synchronous/Messages", "Synchronous/HTTP", "Asynchronous/Messages", "Asynchronous/Messages");
    }

    @Test
    void shouldFailOnAnUnexpectedRequestNamingTheClosestInteractionAndEachMismatch() {
        AssertionFailedError error = failure(Fixtures.UnexpectedRequest.class);

        assertThat(error.getMessage())
                .isEqualTo("Pact web -> orders: the mock server found 2 problems\n"
                        + "  unexpected request: GET /orders/8 matched no interaction; the closest is \"get order\","
                        + " given \"order 7 exists\":\n"
                        + "    path: expected \"/orders/7\" but was \"/orders/8\" (interaction \"get order\", given"
                        + " \"order 7 exists\")\n"
                        + "  missing request: GET /orders/7 (interaction \"get order\", given \"order 7 exists\") was"
                        + " expected but never received");
        assertThat(error.getExpected().getStringRepresentation()).startsWith("GET /orders/7");
        assertThat(error.getActual().getStringRepresentation()).isEqualTo("GET /orders/8");
    }

    @Test
    void shouldFailWhenAnExpectedRequestNeverCame() {
        AssertionFailedError error = failure(Fixtures.MissingRequest.class);

        assertThat(error.getMessage())
                .isEqualTo("Pact web -> orders: the mock server found 1 problem\n"
                        + "  missing request: GET /orders/9 (interaction \"get order 9\") was expected but never"
                        + " received");
    }

    @Test
    void shouldReportTheMismatchRatherThanTheClientsOwnFailure() {
        AssertionFailedError error = failure(Fixtures.ClientFailsOnMismatch.class);

        assertThat(error.getMessage())
                .contains(
                        "unexpected request: POST /orders/7/lines matched no interaction; the closest is \"add line\"")
                .contains("$.quantity: expected an integer but was \"two\" (interaction \"add line\")");
        assertThat(error.getSuppressed()).hasSize(1);
        assertThat(error.getSuppressed()[0]).hasMessage("the client got 500");
        assertThat(error.getExpected().getStringRepresentation()).contains("\"quantity\": 2");
        assertThat(error.getActual().getStringRepresentation()).contains("\"quantity\": \"two\"");
    }

    @Test
    void shouldNameAMisspelledInteractionsMethod() {
        List<Event> failed =
                run(Fixtures.MisnamedInteractions.class).testEvents().failed().list();

        assertThat(failed).hasSize(1);
        assertThat(failed.get(0)
                        .getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable)
                        .orElseThrow())
                .hasMessage("@Interactions(\"orderShiped\") on handles: MisnamedInteractions has no method"
                        + " orderShiped(PactBuilder)");
    }

    @Test
    void shouldLeaveTheInteractionsOfFailedTestsOutOfThePact() throws IOException {
        Path dir = clean("partly");

        run(Fixtures.OneTestFails.class).testEvents().assertStatistics(s -> s.succeeded(1)
                .failed(1));

        assertThat(PactReader.read(dir.resolve("web-orders.json")).interactions())
                .extracting(Interaction::description)
                .containsExactly("kept");
    }

    @Test
    void shouldServeHttpsWithAGeneratedCertificate() {
        clean("tls");

        run(Fixtures.Tls.class).testEvents().assertStatistics(s -> s.succeeded(1)
                .failed(0));
    }

    @Test
    void shouldWorkWhenRegisteredWithABuilderOnAFixedPortWritingV3() throws IOException {
        Path dir = clean("registered");

        run(Fixtures.Registered.class).testEvents().assertStatistics(s -> s.succeeded(1)
                .failed(0));

        String json = Files.readString(dir.resolve("app-users.json"));
        assertThat(json).contains("\"version\": \"3.0.0\"").doesNotContain("sync");
    }

    @Test
    void shouldMergeEveryClassOfAParallelRunIntoOneFile() throws IOException {
        Path dir = clean("parallel");

        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .selectors(Fixtures.parallel().stream().map(c -> selectClass(c)).toArray(ClassSelector[]::new))
                .execute();

        results.testEvents().assertStatistics(s -> s.succeeded(8).failed(0));
        assertThat(PactReader.read(dir.resolve("web-orders.json")).interactions())
                .extracting(Interaction::description)
                .containsExactly("a 1", "a 2", "b 1", "b 2", "c 1", "c 2", "d 1", "d 2");
    }

    private static EngineExecutionResults run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .execute();
    }

    private static AssertionFailedError failure(Class<?> fixture) {
        List<Event> failed = run(fixture).testEvents().failed().list();
        assertThat(failed).hasSize(1);
        Throwable thrown = failed.get(0)
                .getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable)
                .orElseThrow();
        assertThat(thrown).isInstanceOf(AssertionFailedError.class);
        return (AssertionFailedError) thrown;
    }

    static Path clean(String name) {
        Path dir = Path.of(Fixtures.DIR, name);
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return dir;
    }
}
