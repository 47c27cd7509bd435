package io.pactbroker.core.broker;

import static io.pactbroker.core.broker.HalReplies.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.pactbroker.core.internal.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BrokerClientTest {

    private HttpServer server;
    private String base;
    private final Map<String, String> seen = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", exchange -> {
            seen.put(
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            seen.put("path", exchange.getRequestURI().getRawPath());
            seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            switch (exchange.getRequestURI().getPath()) {
                case "/" -> reply(exchange, 200, """
                        {"_links": {
                          "pb:latest-provider-pacts": {"href": "%1$s/pacts/provider/{provider}/latest", "templated": true, "title": "Latest pacts"},
                          "pb:publish-contracts": {"href": "%1$s/contracts/publish"}
                        }}""".formatted(base));
                case "/pacts/provider/my orders/latest" -> reply(exchange, 200, """
                        {"_links": {"pb:pacts": [{"href": "%1$s/a", "name": "web"}, {"href": "%1$s/b", "name": "app"}]},
                         "_embedded": {"pacts": [{"x": 1}]}}""".formatted(base));
                case "/contracts/publish" -> reply(exchange, 200, """
                        {"notices": [{"type": "success", "text": "Created web version 1"}]}""");
                case "/unauthorized" -> reply(exchange, 401, "{\"error\": {\"message\": \"Invalid token\"}}");
                case "/conflict" -> reply(exchange, 409, """
                        {"notices": [{"type": "error", "text": "Cannot change the content of the pact for web version 1"}],
                         "errors": {"contracts": ["Cannot change the content of the pact for web version 1"]}}""");
                case "/invalid" -> reply(exchange, 400, """
                        {"errors": {"pacticipantVersionNumber": ["can't be blank"], "contracts": ["is missing"]}}""");
                case "/crash" ->
                    reply(exchange, 500, "{\"error\": {\"message\": \"boom\", \"reference\": \"abc123\"}}");
                case "/html" -> reply(exchange, 200, "<html>not a broker</html>");
                default -> reply(exchange, 404, "");
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldFollowATemplatedRelationFromTheIndex() {
        BrokerClient client = BrokerClient.builder(base + "/").build();

        HalDocument pacts = client.follow("pb:latest-provider-pacts", Map.of("provider", "my orders"));

        assertThat(seen.get("path")).isEqualTo("/pacts/provider/my%20orders/latest");
        assertThat(pacts.links("pb:pacts"))
                .extracting(l -> l.name().orElseThrow())
                .containsExactly("web", "app");
        assertThat(pacts.embedded("pacts")).hasSize(1);
        assertThat(client.index().requireLink("pb:latest-provider-pacts").title())
                .hasValue("Latest pacts");
    }

    @Test
    void shouldPostJsonAndReturnTheNotices() {
        BrokerClient client =
                BrokerClient.builder(base).auth(BrokerAuth.bearer("t0ken")).build();
        JsonNode body = Json.NODES.objectNode().put("pacticipantName", "web");

        HalDocument result =
                client.post(client.index().requireLink("pb:publish-contracts").uri(), body);

        assertThat(result.notices()).containsExactly(new Notice("success", "Created web version 1"));
        assertThat(seen.get("authorization")).isEqualTo("Bearer t0ken");
        assertThat(seen.get("body")).isEqualTo("{\"pacticipantName\":\"web\"}");
    }

    @Test
    void shouldSendBasicAuthentication() {
        BrokerClient.builder(base)
                .auth(BrokerAuth.basic("ada", "s3cret"))
                .build()
                .index();

        assertThat(seen.get("authorization")).isEqualTo("Basic YWRhOnMzY3JldA==");
        assertThat(BrokerAuth.basic("ada", "s3cret").toString()).doesNotContain("s3cret");
    }

    @Test
    void shouldSurfaceTheBrokersErrorTexts() {
        BrokerClient client = BrokerClient.builder(base).build();

        assertThatThrownBy(() -> client.get(URI.create("/unauthorized")))
                .isInstanceOf(BrokerResponseException.class)
                .hasMessage("the Pact Broker answered 401 Unauthorized to GET " + base + "/unauthorized: Invalid token"
                        + " (check the broker token, or username and password)");
        assertThatThrownBy(() -> client.get(URI.create("/invalid")))
                .hasMessage("the Pact Broker answered 400 Bad Request to GET " + base + "/invalid:"
                        + " pacticipantVersionNumber: can't be blank; contracts: is missing");
        assertThatThrownBy(() -> client.get(URI.create("/crash"))).hasMessageEndingWith(": boom (reference abc123)");
    }

    @Test
    void shouldKeepTheNoticesOfAConflict() {
        BrokerClient client = BrokerClient.builder(base).build();

        BrokerResponseException conflict = (BrokerResponseException) org.assertj.core.api.Assertions.catchThrowable(
                () -> client.post(URI.create("/conflict"), Json.NODES.objectNode()));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.notices())
                .containsExactly(new Notice("error", "Cannot change the content of the pact for web version 1"));
        assertThat(conflict.errors())
                .containsExactly("contracts: Cannot change the content of the pact for web version 1");
    }

    @Test
    void shouldTellAnUnreachableBrokerFromAnErrorAnswer() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        BrokerClient client = BrokerClient.builder("http://127.0.0.1:" + closedPort)
                .timeout(Duration.ofSeconds(2))
                .build();

        assertThatThrownBy(client::index)
                .isInstanceOf(BrokerUnreachableException.class)
                .hasMessage("cannot reach the Pact Broker at http://127.0.0.1:" + closedPort
                        + ": connection refused (is the broker running, and is the URL right?)");
    }

    @Test
    void shouldExplainAMissingRelationAndAnAnswerThatIsNotJson() {
        BrokerClient client = BrokerClient.builder(base).build();

        assertThatThrownBy(() -> client.follow("pb:environments", Map.of()))
                .isExactlyInstanceOf(BrokerException.class)
                .hasMessage("the resource at " + base + " has no 'pb:environments' link (it has"
                        + " pb:latest-provider-pacts, pb:publish-contracts); is this a Pact Broker, and a recent enough"
                        + " one?");
        assertThatThrownBy(() -> client.get(URI.create("/html")))
                .hasMessageContaining("is not JSON: <html>not a broker</html>");
    }

    @Test
    void shouldRefuseABaseUrlThatIsNotHttp() {
        assertThatThrownBy(() -> BrokerClient.builder("localhost:9292"))
                .hasMessage("the broker URL \"localhost:9292\" must be an absolute http or https URL, such as"
                        + " http://localhost:9292");
        assertThat(Link.of("http://x/{a}/b").expand(Map.of("a", "é/1")).toString())
                .isEqualTo("http://x/%C3%A9%2F1/b");
        assertThat(List.of(new Notice("danger", "x").isProblem(), new Notice("success", "y").isProblem()))
                .containsExactly(true, false);
    }
}
