package io.pactbroker.broker.compatibility;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.pactbroker.broker.support.ApiTest;
import io.pactbroker.verifier.InteractionResult;
import io.pactbroker.verifier.PactSource;
import io.pactbroker.verifier.ProviderVerifier;
import io.pactbroker.verifier.VerificationPlan;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Dogfooding: our own provider-verifier replays the official Pact Broker client's contracts (the two pact files it
 * recorded against "Pact Broker", in {@code broker-client-contracts/}) against this broker, running on its real HTTP
 * port. Each interaction is a test of its own, named after the file, the interaction and its provider states; each
 * starts from an empty database, and its provider states are built through the broker's services
 * ({@link BrokerClientStates}). The v1 file's placeholder paths and the v2 file's recorded query orders are put right
 * by test-only request filters ({@link RecordedRequests}): they are artefacts of how the contracts were recorded, not
 * what the client sends.
 *
 * <p>The folder is {@code ../../shared/broker-client-contracts} from this module (CI checks the repository out with
 * {@code shared} beside it), or the folder the system property {@code broker.client.contracts} names. Without it,
 * the tests report themselves skipped. The verifier's report of each file is written to {@code
 * target/broker-client-contracts/}.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerClientContractTest extends ApiTest {

    static final String FOLDER_PROPERTY = "broker.client.contracts";
    static final String DEFAULT_FOLDER = "../../shared/broker-client-contracts";
    static final List<String> FILES =
            List.of("pact-broker-client-v1--pact-broker.json", "pact-broker-client-v2--pact-broker.json");

    @TestFactory
    Stream<DynamicNode> thePactBrokerClientsContractsPass() {
        Path folder = Path.of(System.getProperty(FOLDER_PROPERTY, DEFAULT_FOLDER));
        if (!Files.isDirectory(folder)) {
            return Stream.of(skipped(
                    "the Pact Broker client's contracts",
                    "they are not at " + folder.toAbsolutePath().normalize() + " (set -D" + FOLDER_PROPERTY
                            + "=<folder> to point at a copy)"));
        }
        return FILES.stream().map(file -> DynamicContainer.dynamicContainer(file, steps(folder.resolve(file))));
    }

    /**
     * A test that reports itself skipped (an aborted factory would show nothing at all in the build's counts, which
     * would look like a pass).
     */
    private static DynamicTest skipped(String name, String reason) {
        return DynamicTest.dynamicTest(name, () -> Assumptions.assumeTrue(false, reason));
    }

    /** The verifier's console report of each file, kept for reading after the run. */
    static final Path REPORTS = Path.of("target", "broker-client-contracts");

    private final List<PrintStream> reports = new ArrayList<>();

    @AfterAll
    void closeReports() {
        reports.forEach(PrintStream::close);
    }

    private Stream<DynamicTest> steps(Path file) {
        if (!Files.isRegularFile(file)) {
            return Stream.of(skipped(file.getFileName().toString(), file.toAbsolutePath() + " is missing"));
        }
        PrintStream console = report(file.getFileName().toString().replace(".json", ".txt"));
        ProviderVerifier verifier = BrokerClientStates.register(ProviderVerifier.forProvider("Pact Broker"), world)
                .providerUrl(baseUrl())
                .pacts(PactSource.file(file))
                .beforeEach(interaction -> database.clean())
                .afterEach(interaction -> database.clean())
                .requestFilter(RecordedRequests::asExampleOrg)
                .requestFilter(RecordedRequests::realPath)
                .requestFilter(RecordedRequests::realQuery)
                .output(console)
                .build();
        VerificationPlan plan = verifier.plan();
        if (plan.steps().isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> fail("the verifier found no interaction to verify in " + file)));
        }
        return plan.steps().stream()
                .map(step -> DynamicTest.dynamicTest(step.displayName(), () -> {
                    InteractionResult result = step.verify();
                    if (!result.passed()) {
                        fail(result.failureText());
                    }
                    // A warning means the request sent was not quite the contract's (a header left out, say).
                    assertThat(result.warnings()).as(step.displayName()).isEmpty();
                }));
    }

    private PrintStream report(String name) {
        try {
            Files.createDirectories(REPORTS);
            PrintStream stream = new PrintStream(Files.newOutputStream(REPORTS.resolve(name)), true, UTF_8);
            reports.add(stream);
            return stream;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
