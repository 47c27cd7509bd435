package io.pactbroker.verifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactbroker.core.internal.Json;
import io.pactbroker.verifier.ProviderVerifierTest;
import io.pactbroker.verifier.support.CliRun;
import io.pactbroker.verifier.support.PactFiles;
import io.pactbroker.verifier.support.TestProvider;
import io.pactbroker.verifier.support.TestProvider.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code publish} in-process against a stub broker: what it posts, and its exit codes. */
class PublishCommandTest {

    @TempDir
    Path dir;

    TestProvider broker;
    final CliRun cli = new CliRun();

    @BeforeEach
    void start() {
        broker = TestProvider.start();
        broker.route(
                "GET /",
                Reply.json(
                        200,
                        "{\"_links\": {\"pb:publish-contracts\": {\"href\": \"" + broker.url()
                                + "/contracts/publish\"}}}"));
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    private int run(String... args) {
        return cli.env(Map.of("PACT_BROKER_BASE_URL", broker.url())).run(args);
    }

    private String out() {
        return cli.out();
    }

    private String err() {
        return cli.err();
    }

    private Path pacts() {
        PactFiles.write(dir, "web-orders.json", PactFiles.v3("web", "orders", ProviderVerifierTest.GET_ORDER));
        PactFiles.write(dir, "app-orders.json", PactFiles.v3("app", "orders", ProviderVerifierTest.GET_ORDER));
        return dir;
    }

    @Test
    void shouldPublishEachConsumersPactsWithTheVersionBranchTagsAndBuildUrl() throws Exception {
        broker.route(
                "POST /contracts/publish",
                Reply.json(200, "{\"notices\": [{\"type\": \"success\", \"text\": \"Created the pact\"}]}"));

        int code = run(
                "publish",
                pacts().toString(),
                "-a",
                "1.0.0",
                "--branch",
                "main",
                "-t",
                "dev",
                "-t",
                "rc",
                "--build-url",
                "https://ci/42");

        assertThat(code).as(err()).isZero();
        var posts = broker.received("/contracts/publish");
        assertThat(posts).hasSize(2);
        JsonNode app = Json.parse(posts.get(0).body());
        assertThat(app.path("pacticipantName").asText()).isEqualTo("app");
        assertThat(app.path("pacticipantVersionNumber").asText()).isEqualTo("1.0.0");
        assertThat(app.path("branch").asText()).isEqualTo("main");
        assertThat(app.path("tags")).isEqualTo(Json.parse("[\"dev\", \"rc\"]"));
        assertThat(app.path("buildUrl").asText()).isEqualTo("https://ci/42");
        assertThat(Base64.getDecoder()
                        .decode(app.path("contracts").get(0).path("content").asText()))
                .isEqualTo(Files.readAllBytes(dir.resolve("app-orders.json")));
        assertThat(Json.parse(posts.get(1).body()).path("pacticipantName").asText())
                .isEqualTo("web");
        assertThat(out())
                .contains("Publishing 1 pact(s) of app version 1.0.0 (branch main) to " + broker.url())
                .contains("  Created the pact")
                .contains("Published 2 pact(s).");
    }

    @Test
    void shouldExitOneWhenTheBrokerRefusesPrintingItsNotices() {
        broker.route("POST /contracts/publish", Reply.json(409, """
                {"notices": [{"type": "error", "text": "Cannot change the content of the pact for web version 1.0.0"}],
                 "errors": {"contracts": ["Cannot change the content of the pact for web version 1.0.0"]}}"""));

        int code = run("publish", pacts().resolve("web-orders.json").toString(), "-a", "1.0.0");

        assertThat(code).isEqualTo(1);
        assertThat(out()).contains("  ERROR: Cannot change the content of the pact for web version 1.0.0");
        assertThat(err()).contains("409");
    }

    @Test
    void shouldExitTwoForWhatCannotBePublished() throws Exception {
        assertThat(run("publish", "-a", "1.0.0")).isEqualTo(2);
        assertThat(err()).contains("name the pact files or folders to publish");

        assertThat(run("publish", pacts().toString())).isEqualTo(2);
        assertThat(err()).contains("--consumer-app-version is required (or set PACT_CONSUMER_VERSION)");

        Path notAPact = Files.writeString(dir.resolve("notes.json"), "{\"hello\": 1}");
        assertThat(run("publish", notAPact.toString(), "-a", "1.0.0")).isEqualTo(2);
        assertThat(err()).contains("notes.json is not a pact file that can be read");

        assertThat(run("publish", dir.resolve("missing").toString(), "-a", "1.0.0"))
                .isEqualTo(2);
        assertThat(err()).contains("no pact file or folder at");
        assertThat(broker.received("/contracts/publish")).isEmpty();
    }
}
