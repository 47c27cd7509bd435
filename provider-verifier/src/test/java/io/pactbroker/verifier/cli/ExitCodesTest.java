package io.pactbroker.verifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactbroker.verifier.ProviderVerifierTest;
import io.pactbroker.verifier.support.CliRun;
import io.pactbroker.verifier.support.PactFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exit codes every command that talks to a broker shares: 3 when nothing listens at the broker's port, 2 when the
 * broker URL is missing or an option is unknown (0 and 1 are in the commands' own tests).
 */
class ExitCodesTest {

    @TempDir
    static Path dir;

    static String closedBroker;
    static Path pact;

    final CliRun cli = new CliRun();

    @BeforeAll
    static void closedPort() throws IOException {
        // A port that was just free and is closed now: connections to it are refused.
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedBroker = "http://127.0.0.1:" + socket.getLocalPort();
        }
        pact = PactFiles.write(dir, "web-orders.json", PactFiles.v3("web", "orders", ProviderVerifierTest.GET_ORDER));
    }

    /** Each broker command with the least it needs besides the broker URL. */
    static Stream<Arguments> brokerCommands() {
        return Stream.of(
                Arguments.of("verify", List.of("--provider-name", "orders")),
                Arguments.of("publish", List.of(pact.toString(), "--consumer-app-version", "1.0.0")),
                Arguments.of("can-i-deploy", List.of("--pacticipant", "web", "--version", "1.0.0")),
                Arguments.of(
                        "record-deployment",
                        List.of("--pacticipant", "web", "--version", "1.0.0", "--environment", "production")),
                Arguments.of("record-undeployment", List.of("--pacticipant", "web", "--environment", "production")),
                Arguments.of(
                        "record-release",
                        List.of("--pacticipant", "web", "--version", "1.0.0", "--environment", "production")),
                Arguments.of(
                        "record-support-ended",
                        List.of("--pacticipant", "web", "--version", "1.0.0", "--environment", "production")),
                Arguments.of("create-or-update-environment", List.of("--name", "production")),
                Arguments.of(
                        "create-version-tag", List.of("--pacticipant", "web", "--version", "1.0.0", "--tag", "prod")),
                Arguments.of("describe-version", List.of("--pacticipant", "web")));
    }

    private int run(String command, List<String> options, String... more) {
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(options);
        args.addAll(List.of(more));
        return cli.run(args.toArray(String[]::new));
    }

    private String err() {
        return cli.err();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokerCommands")
    void shouldExitThreeWhenNothingListensAtTheBrokersPort(String command, List<String> options) {
        int code = run(command, options, "--broker-url", closedBroker);

        assertThat(code).as(err()).isEqualTo(3);
        assertThat(err()).contains("cannot reach the Pact Broker at " + closedBroker, "connection refused");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokerCommands")
    void shouldExitTwoWithoutABrokerUrl(String command, List<String> options) {
        int code = run(command, options);

        if (command.equals("verify")) {
            // verify also takes pacts from files and URLs, so it names those too.
            assertThat(err()).contains("--broker-url");
        } else {
            assertThat(err()).contains("--broker-base-url is required (or set PACT_BROKER_BASE_URL)");
        }
        assertThat(code).as(err()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokerCommands")
    void shouldExitTwoForAnUnknownOption(String command, List<String> options) {
        int code = run(command, options, "--broker-url", closedBroker, "--no-such-option");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("unknown option --no-such-option", "Run '" + command + " --help'");
    }
}
