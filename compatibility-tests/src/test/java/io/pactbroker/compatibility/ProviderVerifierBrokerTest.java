package io.pactbroker.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.pactbroker.compatibility.support.RunningBroker;
import io.pactbroker.compatibility.support.VerifierCli;
import io.pactbroker.core.broker.BrokerClient;
import io.pactbroker.verifier.BrokerSource;
import io.pactbroker.verifier.ConsumerVersionSelector;
import io.pactbroker.verifier.PactResult;
import io.pactbroker.verifier.ProviderVerifier;
import io.pactbroker.verifier.PublishOptions;
import io.pactbroker.verifier.VerificationResult;
import io.pactbroker.verifier.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider verifier against the real packaged broker: pacts published with the CLI's {@code publish}, verified
 * from pacts for verification (selectors, pending, WIP), results published with the provider's branch, and what the
 * broker recorded read back. The CLI jar runs once as a process.
 */
@ExtendWith(RunningBroker.Extension.class)
class ProviderVerifierBrokerTest {

    static final String GET_ORDER = """
            {"description": "get order 7", "providerState": "order 7 exists",
             "request": {"method": "GET", "path": "/orders/7"},
             "response": {"status": 200, "body": {"id": 7}}}
            """;
    static final String CANCEL_ORDER = """
            {"description": "cancel order 7", "request": {"method": "DELETE", "path": "/orders/7"},
             "response": {"status": 204}}
            """;

    @TempDir
    Path dir;

    HttpServer provider;
    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    String consumer;
    String providerName;

    @BeforeEach
    void start() throws IOException {
        consumer = RunningBroker.unique("web");
        providerName = RunningBroker.unique("orders");
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/", exchange -> {
            byte[] body = "{\"id\": 7}".getBytes(StandardCharsets.UTF_8);
            int status = exchange.getRequestMethod().equals("GET") ? 200 : 405;
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    private String providerUrl() {
        return "http://127.0.0.1:" + provider.getAddress().getPort();
    }

    private void publish(RunningBroker broker, String version, String branch, String... interactions) {
        String pact = """
                {"consumer": {"name": "%s"}, "provider": {"name": "%s"}, "interactions": [%s],
                 "metadata": {"pactSpecification": {"version": "3.0.0"}}}
                """.formatted(consumer, providerName, String.join(",", interactions));
        Path file = dir.resolve(version + ".json");
        try {
            Files.writeString(file, pact);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(
                new String[] {
                    "publish", file.toString(), "-b", broker.baseUrl().toString(), "-a", version, "--branch", branch
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                Map.of());
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }

    private ProviderVerifier.Builder verifier(RunningBroker broker, String providerVersion) {
        return ProviderVerifier.forProvider(providerName)
                .providerUrl(providerUrl())
                .state("order 7 exists", p -> {})
                .output(new PrintStream(console, true, StandardCharsets.UTF_8))
                .pacts(BrokerSource.of(broker.baseUrl().toString())
                        .selectors(ConsumerVersionSelector.mainBranch())
                        .providerBranch("main")
                        .includeWipPactsSince("2020-01-01"))
                .publishResults(PublishOptions.providerVersion(providerVersion)
                        .branch("main")
                        .buildUrl("https://ci.example/42"));
    }

    @Test
    void shouldVerifyFromTheBrokerAndPublishResultsThatTheBrokerRecords(RunningBroker broker) {
        publish(broker, "1.0.0", "main", GET_ORDER);

        VerificationResult result = verifier(broker, "p1").build().verify();

        assertThat(result.succeeded())
                .as(console.toString(StandardCharsets.UTF_8))
                .isTrue();
        assertThat(result.pacts()).singleElement().satisfies(p -> {
            assertThat(p.shortDescription()).hasValue("latest from main branch");
            assertThat(p.pending()).isTrue();
        });
        assertThat(result.publications()).singleElement().satisfies(p -> assertThat(p.ok())
                .isTrue());
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("is being verified because");

        BrokerClient client = BrokerClient.builder(broker.baseUrl().toString()).build();
        JsonNode latest = client.get(URI.create(broker.baseUrl() + "/pacts/provider/" + providerName + "/consumer/"
                        + consumer + "/version/1.0.0/verification-results/latest"))
                .body();
        assertThat(latest.path("success").asBoolean()).isTrue();
        assertThat(latest.path("providerApplicationVersion").asText()).isEqualTo("p1");
        assertThat(latest.path("buildUrl").asText()).isEqualTo("https://ci.example/42");
        JsonNode test = latest.path("testResults").get(0);
        assertThat(test.path("interactionId").asText()).isNotBlank();
        assertThat(test.path("success").asBoolean()).isTrue();
        assertThat(latest.path("verifiedBy").path("implementation").asText())
                .isEqualTo("io.pactbroker provider-verifier");
        assertThat(client.get(URI.create(
                                broker.baseUrl() + "/pacticipants/" + providerName + "/branches/main/versions/p1"))
                        .status())
                .isEqualTo(200);

        // Verified on main now: the same content is no longer pending for main (nor work in progress)
        console.reset();
        VerificationResult again = verifier(broker, "p2").build().verify();
        assertThat(again.pacts()).singleElement().satisfies(p -> {
            assertThat(p.pending()).isFalse();
            assertThat(p.wip()).isFalse();
        });
    }

    @Test
    void shouldNotFailTheRunForPendingAndWipPactsButRecordTheirFailures(RunningBroker broker) {
        publish(broker, "1.0.0", "main", GET_ORDER);
        assertThat(verifier(broker, "p1").build().verify().succeeded()).isTrue();
        publish(broker, "1.1.0", "main", GET_ORDER, CANCEL_ORDER);
        publish(broker, "2.0.0-feat", "feat-cancel", CANCEL_ORDER);

        console.reset();
        VerificationResult result = verifier(broker, "p2").build().verify();

        String output = console.toString(StandardCharsets.UTF_8);
        assertThat(result.succeeded()).as(output).isTrue();
        assertThat(result.pacts()).hasSize(2);
        PactResult main = result.pacts().get(0);
        PactResult wip = result.pacts().get(1);
        assertThat(main.pending()).isTrue();
        assertThat(main.passed()).isFalse();
        assertThat(wip.wip()).isTrue();
        assertThat(wip.passed()).isFalse();
        assertThat(result.pendingFailedCount()).isEqualTo(2);
        assertThat(output).contains("PENDING  cancel order 7", "work in progress");

        BrokerClient client = BrokerClient.builder(broker.baseUrl().toString()).build();
        JsonNode latest = client.get(URI.create(broker.baseUrl() + "/pacts/provider/" + providerName + "/consumer/"
                        + consumer + "/version/1.1.0/verification-results/latest"))
                .body();
        assertThat(latest.path("success").asBoolean()).isFalse();
        List<String> failed = new ArrayList<>();
        latest.path("testResults").forEach(t -> {
            if (!t.path("success").asBoolean()) {
                failed.add(t.path("interactionDescription").asText() + ": "
                        + t.path("mismatches").get(0).path("description").asText());
            }
        });
        assertThat(failed).containsExactly("cancel order 7: expected 204 but was 405");
    }

    @Test
    void shouldRunTheCliJarAsAProcessWithConsumerVersionSelectors(RunningBroker broker) {
        publish(broker, "1.0.0", "main", GET_ORDER);

        VerifierCli.Run run = VerifierCli.run(
                "verify",
                "--provider-name",
                providerName,
                "--provider-base-url",
                providerUrl(),
                "--broker-base-url",
                broker.baseUrl().toString(),
                "--consumer-version-selectors",
                "{\"mainBranch\": true}",
                "--enable-pending",
                "--publish",
                "--provider-version",
                "p9",
                "--provider-branch",
                "main");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains(
                        "latest from main branch",
                        "ok       get order 7",
                        "Published the verification result (success)");
        BrokerClient client = BrokerClient.builder(broker.baseUrl().toString()).build();
        JsonNode latest = client.get(URI.create(broker.baseUrl() + "/pacts/provider/" + providerName + "/consumer/"
                        + consumer + "/version/1.0.0/verification-results/latest"))
                .body();
        assertThat(latest.path("providerApplicationVersion").asText()).isEqualTo("p9");
    }

    @Test
    void shouldFailTheCliJarRunWhenTheMainBranchSelectorFindsNoPacts(RunningBroker broker) {
        publish(broker, "1.0.0", "feat-only", GET_ORDER);

        VerifierCli.Run run = VerifierCli.run(
                "verify",
                "--provider-name",
                providerName,
                "--provider-base-url",
                providerUrl(),
                "--broker-base-url",
                broker.baseUrl().toString(),
                "--consumer-version-selectors",
                "{\"mainBranch\": true}");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("No pacts were found to verify for " + providerName);
    }
}
