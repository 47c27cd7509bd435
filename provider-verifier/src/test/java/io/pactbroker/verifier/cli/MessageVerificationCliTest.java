package io.pactbroker.verifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactbroker.core.internal.Json;
import io.pactbroker.verifier.support.CliRun;
import io.pactbroker.verifier.support.PactFiles;
import io.pactbroker.verifier.support.TestProvider;
import io.pactbroker.verifier.support.TestProvider.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify} of a V4 pact with an asynchronous message, a synchronous message and an HTTP interaction, the
 * messages produced by a real HTTP message endpoint ({@code --message-endpoint}) as the Pact convention has it.
 */
class MessageVerificationCliTest {

    static final String ORDER_SHIPPED = """
            {"type": "Asynchronous/Messages", "description": "order shipped",
             "providerStates": [{"name": "order shipped", "params": {"id": 7}}],
             "contents": {"content": {"orderId": 7, "status": "SHIPPED"}, "contentType": "application/json",
                          "encoded": false},
             "metadata": {"topic": "orders"},
             "matchingRules": {"body": {"$.orderId": {"combine": "AND", "matchers": [{"match": "integer"}]}}}}
            """;

    static final String PRICE_QUERY = """
            {"type": "Synchronous/Messages", "description": "price of A1",
             "request": {"contents": {"content": {"sku": "A1"}, "contentType": "application/json", "encoded": false},
                         "metadata": {"replyTo": "prices"}},
             "response": [{"contents": {"content": {"sku": "A1", "price": 9.99}, "contentType": "application/json",
                                        "encoded": false},
                           "matchingRules": {"body": {"$.price": {"combine": "AND",
                                                                  "matchers": [{"match": "decimal"}]}}}}]}
            """;

    static final String GET_ORDER = """
            {"type": "Synchronous/HTTP", "description": "get order 7",
             "request": {"method": "GET", "path": "/orders/7"},
             "response": {"status": 200, "body": {"content": {"id": 7}, "contentType": "application/json",
                                                  "encoded": false}}}
            """;

    @TempDir
    Path dir;

    TestProvider provider;
    final CliRun cli = new CliRun();

    @BeforeEach
    void start() {
        provider = TestProvider.start();
        provider.route("GET /orders/7", Reply.json(200, "{\"id\": 7}"));
        provider.route("POST /state", Reply.status(200));
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private int verify(String... extra) {
        Path pact = PactFiles.write(
                dir,
                "web-orders.json",
                PactFiles.v4("web", "orders", ORDER_SHIPPED + "," + PRICE_QUERY + "," + GET_ORDER));
        String[] base = {
            "verify",
            "--file",
            pact.toString(),
            "--provider-name",
            "orders",
            "--provider-base-url",
            provider.url(),
            "--message-endpoint",
            provider.url() + "/messages",
            "--state-change-url",
            provider.url() + "/state",
            "--json",
            dir.resolve("result.json").toString()
        };
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return cli.run(args);
    }

    /** A message endpoint answering the two messages with the bodies given (the price one computed from the request). */
    private void messages(String shipped, String price, String topic) {
        provider.route("POST /messages", request -> {
            JsonNode asked = parse(request.body());
            return switch (asked.path("description").asText()) {
                case "order shipped" ->
                    new Reply(
                            200,
                            Map.of(
                                    "Content-Type",
                                    "application/json",
                                    "Pact-Message-Metadata",
                                    Base64.getEncoder()
                                            .encodeToString(("{\"topic\": \"" + topic + "\"}")
                                                    .getBytes(StandardCharsets.UTF_8))),
                            shipped);
                case "price of A1" ->
                    Reply.json(
                            200,
                            price.replace(
                                    "SKU",
                                    asked.path("request")
                                            .path("contents")
                                            .path("content")
                                            .path("sku")
                                            .asText()));
                default -> Reply.status(404);
            };
        });
    }

    private static JsonNode parse(String text) {
        try {
            return Json.parse(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode interaction(String description) throws IOException {
        for (JsonNode i : Json.parse(Files.readString(dir.resolve("result.json")))
                .path("pacts")
                .get(0)
                .path("interactions")) {
            if (i.path("description").asText().equals(description)) {
                return i;
            }
        }
        throw new AssertionError("no result for " + description);
    }

    private String out() {
        return cli.out() + cli.err();
    }

    @Test
    void shouldVerifyAsynchronousAndSynchronousMessagesFromTheMessageEndpoint() throws IOException {
        messages("{\"orderId\": 8, \"status\": \"SHIPPED\"}", "{\"sku\": \"SKU\", \"price\": 12.5}", "orders");

        int code = verify();

        assertThat(code).as(out()).isZero();
        assertThat(interaction("order shipped").path("success").asBoolean()).isTrue();
        assertThat(interaction("price of A1").path("success").asBoolean()).isTrue();
        assertThat(interaction("get order 7").path("success").asBoolean()).isTrue();
        var asked = provider.received("/messages");
        assertThat(asked).hasSize(2);
        assertThat(parse(asked.get(0).body()))
                .isEqualTo(parse("{\"description\": \"order shipped\","
                        + " \"providerStates\": [{\"name\": \"order shipped\", \"params\": {\"id\": 7}}]}"));
        JsonNode sync = parse(asked.get(1).body());
        assertThat(sync.path("description").asText()).isEqualTo("price of A1");
        assertThat(sync.path("request").path("contents").path("content")).isEqualTo(parse("{\"sku\": \"A1\"}"));
        assertThat(sync.path("request").path("metadata")).isEqualTo(parse("{\"replyTo\": \"prices\"}"));
        assertThat(parse(provider.received("/state").get(0).body())
                        .path("state")
                        .asText())
                .isEqualTo("order shipped");
    }

    @Test
    void shouldFailMessagesThatDoNotMatchNamingThePathsAndExitOne() throws IOException {
        messages(
                "{\"orderId\": \"seven\", \"status\": \"SHIPPED\"}",
                "{\"sku\": \"SKU\", \"price\": \"free\"}",
                "payments");

        int code = verify();

        assertThat(code).isEqualTo(1);
        JsonNode shipped = interaction("order shipped");
        assertThat(shipped.path("success").asBoolean()).isFalse();
        assertThat(shipped.path("mismatches").findValuesAsText("location"))
                .containsExactlyInAnyOrder("$.orderId", "metadata 'topic'");
        JsonNode price = interaction("price of A1");
        assertThat(price.path("success").asBoolean()).isFalse();
        assertThat(price.path("mismatches").findValuesAsText("location")).contains("$.price");
        assertThat(interaction("get order 7").path("success").asBoolean()).isTrue();
        assertThat(out()).contains("$.orderId", "$.price", "(interaction \"price of A1\"");
    }

    @Test
    void shouldFailAMessageTheEndpointCannotProduceSayingWhatItAnswered() throws IOException {
        provider.route("POST /messages", Reply.json(404, "{\"error\": \"unknown message\"}"));

        int code = verify("--filter-description", "order shipped");

        assertThat(code).isEqualTo(1);
        assertThat(interaction("order shipped").path("error").asText())
                .isEqualTo("the message endpoint " + provider.url() + "/messages answered 404 for \"order shipped\":"
                        + " {\"error\":\"unknown message\"}");
    }
}
