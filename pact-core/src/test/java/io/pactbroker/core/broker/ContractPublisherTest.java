package io.pactbroker.core.broker;

import static io.pactbroker.core.broker.HalReplies.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.pactbroker.core.broker.ContractPublisher.ConsumerVersion;
import io.pactbroker.core.broker.ContractPublisher.Contract;
import io.pactbroker.core.internal.Json;
import io.pactbroker.core.model.PactReadException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared publishing of pacts, against a fake broker on the JDK's HTTP server. */
class ContractPublisherTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private BrokerClient broker;
    private final List<JsonNode> published = new CopyOnWriteArrayList<>();
    private volatile String index;
    private volatile int publishStatus = 200;
    private volatile String publishAnswer;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        index = "{\"_links\": {\"pb:publish-contracts\": {\"href\": \"" + base + "/contracts/publish\"}}}";
        publishAnswer = "{\"notices\": [{\"type\": \"success\", \"text\": \"Created\"},"
                + " {\"type\": \"warning\", \"text\": \"No webhooks\"}]}";
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            switch (exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()) {
                case "GET /" -> reply(exchange, 200, index);
                case "POST /contracts/publish" -> {
                    published.add(Json.parse(body));
                    reply(exchange, publishStatus, publishAnswer);
                }
                default -> reply(exchange, 404, "");
            }
        });
        server.start();
        broker = BrokerClient.builder(base).build();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Path pactFile(String name, String consumer, String provider) throws IOException {
        return Files.writeString(dir.resolve(name), """
                {"consumer": {"name": "%s"}, "provider": {"name": "%s"},
                 "interactions": [{"description": "get order", "request": {"method": "GET", "path": "/orders/7"},
                                   "response": {"status": 200}}],
                 "metadata": {"pactSpecification": {"version": "3.0.0"}}}
                """.formatted(consumer, provider));
    }

    private ContractPublisher publisher() {
        return ContractPublisher.of(broker).printingTo(new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPostOneRequestPerConsumerWithTheVersionAndTheFilesBytes() throws IOException {
        Path webOrders = pactFile("web-orders.json", "web", "orders");
        Path webBilling = pactFile("web-billing.json", "web", "billing");
        Path appOrders = pactFile("app-orders.json", "app", "orders");
        ConsumerVersion version =
                new ConsumerVersion("1.0.0", Optional.of("main"), List.of("dev", "prod"), Optional.of("https://ci/42"));

        List<Notice> notices = publisher()
                .publish(
                        version,
                        List.of(Contract.read(webOrders), Contract.read(appOrders), Contract.read(webBilling)));

        assertThat(published).hasSize(2);
        JsonNode web = published.get(0);
        assertThat(web.path("pacticipantName").asText()).isEqualTo("web");
        assertThat(web.path("pacticipantVersionNumber").asText()).isEqualTo("1.0.0");
        assertThat(web.path("branch").asText()).isEqualTo("main");
        assertThat(web.path("tags")).isEqualTo(Json.parse("[\"dev\", \"prod\"]"));
        assertThat(web.path("buildUrl").asText()).isEqualTo("https://ci/42");
        assertThat(web.path("contracts")).hasSize(2);
        JsonNode first = web.path("contracts").get(0);
        assertThat(first.path("consumerName").asText()).isEqualTo("web");
        assertThat(first.path("providerName").asText()).isEqualTo("orders");
        assertThat(first.path("specification").asText()).isEqualTo("pact");
        assertThat(first.path("contentType").asText()).isEqualTo("application/json");
        assertThat(Base64.getDecoder().decode(first.path("content").asText())).isEqualTo(Files.readAllBytes(webOrders));
        assertThat(published.get(1).path("pacticipantName").asText()).isEqualTo("app");
        assertThat(notices)
                .hasSize(4)
                .extracting(Notice::text)
                .containsExactly("Created", "No webhooks", "Created", "No webhooks");
        assertThat(console())
                .contains("Publishing 2 pact(s) of web version 1.0.0 (branch main) to " + broker.baseUrl())
                .contains("Publishing 1 pact(s) of app version 1.0.0 (branch main)")
                .contains("  Created\n")
                .contains("  WARNING: No webhooks\n");
    }

    @Test
    void shouldLeaveOutWhatIsNotGiven() throws IOException {
        ConsumerVersion version = new ConsumerVersion("2.0.0", Optional.empty(), List.of(), Optional.empty());

        publisher().publish(version, List.of(Contract.read(pactFile("web-orders.json", "web", "orders"))));

        assertThat(published).hasSize(1);
        assertThat(published.get(0).has("branch")).isFalse();
        assertThat(published.get(0).has("tags")).isFalse();
        assertThat(published.get(0).has("buildUrl")).isFalse();
        assertThat(console()).contains("Publishing 1 pact(s) of web version 2.0.0 to ");
    }

    @Test
    void shouldPrintTheNoticesOfARefusalAndThrowTheBrokersError() throws IOException {
        publishStatus = 409;
        publishAnswer = """
                {"notices": [{"type": "error", "text": "Cannot change the content of the pact for web version 1"}],
                 "errors": {"contracts": ["Cannot change the content of the pact for web version 1"]}}""";
        ConsumerVersion version = new ConsumerVersion("1", Optional.empty(), List.of(), Optional.empty());
        Contract contract = Contract.read(pactFile("web-orders.json", "web", "orders"));

        assertThatThrownBy(() -> publisher().publish(version, List.of(contract)))
                .isInstanceOfSatisfying(BrokerResponseException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.notices()).extracting(Notice::type).containsExactly("error");
                });
        assertThat(console()).contains("  ERROR: Cannot change the content of the pact for web version 1");
    }

    @Test
    void shouldRefuseABrokerWithoutThePublishContractsRelation() throws IOException {
        index = "{\"_links\": {}}";
        ConsumerVersion version = new ConsumerVersion("1", Optional.empty(), List.of(), Optional.empty());
        Contract contract = Contract.read(pactFile("web-orders.json", "web", "orders"));

        assertThatThrownBy(() -> publisher().publish(version, List.of(contract)))
                .isInstanceOf(BrokerException.class)
                .hasMessageContaining("pb:publish-contracts");
        assertThat(published).isEmpty();
    }

    @Test
    void shouldNotCallTheBrokerWithoutContracts() {
        server.stop(0);

        List<Notice> notices =
                publisher().publish(new ConsumerVersion("1", Optional.empty(), List.of(), Optional.empty()), List.of());

        assertThat(notices).isEmpty();
        assertThat(console()).isEmpty();
    }

    @Test
    void shouldListTheVisibleJsonFilesOfAFolderInNameOrder() throws IOException {
        pactFile("b.json", "web", "orders");
        pactFile("a.json", "web", "billing");
        pactFile(".hidden.json", "web", "orders");
        Files.writeString(dir.resolve("notes.txt"), "not a pact");
        Files.createDirectories(dir.resolve("sub.json"));

        assertThat(ContractPublisher.pactFiles(dir)).containsExactly(dir.resolve("a.json"), dir.resolve("b.json"));
        assertThat(ContractPublisher.pactFiles(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void shouldRefuseAFileThatIsNotAPact() throws IOException {
        Path file = Files.writeString(dir.resolve("x.json"), "{\"hello\": \"world\"}");

        assertThatThrownBy(() -> Contract.read(file)).isInstanceOf(PactReadException.class);
    }
}
