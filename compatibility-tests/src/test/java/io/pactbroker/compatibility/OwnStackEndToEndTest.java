package io.pactbroker.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.sun.net.httpserver.HttpServer;
import io.pactbroker.compatibility.support.RunningBroker;
import io.pactbroker.compatibility.support.VerifierCli;
import io.pactbroker.consumer.PactSettings;
import io.pactbroker.consumer.Pacts;
import io.pactbroker.consumer.junit.MockServer;
import io.pactbroker.consumer.junit.PactConsumerTest;
import io.pactbroker.consumer.publish.BuildInfo;
import io.pactbroker.consumer.publish.PactPublisher;
import io.pactbroker.consumer.publish.PublishResult;
import io.pactbroker.core.model.PactWriter;
import io.pactbroker.verifier.BrokerSource;
import io.pactbroker.verifier.ConsumerVersionSelector;
import io.pactbroker.verifier.ProviderVerifier;
import io.pactbroker.verifier.PublishOptions;
import io.pactbroker.verifier.VerificationResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Our own stack end to end, as a team adopting it runs it: a consumer-dsl test writes the pact, the consumer-dsl
 * publisher publishes it from the main branch, the provider-verifier library verifies it from the broker (main branch
 * selector, provider branch main, pending) and publishes the result, and the CLI jar gates the deployment
 * (can-i-deploy, record-deployment) and then answers for the consumer's next versions.
 */
@ExtendWith(RunningBroker.Extension.class)
class OwnStackEndToEndTest {

    static final String CONSUMER = "own-web";
    static final String PROVIDER = "own-orders";
    static final String PACT_DIR = "target/own-stack-pacts";

    @TempDir
    Path dir;

    HttpServer provider;
    final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/orders/7", exchange -> {
            byte[] body = "{\"id\": 7, \"status\": \"PAID\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
        deleteRecursively(Path.of(PACT_DIR));
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private PublishResult publish(RunningBroker broker, Path pacts, String version) {
        PactSettings settings = PactSettings.resolve(
                Map.of(),
                List.of(),
                Map.of("PACT_BROKER_BASE_URL", broker.baseUrl().toString()));
        BuildInfo build = new BuildInfo(
                Optional.of("ci"), Optional.of(version), Optional.of("main"), Optional.of("https://ci.example/own"));
        return PactPublisher.of(settings, build)
                .printingTo(new PrintStream(console, true, StandardCharsets.UTF_8))
                .publish(pacts);
    }

    private VerifierCli.Run cli(RunningBroker broker, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "-b";
        all[args.length + 1] = broker.baseUrl().toString();
        return VerifierCli.run(all);
    }

    private static VerifierCli.Run exits(int code, VerifierCli.Run run) {
        assertThat(run.exitCode()).as(run.output()).isEqualTo(code);
        return run;
    }

    @Test
    void shouldGoFromAConsumerTestToADeploymentAndGateTheNextConsumerVersions(RunningBroker broker) throws IOException {
        String environment = RunningBroker.unique("production");

        // the consumer's test writes the pact; CI publishes it from main
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(OrdersClientPact.class))
                .execute()
                .testEvents()
                .assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(Path.of(PACT_DIR, CONSUMER + "-" + PROVIDER + ".json")).exists();
        assertThat(publish(broker, Path.of(PACT_DIR), "1.0.0").outcome())
                .as(console.toString(StandardCharsets.UTF_8))
                .isEqualTo(PublishResult.Outcome.PUBLISHED);

        // the provider's CI verifies what the consumers' main branches need, as its main branch
        VerificationResult verification = ProviderVerifier.forProvider(PROVIDER)
                .providerUrl("http://127.0.0.1:" + provider.getAddress().getPort())
                .state("order 7 exists", p -> {})
                .output(new PrintStream(console, true, StandardCharsets.UTF_8))
                .pacts(BrokerSource.of(broker.baseUrl().toString())
                        .selectors(ConsumerVersionSelector.mainBranch())
                        .providerBranch("main"))
                .publishResults(PublishOptions.providerVersion("o1").branch("main"))
                .build()
                .verify();
        assertThat(verification.succeeded())
                .as(console.toString(StandardCharsets.UTF_8))
                .isTrue();
        assertThat(verification.pacts()).singleElement().satisfies(p -> {
            assertThat(p.pending()).isTrue();
            assertThat(p.wip()).isFalse();
            assertThat(p.passed()).isTrue();
        });

        // the gate: the provider is not in the environment yet, then it is
        exits(0, cli(broker, "create-or-update-environment", "--name", environment, "--production"));
        VerifierCli.Run beforeDeployment =
                exits(1, cli(broker, "can-i-deploy", "-a", CONSUMER, "-e", "1.0.0", "--to-environment", environment));
        exits(0, cli(broker, "record-deployment", "-a", PROVIDER, "-e", "o1", "--environment", environment));
        VerifierCli.Run afterDeployment =
                exits(0, cli(broker, "can-i-deploy", "-a", CONSUMER, "-e", "1.0.0", "--to-environment", environment));
        exits(0, cli(broker, "record-deployment", "-a", CONSUMER, "-e", "1.0.0", "--environment", environment));
        assertThat(beforeDeployment.output()).contains("It is not known yet");
        assertThat(afterDeployment.output()).contains("Computer says yes");

        // the next consumer version with the same contract inherits the verification; a changed contract waits for one
        assertThat(publish(broker, Path.of(PACT_DIR), "1.1.0").outcome()).isEqualTo(PublishResult.Outcome.PUBLISHED);
        Path changed = Files.createDirectories(dir.resolve("changed"));
        Files.writeString(
                changed.resolve(CONSUMER + "-" + PROVIDER + ".json"),
                PactWriter.write(Pacts.between(CONSUMER, PROVIDER)
                                .given("order 7 exists")
                                .uponReceiving("get order 7 with its lines")
                                .get("/orders/7")
                                .willRespondWith(200, body -> body.integer("id", 7)
                                        .eachLike("lines", l -> l.string("sku", "A1")))
                                .toPact())
                        .json());
        assertThat(publish(broker, changed, "1.2.0").outcome()).isEqualTo(PublishResult.Outcome.PUBLISHED);

        VerifierCli.Run sameContract =
                exits(0, cli(broker, "can-i-deploy", "-a", CONSUMER, "-e", "1.1.0", "--to-environment", environment));
        VerifierCli.Run changedContract =
                exits(1, cli(broker, "can-i-deploy", "-a", CONSUMER, "-e", "1.2.0", "--to-environment", environment));
        assertThat(sameContract.output()).contains("Computer says yes");
        assertThat(changedContract.output()).contains("It is not known yet");

        // the changed contract is pending for the provider's main branch: its failure does not fail the provider build
        VerificationResult second = ProviderVerifier.forProvider(PROVIDER)
                .providerUrl("http://127.0.0.1:" + provider.getAddress().getPort())
                .state("order 7 exists", p -> {})
                .output(new PrintStream(console, true, StandardCharsets.UTF_8))
                .pacts(BrokerSource.of(broker.baseUrl().toString())
                        .selectors(ConsumerVersionSelector.mainBranch())
                        .providerBranch("main"))
                .build()
                .verify();
        assertThat(second.pacts()).singleElement().satisfies(p -> {
            assertThat(p.pending()).as("1.2.0 changed the contract").isTrue();
            assertThat(p.passed()).isFalse();
        });
    }

    /** The consumer's pact test, run by the test above through the test kit (surefire skips nested classes). */
    @PactConsumerTest(consumer = CONSUMER, provider = PROVIDER, pactDirectory = PACT_DIR, specification = "V3")
    static class OrdersClientPact {

        @Test
        void fetchesAnOrder(MockServer orders) throws Exception {
            orders.expect(pact -> pact.given("order 7 exists")
                    .uponReceiving("get order 7")
                    .get("/orders/7")
                    .willRespondWith(200, body -> body.integer("id", 7).regex("status", "OPEN|PAID", "OPEN")));

            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(orders.url("/orders/7")))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\"");
        }
    }
}
