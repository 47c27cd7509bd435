package io.pactbroker.consumer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pactbroker.consumer.PactSettings;
import io.pactbroker.consumer.Pacts;
import io.pactbroker.core.internal.Json;
import io.pactbroker.core.model.PactWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing against a tiny broker stand-in, for the answers a real broker is hard to make give. */
class PactPublisherTest {

    @TempDir
    Path pacts;

    private HttpServer broker;
    private String url;
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> answer =
            new AtomicReference<>("{\"notices\": [{\"type\": \"success\", \"text\": \"Created web version abc123\"}]}");
    private final AtomicReference<JsonNode> received = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        broker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        url = "http://127.0.0.1:" + broker.getAddress().getPort();
        broker.createContext("/", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            if (exchange.getRequestURI().getPath().equals("/")) {
                reply(
                        exchange,
                        200,
                        "{\"_links\": {\"pb:publish-contracts\": {\"href\": \"" + url + "/contracts/publish\"}}}");
            } else {
                received.set(Json.parse(exchange.getRequestBody().readAllBytes()));
                reply(exchange, status.get(), answer.get());
            }
        });
        broker.start();
        write("web", "orders");
        write("web", "users");
        Files.writeString(pacts.resolve(".web-orders.json.lock"), "run");
    }

    @AfterEach
    void stop() {
        broker.stop(0);
    }

    private void write(String consumer, String provider) throws IOException {
        var pact = Pacts.between(consumer, provider)
                .uponReceiving("ping")
                .get("/ping")
                .willRespondWith(200)
                .toPact();
        Files.writeString(
                pacts.resolve(consumer + "-" + provider + ".json"),
                PactWriter.write(pact).json());
    }

    private static void reply(HttpExchange exchange, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/hal+json");
        exchange.sendResponseHeaders(code, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private PublishResult publish(Map<String, String> env) {
        return publish(
                env,
                new BuildInfo(
                        Optional.of("GitHub Actions"),
                        Optional.of("abc123"),
                        Optional.of("main"),
                        Optional.of("https://ci/run/1")));
    }

    private PublishResult publish(Map<String, String> env, BuildInfo build) {
        PactSettings settings = PactSettings.resolve(Map.of(), List.of(), env);
        return PactPublisher.of(settings, build)
                .printingTo(new PrintStream(output, true, StandardCharsets.UTF_8))
                .publish(pacts);
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPostEveryPactOfTheConsumerWithVersionBranchAndBuildUrl() throws IOException {
        PublishResult result = publish(
                Map.of("PACT_BROKER_BASE_URL", url, "PACT_BROKER_TOKEN", "t0ken", "PACT_CONSUMER_TAGS", "prod"));

        assertThat(result.outcome()).isEqualTo(PublishResult.Outcome.PUBLISHED);
        JsonNode body = received.get();
        assertThat(body.get("pacticipantName").textValue()).isEqualTo("web");
        assertThat(body.get("pacticipantVersionNumber").textValue()).isEqualTo("abc123");
        assertThat(body.get("branch").textValue()).isEqualTo("main");
        assertThat(body.get("buildUrl").textValue()).isEqualTo("https://ci/run/1");
        assertThat(body.get("tags").toString()).isEqualTo("[\"prod\"]");
        assertThat(body.get("contracts")).hasSize(2);
        JsonNode first = body.get("contracts").get(0);
        assertThat(first.get("providerName").textValue()).isEqualTo("orders");
        assertThat(first.get("specification").textValue()).isEqualTo("pact");
        assertThat(Base64.getDecoder().decode(first.get("content").textValue()))
                .isEqualTo(Files.readAllBytes(pacts.resolve("web-orders.json")));
        assertThat(authorization.get()).isEqualTo("Bearer t0ken");
        assertThat(printed())
                .contains("Publishing 2 pact(s) of web version abc123 (branch main) to " + url)
                .contains("  Created web version abc123");
    }

    @Test
    void shouldLetExplicitSettingsWinOverWhatTheBuildSays() {
        publish(Map.of(
                "PACT_BROKER_BASE_URL", url,
                "PACT_CONSUMER_VERSION", "1.2.3",
                "PACT_CONSUMER_BRANCH", "release",
                "PACT_BROKER_USERNAME", "ada",
                "PACT_BROKER_PASSWORD", "pw"));

        assertThat(received.get().get("pacticipantVersionNumber").textValue()).isEqualTo("1.2.3");
        assertThat(received.get().get("branch").textValue()).isEqualTo("release");
        assertThat(authorization.get()).startsWith("Basic ");
    }

    @Test
    void shouldExplainARefusedToken() {
        status.set(401);
        answer.set("{\"error\": {\"message\": \"Invalid token\"}}");

        PublishResult result = publish(Map.of("PACT_BROKER_BASE_URL", url, "PACT_BROKER_TOKEN", "bad"));

        assertThat(result.outcome()).isEqualTo(PublishResult.Outcome.REFUSED);
        assertThat(result.message())
                .startsWith("Publishing failed: the Pact Broker answered 401 Unauthorized to POST " + url
                        + "/contracts/publish: Invalid token")
                .endsWith("Credentials: a token from environment variable PACT_BROKER_TOKEN.");
    }

    @Test
    void shouldPrintTheNoticesOfAConflict() {
        status.set(409);
        answer.set("""
                {"notices": [{"type": "error", "text": "Cannot change the content of the pact for web version abc123"}],
                 "errors": {"contracts": ["Cannot change the content of the pact for web version abc123"]}}""");

        PublishResult result = publish(Map.of("PACT_BROKER_BASE_URL", url));

        assertThat(result.outcome()).isEqualTo(PublishResult.Outcome.REFUSED);
        assertThat(result.outcome().exitCode()).isEqualTo(1);
        assertThat(result.notices()).hasSize(1);
        assertThat(printed()).contains("  ERROR: Cannot change the content of the pact for web version abc123");
        assertThat(result.message()).contains("409 Conflict");
    }

    @Test
    void shouldSayWhenTheBrokerIsUnreachable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        PublishResult result = publish(Map.of("PACT_BROKER_BASE_URL", "http://127.0.0.1:" + closed));

        assertThat(result.outcome()).isEqualTo(PublishResult.Outcome.UNREACHABLE);
        assertThat(result.outcome().exitCode()).isEqualTo(3);
        assertThat(result.message())
                .isEqualTo("cannot reach the Pact Broker at http://127.0.0.1:" + closed
                        + ": connection refused (is the broker running, and is the URL right?)");
    }

    @Test
    void shouldSkipWithAReason() throws IOException {
        assertThat(publish(Map.of()).message())
                .isEqualTo("Not publishing pacts: no broker URL. Set PACT_BROKER_BASE_URL (or pact.broker.url in"
                        + " pact.properties).");
        BuildInfo nothing = new BuildInfo(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        PublishResult noVersion = publish(Map.of("PACT_BROKER_BASE_URL", url), nothing);
        assertThat(noVersion.outcome()).isEqualTo(PublishResult.Outcome.SKIPPED);
        assertThat(noVersion.message()).startsWith("Not publishing pacts: no consumer version.");

        try (var files = Files.list(pacts)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        assertThat(publish(Map.of("PACT_BROKER_BASE_URL", url)).message())
                .startsWith("Not publishing pacts: there is no pact file in ");
        assertThat(received.get()).isNull();
    }

    @Test
    void shouldRunFromTheCommandLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

        assertThat(Publish.run(new String[] {"--nope"}, out, errStream)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("unknown option --nope");
        assertThat(Publish.run(
                        new String[] {
                            "--dir",
                            pacts.toString(),
                            "--broker-url=" + url,
                            "--consumer-version",
                            "9.9",
                            "--tag",
                            "a",
                            "--tag",
                            "b"
                        },
                        out,
                        errStream))
                .isEqualTo(0);
        assertThat(received.get().get("pacticipantVersionNumber").textValue()).isEqualTo("9.9");
        assertThat(received.get().get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
    }
}
