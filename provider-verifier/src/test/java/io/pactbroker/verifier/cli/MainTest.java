package io.pactbroker.verifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactbroker.core.internal.Json;
import io.pactbroker.verifier.ProviderVerifierTest;
import io.pactbroker.verifier.support.CliRun;
import io.pactbroker.verifier.support.PactFiles;
import io.pactbroker.verifier.support.TestProvider;
import io.pactbroker.verifier.support.TestProvider.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI run in-process, against a real provider and a stub broker (error paths and the gating commands). */
class MainTest {

    @TempDir
    Path dir;

    TestProvider provider;
    TestProvider broker;
    final CliRun cli = new CliRun();

    @BeforeEach
    void start() {
        provider = TestProvider.start();
        broker = TestProvider.start();
    }

    @AfterEach
    void stop() {
        provider.close();
        broker.close();
    }

    private int run(String... args) {
        return cli.run(args);
    }

    private String out() {
        return cli.out();
    }

    private String err() {
        return cli.err();
    }

    private Path pact() {
        return PactFiles.write(dir, "web-orders.json", PactFiles.v3("web", "orders", ProviderVerifierTest.GET_ORDER));
    }

    @Test
    void shouldExitZeroWhenVerificationPassesAndWriteTheReports() throws Exception {
        provider.route("GET /orders/7", Reply.json(200, "{\"id\": 7, \"status\": \"OPEN\", \"total\": 1.5}"));

        int code = run(
                "verify",
                "--file",
                pact().toString(),
                "--provider-name",
                "orders",
                "--hostname",
                "127.0.0.1",
                "--port",
                Integer.toString(provider.port()),
                "--junit",
                dir.resolve("reports/junit.xml").toString(),
                "--json",
                dir.resolve("reports/result.json").toString(),
                "--markdown",
                dir.resolve("reports/result.md").toString());

        assertThat(code).as(out() + err()).isZero();
        assertThat(out()).contains("warning: provider state \"order 7 exists\" was not set up");
        assertThat(Files.readString(dir.resolve("reports/junit.xml"))).contains("tests=\"1\" failures=\"0\"");
        assertThat(Json.parse(Files.readString(dir.resolve("reports/result.json")))
                        .path("success")
                        .asBoolean())
                .isTrue();
        assertThat(Files.readString(dir.resolve("reports/result.md"))).contains("passed");
    }

    @Test
    void shouldExitOneWhenVerificationFailsAndUseTheStateChangeUrl() {
        provider.route("POST /state", Reply.status(200));
        provider.route("GET /orders/7", Reply.json(200, "{\"id\": 7, \"status\": \"LOST\", \"total\": 1.5}"));

        int code = run(
                "verify",
                "-f",
                pact().toString(),
                "-n",
                "orders",
                "--provider-base-url",
                provider.url(),
                "--state-change-url",
                provider.url() + "/state");

        assertThat(code).isEqualTo(1);
        assertThat(provider.received("/state")).hasSize(1);
        assertThat(out()).contains("$.status: expected a string matching /OPEN|PAID/ but was \"LOST\"");
    }

    @Test
    void shouldTakeTheProviderNameAndHeadersFromFlagsAndTheEnvironment() {
        cli.env(Map.of("PACT_PROVIDER_NAME", "orders", "PACT_PROVIDER_BASE_URL", provider.url()));
        provider.route(
                "GET /orders/7",
                r -> r.headers().containsKey("X-api-key")
                        ? Reply.json(200, "{\"id\": 7, \"status\": \"OPEN\", \"total\": 1.5}")
                        : Reply.status(401));

        int code = run("verify", "--file=" + pact(), "-H", "X-Api-Key=abc");

        assertThat(code).as(out()).isZero();
    }

    @Test
    void shouldExitTwoForUsageErrors() {
        assertThat(run("verify", "--file", pact().toString())).isEqualTo(2);
        assertThat(err()).contains("--provider-name is required (or set PACT_PROVIDER_NAME)");

        assertThat(run("verify", "--provider-name", "orders", "--fiel", "x.json"))
                .isEqualTo(2);
        assertThat(err()).contains("unknown option --fiel");

        assertThat(run("verify", "--provider-name", "orders", "--file", "missing.json"))
                .isEqualTo(2);
        assertThat(err()).contains("the pact file", "missing.json does not exist");

        assertThat(run("deploy-everything")).isEqualTo(2);
        assertThat(err()).contains("Unknown command 'deploy-everything'");

        assertThat(run("verify", "--provider-name", "orders", "--file", pact().toString(), "--publish"))
                .isEqualTo(2);
        assertThat(err()).contains("--publish needs --provider-version");
    }

    @Test
    void shouldExitThreeWhenTheBrokerCannotBeReached() {
        assertThat(run("verify", "--provider-name", "orders", "--broker-url", "http://127.0.0.1:1"))
                .isEqualTo(3);
        assertThat(err()).contains("cannot reach the Pact Broker at http://127.0.0.1:1");

        assertThat(run("can-i-deploy", "-b", "http://127.0.0.1:1", "-a", "web", "-e", "1.0.0"))
                .isEqualTo(3);
    }

    @Test
    void shouldPrintHelpForEveryCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("verify", "can-i-deploy", "record-support-ended", "Exit codes: 0 success");
        assertThat(run("can-i-deploy", "--help")).isZero();
        assertThat(out()).contains("--retry-while-unknown TIMES", "[env PACT_BROKER_BASE_URL]");
    }

    private static final String MATRIX_ROW = """
            {"consumer": {"name": "web", "version": {"number": "1.0.0"}},
             "provider": {"name": "orders", "version": {"number": "2.0.0"}},
             "verificationResult": %s}
            """;

    @Test
    void shouldSayYesAndExitZeroWhenDeployable() {
        broker.route("GET /matrix", Reply.json(200, """
                        {"summary": {"deployable": true, "reason": "All required verification results are published and successful", "success": 1, "failed": 0, "unknown": 0},
                         "notices": [{"type": "success", "text": "All required verification results are published and successful"}],
                         "matrix": [%s]}
                        """.formatted(MATRIX_ROW.formatted(
                "{\"success\": true, \"_links\": {\"self\": {\"href\": \"http://b/v/1\"}}}"))));

        int code = run(
                "can-i-deploy",
                "--broker-base-url",
                broker.url(),
                "--pacticipant",
                "web",
                "--version",
                "1.0.0",
                "--to-environment",
                "production");

        assertThat(code).as(err()).isZero();
        assertThat(broker.received("/matrix").get(0).query())
                .isEqualTo("q%5B%5D%5Bpacticipant%5D=web&q%5B%5D%5Bversion%5D=1.0.0&latestby=cvp"
                        + "&environment=production");
        assertThat(out())
                .contains("CONSUMER | C.VERSION | PROVIDER | P.VERSION | SUCCESS? | RESULT#")
                .contains("web      | 1.0.0     | orders   | 2.0.0     | true     | 1")
                .contains("1. http://b/v/1 (success)")
                .contains("Computer says yes \\o/");
    }

    @Test
    void shouldRetryWhileUnknownThenSayNoWithTheBrokersExplanation() {
        broker.route("GET /matrix", Reply.json(200, """
                        {"summary": {"deployable": null, "reason": "There is no verified pact", "success": 0, "failed": 0, "unknown": 1},
                         "matrix": [%s],
                         "explanation": {"summary": "It is not known yet whether web 1.0.0 can be deployed to production: 1 verification is missing.",
                           "problems": [{"message": "orders 2.0.0 (currently in production) has not verified the pact of web 1.0.0."}],
                           "nextSteps": ["Verify the pact of web 1.0.0 with orders 2.0.0 and publish the result."]}}
                        """.formatted(MATRIX_ROW.formatted("null"))));

        int code = run(
                "can-i-deploy",
                "-b",
                broker.url(),
                "-a",
                "web",
                "-e",
                "1.0.0",
                "--to-environment",
                "production",
                "--retry-while-unknown",
                "2",
                "--retry-interval",
                "5");

        assertThat(code).isEqualTo(1);
        assertThat(broker.received("/matrix")).hasSize(3);
        assertThat(cli.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(out())
                .contains("Waiting for 1 verification result to be published (retry 1 of 2, in 5 s)")
                .contains("web      | 1.0.0     | orders   | 2.0.0     | ???")
                .contains("There is no verified pact")
                .contains("Computer says no")
                .contains("orders 2.0.0 (currently in production) has not verified the pact of web 1.0.0.")
                .contains("Next steps:");

        cli.reset();
        assertThat(run("can-i-deploy", "-b", broker.url(), "-a", "web", "-e", "1.0.0", "--dry-run"))
                .isZero();
        assertThat(out()).contains("[dry-run] Dry run enabled - ignoring any failures");
    }

    @Test
    void shouldAskWithTheMainBranchesAndIgnoreWhatIsIgnored() {
        broker.route("GET /matrix", Reply.json(200, "{\"summary\": {\"deployable\": true}, \"matrix\": []}"));

        run(
                "can-i-deploy",
                "-b",
                broker.url(),
                "-a",
                "web",
                "--main-branch",
                "--with-main-branches",
                "--ignore",
                "payments");

        assertThat(broker.received("/matrix").get(0).query())
                .isEqualTo("q%5B%5D%5Bpacticipant%5D=web&q%5B%5D%5BmainBranch%5D=true&latestby=cvp&latest=true"
                        + "&mainBranch=true&ignore%5B%5D%5Bpacticipant%5D=payments");
    }

    private void index(String... extraLinks) {
        String links = String.join(",", extraLinks);
        broker.route("GET /", Reply.json(200, """
                        {"_links": {"pb:pacticipant-version": {"href": "%s/pacticipants/{pacticipant}/versions/{version}", "templated": true},
                                    "pb:environments": {"href": "%s/environments"}%s}}
                        """.formatted(
                        broker.url(), broker.url(), links.isEmpty() ? "" : "," + links)));
    }

    @Test
    void shouldSayWhenTheVersionToRecordADeploymentOfDoesNotExist() {
        index();

        int code = run("record-deployment", "-b", broker.url(), "-a", "web", "-e", "9.9.9", "--environment", "prod");

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("web version 9.9.9 not found in the Pact Broker");
    }

    @Test
    void shouldNameTheEnvironmentsThereAreWhenTheOneAskedForIsMissing() {
        index();
        broker.route(
                "GET /pacticipants/web/versions/1.0.0", Reply.json(200, "{\"number\": \"1.0.0\", \"_links\": {}}"));
        broker.route(
                "GET /environments",
                Reply.json(
                        200,
                        "{\"_links\": {\"pb:environments\": [{\"name\": \"test\", \"href\": \"" + broker.url()
                                + "/environments/1\"}]}}"));

        int code = run("record-deployment", "-b", broker.url(), "-a", "web", "-e", "1.0.0", "--environment", "prod");

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("No environment found with name 'prod' (there are: test)");
    }

    @Test
    void shouldRecordADeploymentThroughTheVersionsLinkForTheEnvironment() throws Exception {
        index();
        broker.route(
                "GET /pacticipants/web/versions/1.0.0",
                Reply.json(
                        200,
                        "{\"number\": \"1.0.0\", \"_links\": {\"pb:record-deployment\": [{\"name\": \"prod\","
                                + " \"href\": \"" + broker.url() + "/deployed/prod\"}]}}"));
        broker.route("POST /deployed/prod", Reply.json(201, "{\"uuid\": \"d1\"}"));

        int code = run(
                "record-deployment",
                "-b",
                broker.url(),
                "-a",
                "web",
                "-e",
                "1.0.0",
                "--environment",
                "prod",
                "--application-instance",
                "eu");

        assertThat(code).as(err()).isZero();
        assertThat(Json.parse(broker.received("/deployed/prod").get(0).body())
                        .path("applicationInstance")
                        .asText())
                .isEqualTo("eu");
        assertThat(out())
                .contains(
                        "Recorded deployment of web version 1.0.0 to prod environment (application instance eu) in the"
                                + " Pact Broker.");
    }

    @Test
    void shouldSayWhenTheBrokerHasNoEnvironments() {
        broker.route("GET /", Reply.json(200, "{\"_links\": {}}"));

        int code = run("record-release", "-b", broker.url(), "-a", "web", "-e", "1.0.0", "--environment", "prod");

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("does not support recording releases");
    }

    @Test
    void shouldReportTheBrokersRefusalWithItsOwnMessage() {
        broker.route("GET /", Reply.json(401, "{\"error\": {\"message\": \"Invalid token\"}}"));

        int code = run("describe-version", "-b", broker.url(), "-a", "web", "-k", "nope");

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("401", "Invalid token", "check --broker-token");
    }
}
