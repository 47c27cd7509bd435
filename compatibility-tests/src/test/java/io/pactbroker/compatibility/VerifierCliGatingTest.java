package io.pactbroker.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.pactbroker.compatibility.support.RunningBroker;
import io.pactbroker.compatibility.support.VerifierCli;
import io.pactbroker.verifier.BrokerSource;
import io.pactbroker.verifier.ConsumerVersionSelector;
import io.pactbroker.verifier.ProviderVerifier;
import io.pactbroker.verifier.PublishOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI jar's gating commands as processes against the real packaged broker: can-i-deploy (with
 * {@code --retry-while-unknown}), record-deployment, record-undeployment, record-release, record-support-ended,
 * create-or-update-environment, create-version-tag and describe-version, with the exit codes a pipeline acts on: 0
 * success, 1 not deployable or refused by the broker, 2 usage error, 3 broker unreachable.
 */
@ExtendWith(RunningBroker.Extension.class)
class VerifierCliGatingTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    HttpServer provider;
    String consumer;
    String providerName;
    String environment;
    String brokerUrl;

    @BeforeEach
    void start(RunningBroker broker) throws IOException {
        consumer = RunningBroker.unique("gate-web");
        providerName = RunningBroker.unique("gate-orders");
        environment = RunningBroker.unique("prod");
        brokerUrl = broker.baseUrl().toString();
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/", exchange -> {
            byte[] body = "{\"id\": 7}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    private VerifierCli.Run cli(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "-b";
        all[args.length + 1] = brokerUrl;
        return VerifierCli.run(all);
    }

    private static VerifierCli.Run exits(int code, VerifierCli.Run run) {
        assertThat(run.exitCode()).as(run.output()).isEqualTo(code);
        return run;
    }

    /** The consumer publishes 1.0.0 on main and the provider verifies it as version p1 on main. */
    private void publishedAndVerified() throws IOException {
        Path pact = dir.resolve("pact.json");
        Files.writeString(pact, """
                {"consumer": {"name": "%s"}, "provider": {"name": "%s"},
                 "interactions": [{"description": "get order 7", "request": {"method": "GET", "path": "/orders/7"},
                                   "response": {"status": 200, "body": {"id": 7}}}],
                 "metadata": {"pactSpecification": {"version": "3.0.0"}}}
                """.formatted(consumer, providerName));
        exits(0, cli("publish", pact.toString(), "-a", "1.0.0", "--branch", "main"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        boolean verified = ProviderVerifier.forProvider(providerName)
                .providerUrl("http://127.0.0.1:" + provider.getAddress().getPort())
                .output(new PrintStream(console, true, StandardCharsets.UTF_8))
                .pacts(BrokerSource.of(brokerUrl).selectors(ConsumerVersionSelector.mainBranch()))
                .publishResults(PublishOptions.providerVersion("p1").branch("main"))
                .build()
                .verify()
                .succeeded();
        assertThat(verified).as(console.toString(StandardCharsets.UTF_8)).isTrue();
    }

    private VerifierCli.Run canIDeploy() {
        return cli("can-i-deploy", "--pacticipant", consumer, "--version", "1.0.0", "--to-environment", environment);
    }

    @Test
    void shouldGateOnDeploymentsAndReleasesRecordedWithTheCli() throws IOException {
        publishedAndVerified();
        exits(0, cli("create-or-update-environment", "--name", environment, "--production"));

        VerifierCli.Run unknown = exits(1, canIDeploy());
        exits(0, cli("record-deployment", "-a", providerName, "-e", "p1", "--environment", environment));
        VerifierCli.Run deployable = exits(0, canIDeploy());
        exits(0, cli("record-undeployment", "-a", providerName, "--environment", environment));
        VerifierCli.Run undeployed = exits(1, canIDeploy());
        VerifierCli.Run undeployedAgain =
                exits(1, cli("record-undeployment", "-a", providerName, "--environment", environment));
        exits(0, cli("record-release", "-a", providerName, "-e", "p1", "--environment", environment));
        VerifierCli.Run released = exits(0, canIDeploy());
        exits(0, cli("record-support-ended", "-a", providerName, "-e", "p1", "--environment", environment));
        VerifierCli.Run supportEnded = exits(1, canIDeploy());

        assertThat(unknown.output()).contains("It is not known yet whether " + consumer + " 1.0.0 can be deployed");
        assertThat(deployable.output()).contains("Computer says yes");
        assertThat(undeployed.output()).contains("Computer says no");
        assertThat(undeployedAgain.output()).contains("is not currently deployed to " + environment);
        assertThat(released.output()).contains("Computer says yes");
        assertThat(supportEnded.output()).contains("Computer says no");
    }

    @Test
    void shouldAnswerCanIDeployAsJsonWithTheBrokersSummary() throws IOException {
        publishedAndVerified();
        exits(0, cli("create-or-update-environment", "--name", environment));
        exits(0, cli("record-deployment", "-a", providerName, "-e", "p1", "--environment", environment));

        VerifierCli.Run run = exits(
                0,
                cli(
                        "can-i-deploy",
                        "-a",
                        consumer,
                        "-e",
                        "1.0.0",
                        "--to-environment",
                        environment,
                        "--output",
                        "json"));

        JsonNode answer = JSON.readTree(run.output());
        assertThat(answer.path("summary").path("deployable").asBoolean()).isTrue();
        assertThat(answer.path("matrix")
                        .get(0)
                        .path("provider")
                        .path("version")
                        .path("number")
                        .asText())
                .isEqualTo("p1");
    }

    @Test
    void shouldWaitWhileUnknownUntilTheProviderIsDeployed() throws Exception {
        publishedAndVerified();
        exits(0, cli("create-or-update-environment", "--name", environment));

        VerifierCli.Running waiting = VerifierCli.startRunning(
                "can-i-deploy",
                "-a",
                consumer,
                "-e",
                "1.0.0",
                "--to-environment",
                environment,
                "--retry-while-unknown",
                "60",
                "--retry-interval",
                "1",
                "-b",
                brokerUrl);
        assertThat(waiting.awaitLine("Waiting for 1 verification result")).isTrue();
        exits(0, cli("record-deployment", "-a", providerName, "-e", "p1", "--environment", environment));
        VerifierCli.Run run = waiting.finish();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Computer says yes");
    }

    @Test
    void shouldStayUnknownWhenTheRetriesRunOut() throws IOException {
        publishedAndVerified();
        exits(0, cli("create-or-update-environment", "--name", environment));

        VerifierCli.Run run = exits(
                1,
                cli(
                        "can-i-deploy",
                        "-a",
                        consumer,
                        "-e",
                        "1.0.0",
                        "--to-environment",
                        environment,
                        "--retry-while-unknown",
                        "1",
                        "--retry-interval",
                        "1"));

        assertThat(run.output()).contains("retry 1 of 1", "It is not known yet");
    }

    @Test
    void shouldTagAndDescribeVersions() throws IOException {
        publishedAndVerified();

        exits(0, cli("create-version-tag", "-a", consumer, "-e", "1.0.0", "-t", "prod", "-t", "blue"));
        VerifierCli.Run byTag = exits(0, cli("describe-version", "-a", consumer, "-l", "prod", "-o", "json"));
        VerifierCli.Run table = exits(0, cli("describe-version", "-a", providerName));
        VerifierCli.Run missingVersion = exits(1, cli("create-version-tag", "-a", consumer, "-e", "9.9.9", "-t", "x"));
        VerifierCli.Run missingDescription = exits(1, cli("describe-version", "-a", consumer, "-e", "9.9.9"));

        JsonNode described = JSON.readTree(byTag.output());
        assertThat(described.path("number").asText()).isEqualTo("1.0.0");
        assertThat(described.path("_embedded").path("tags").findValuesAsText("name"))
                .contains("prod", "blue");
        assertThat(table.output()).contains("p1", "main");
        assertThat(missingVersion.output()).contains("version 9.9.9 not found");
        assertThat(missingDescription.output()).contains("version 9.9.9 not found");
    }

    @Test
    void shouldUpdateAnEnvironmentByName() throws IOException {
        VerifierCli.Run created =
                exits(0, cli("create-or-update-environment", "--name", environment, "--display-name", "Prod A"));
        VerifierCli.Run updated = exits(
                0,
                cli(
                        "create-or-update-environment",
                        "--name",
                        environment,
                        "--display-name",
                        "Prod B",
                        "--contact-name",
                        "ops",
                        "-o",
                        "json"));

        assertThat(created.output()).contains("Created " + environment + " environment");
        JsonNode environmentJson = JSON.readTree(updated.output());
        assertThat(environmentJson.path("displayName").asText()).isEqualTo("Prod B");
        assertThat(environmentJson.path("contacts").get(0).path("name").asText())
                .isEqualTo("ops");
    }

    @Test
    void shouldRefuseWhatTheBrokerRefusesWithExitCodeOne() throws IOException {
        publishedAndVerified();

        VerifierCli.Run noEnvironment = exits(1, canIDeploy());
        VerifierCli.Run deployToNoEnvironment =
                exits(1, cli("record-deployment", "-a", providerName, "-e", "p1", "--environment", environment));
        VerifierCli.Run unknownVersion =
                exits(1, cli("can-i-deploy", "-a", consumer, "-e", "9.9.9", "--to-environment", environment));

        assertThat(noEnvironment.output()).contains("Environment with name '" + environment + "' does not exist");
        assertThat(deployToNoEnvironment.output()).contains(environment);
        assertThat(unknownVersion.output()).contains(environment);
    }

    @Test
    void shouldReportUsageErrorsWithExitCodeTwo() {
        VerifierCli.Run noVersion = exits(2, cli("can-i-deploy", "-a", consumer));
        VerifierCli.Run noEnvironment = exits(2, cli("record-deployment", "-a", consumer, "-e", "1.0.0"));
        VerifierCli.Run noBroker = exits(2, VerifierCli.run("describe-version", "-a", consumer));

        assertThat(noVersion.output()).contains("give --version");
        assertThat(noEnvironment.output()).contains("--environment is required");
        assertThat(noBroker.output()).contains("--broker-base-url is required");
    }

    @Test
    void shouldReportAnUnreachableBrokerWithExitCodeThree() throws IOException {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        VerifierCli.Run run = exits(
                3,
                VerifierCli.run(
                        "record-deployment",
                        "-a",
                        consumer,
                        "-e",
                        "1.0.0",
                        "--environment",
                        environment,
                        "-b",
                        "http://127.0.0.1:" + closedPort));

        assertThat(run.output()).contains("cannot reach the Pact Broker");
    }
}
