package io.pactbroker.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.pactbroker.compatibility.support.PactCli;
import io.pactbroker.compatibility.support.RunningBroker;
import io.pactbroker.core.broker.BrokerClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Pact CLI ({@value PactCli#PACKAGE}) against the real packaged broker: {@code pact broker} publishes,
 * manages environments, deployments, releases and webhooks, describes versions and answers can-i-deploy (deployable,
 * not deployable, unknown), and {@code pact verifier} verifies from the broker with selectors and publishes its results.
 * Skipped when npm or the npm registry is not available.
 */
@ExtendWith(RunningBroker.Extension.class)
class PactCliTest {

    static final ObjectMapper JSON = new ObjectMapper();

    PactCli cli;

    @TempDir
    Path dir;

    HttpServer provider;
    final List<String> stateCalls = new CopyOnWriteArrayList<>();
    String consumer;
    String providerName;
    String environment;

    @BeforeEach
    void start() throws IOException {
        cli = PactCli.installed();
        consumer = RunningBroker.unique("cli-web");
        providerName = RunningBroker.unique("cli-orders");
        environment = RunningBroker.unique("prod");
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/orders/7", exchange -> {
            byte[] body = "{\"id\": 7}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.createContext("/_states", exchange -> {
            stateCalls.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        provider.start();
    }

    @AfterEach
    void stop() {
        if (provider != null) { // null when the test was skipped for want of the Pact CLI
            provider.stop(0);
        }
    }

    private PactCli.Run broker(RunningBroker broker, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "broker";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "-b";
        all[args.length + 2] = broker.baseUrl().toString();
        return cli.run(all);
    }

    private static PactCli.Run ok(PactCli.Run run) {
        assertThat(run.exitCode()).as(run.output()).isZero();
        return run;
    }

    private Path pact(String version, int expectedId) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(version));
        Files.writeString(folder.resolve(consumer + "-" + providerName + ".json"), """
                {"consumer": {"name": "%s"}, "provider": {"name": "%s"},
                 "interactions": [{"description": "get order 7", "providerState": "order 7 exists",
                   "request": {"method": "GET", "path": "/orders/7"},
                   "response": {"status": 200, "headers": {"Content-Type": "application/json"},
                                "body": {"id": %d}}}],
                 "metadata": {"pactSpecification": {"version": "3.0.0"}}}
                """.formatted(
                        consumer, providerName, expectedId));
        return folder;
    }

    private PactCli.Run verify(RunningBroker broker, String providerVersion, boolean pending) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "verifier",
                "--broker-url",
                broker.baseUrl().toString(),
                "--provider-name",
                providerName,
                "--hostname",
                "127.0.0.1",
                "--port",
                Integer.toString(provider.getAddress().getPort()),
                "--state-change-url",
                "http://127.0.0.1:" + provider.getAddress().getPort() + "/_states",
                "--consumer-version-selectors",
                "{\"mainBranch\": true}",
                "--provider-branch",
                "main",
                "--publish",
                "--provider-version",
                providerVersion,
                "--no-colour"));
        if (pending) {
            args.add("--enable-pending");
        }
        return cli.run(args.toArray(String[]::new));
    }

    /**
     * Asks can-i-deploy twice: as a table, whose exit code must be the expected one, and as JSON, which the Pact CLI
     * always exits 0 for (it prints the broker's answer and leaves the verdict to the caller), for the summary.
     */
    private JsonNode canIDeploy(RunningBroker broker, int expectedExit, String version) throws IOException {
        PactCli.Run table =
                broker(broker, "can-i-deploy", "-a", consumer, "-e", version, "--to-environment", environment);
        assertThat(table.exitCode()).as(table.output()).isEqualTo(expectedExit);
        assertThat(table.output()).contains(expectedExit == 0 ? "Computer says yes" : "Computer says no");
        PactCli.Run json = broker(
                broker, "can-i-deploy", "-a", consumer, "-e", version, "--to-environment", environment, "-o", "json");
        assertThat(json.exitCode()).as(json.output()).isZero();
        return JSON.readTree(json.output().substring(json.output().indexOf('{')));
    }

    private JsonNode get(RunningBroker broker, String path) {
        return BrokerClient.builder(broker.baseUrl().toString())
                .build()
                .get(URI.create(broker.baseUrl() + path))
                .body();
    }

    @Test
    void shouldPublishVerifyRecordAndGateWithThePactCli(RunningBroker broker) throws IOException {
        PactCli.Run published = ok(broker(
                broker,
                "publish",
                pact("1.0.0", 7).toString(),
                "-a",
                "1.0.0",
                "--branch",
                "main",
                "--tag",
                "ci",
                "--build-url",
                "https://ci.example/1"));
        assertThat(published.output())
                .contains(
                        "Pact successfully published for " + consumer + " version 1.0.0 and provider " + providerName);
        ok(broker(broker, "create-environment", "--name", environment, "--production"));

        JsonNode unknown = canIDeploy(broker, 1, "1.0.0");
        assertThat(unknown.path("summary").path("deployable").isNull())
                .as(unknown.toString())
                .isTrue();
        assertThat(unknown.path("summary").path("unknown").asInt()).isEqualTo(1);

        PactCli.Run verified = ok(verify(broker, "pc1", true));
        assertThat(verified.output())
                .contains("latest version from the main branch 'main' (1.0.0)", "has status code 200 (OK)");
        assertThat(stateCalls).anySatisfy(call -> assertThat(call).contains("order 7 exists"));
        JsonNode result = get(
                broker,
                "/pacts/provider/" + providerName + "/consumer/" + consumer
                        + "/version/1.0.0/verification-results/latest");
        assertThat(result.path("success").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("providerApplicationVersion").asText()).isEqualTo("pc1");
        assertThat(result.path("verifiedBy").path("implementation").asText()).isEqualTo("Pact-Rust");
        assertThat(get(broker, "/pacticipants/" + providerName + "/branches/main/versions/pc1")
                        .path("_links")
                        .path("pb:version")
                        .path("name")
                        .asText())
                .isEqualTo("pc1");

        JsonNode notDeployedYet = canIDeploy(broker, 1, "1.0.0");
        assertThat(notDeployedYet.path("summary").path("deployable").isNull()).isTrue();
        PactCli.Run deployed =
                ok(broker(broker, "record-deployment", "-a", providerName, "-e", "pc1", "--environment", environment));
        assertThat(deployed.output()).contains("Recorded deployment of " + providerName + " version pc1");

        JsonNode deployable = canIDeploy(broker, 0, "1.0.0");
        assertThat(deployable.path("summary").path("deployable").asBoolean()).isTrue();

        ok(broker(broker, "record-release", "-a", consumer, "-e", "1.0.0", "--environment", environment));
        JsonNode described =
                JSON.readTree(ok(broker(broker, "describe-version", "-a", consumer, "-e", "1.0.0", "-o", "json"))
                        .output());
        assertThat(described.path("number").asText()).isEqualTo("1.0.0");
        assertThat(described.path("buildUrl").asText()).isEqualTo("https://ci.example/1");
        assertThat(described.path("_links").path("pb:released-environments")).hasSize(1);
        assertThat(ok(broker(broker, "list-latest-pact-versions")).output()).contains(consumer, providerName);
    }

    @Test
    void shouldSayNotDeployableWhenThePactCliVerifierFailedTheContract(RunningBroker broker) throws IOException {
        ok(broker(broker, "publish", pact("2.0.0", 8).toString(), "-a", "2.0.0", "--branch", "main"));
        ok(broker(broker, "create-environment", "--name", environment));

        PactCli.Run failed = verify(broker, "pc2", false);
        ok(broker(broker, "record-deployment", "-a", providerName, "-e", "pc2", "--environment", environment));

        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
        assertThat(failed.output()).contains("has a matching body (FAILED)");
        JsonNode notDeployable = canIDeploy(broker, 1, "2.0.0");
        assertThat(notDeployable.path("summary").path("deployable").asBoolean(true))
                .as(notDeployable.toString())
                .isFalse();
        assertThat(notDeployable.path("summary").path("failed").asInt()).isEqualTo(1);
    }

    @Test
    void shouldCreateAndThenUpdateAWebhookWithThePactCli(RunningBroker broker) throws IOException {
        ok(broker(broker, "publish", pact("1.0.0", 7).toString(), "-a", "1.0.0", "--branch", "main"));
        String uuid = java.util.UUID.randomUUID().toString();

        ok(broker(
                broker,
                "create-or-update-webhook",
                "https://hooks.example.invalid/build",
                "-X",
                "POST",
                "-H",
                "Content-Type: application/json",
                "-d",
                "{\"pact\": \"${pactbroker.pactUrl}\"}",
                "--uuid",
                uuid,
                "--consumer",
                consumer,
                "--provider",
                providerName,
                "--contract-content-changed",
                "--description",
                "trigger the provider build"));
        ok(broker(
                broker,
                "create-or-update-webhook",
                "https://hooks.example.invalid/build2",
                "-X",
                "POST",
                "--uuid",
                uuid,
                "--consumer",
                consumer,
                "--provider",
                providerName,
                "--contract-requiring-verification-published",
                "--description",
                "trigger the provider build (v2)"));

        JsonNode webhook = get(broker, "/webhooks/" + uuid);
        assertThat(webhook.path("description").asText()).isEqualTo("trigger the provider build (v2)");
        assertThat(webhook.path("request").path("url").asText()).isEqualTo("https://hooks.example.invalid/build2");
        assertThat(webhook.path("events").findValuesAsText("name"))
                .containsExactly("contract_requiring_verification_published");
        assertThat(webhook.path("consumer").path("name").asText()).isEqualTo(consumer);
        assertThat(get(broker, "/webhooks/provider/" + providerName + "/consumer/" + consumer)
                        .path("_links")
                        .path("pb:webhooks"))
                .hasSize(1);
    }

    @Test
    void shouldRefuseAnUnknownEnvironmentWithAnErrorFromThePactCli(RunningBroker broker) throws IOException {
        ok(broker(broker, "publish", pact("1.0.0", 7).toString(), "-a", "1.0.0", "--branch", "main"));

        PactCli.Run run = broker(
                broker, "can-i-deploy", "-a", consumer, "-e", "1.0.0", "--to-environment", "nowhere-" + environment);
        PactCli.Run deployment =
                broker(broker, "record-deployment", "-a", consumer, "-e", "1.0.0", "--environment", "nowhere");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("Environment with name 'nowhere-" + environment + "' does not exist");
        assertThat(deployment.exitCode()).as(deployment.output()).isEqualTo(1);
        assertThat(deployment.output()).contains("Environment nowhere does not exist");
    }
}
