package io.pactbroker.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactbroker.compatibility.support.RunningBroker;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's promise, with the packaged broker and its embedded PostgreSQL: a published pact is still there after
 * the broker restarts, whether it was stopped or killed.
 */
class RestartTest {

    private static final String PACT = """
            {"consumer": {"name": "Restart Consumer"}, "provider": {"name": "Restart Provider"},
             "interactions": [{"description": "a request for the order", "request": {"method": "GET", "path": "/orders/1"},
               "response": {"status": 200, "body": {"id": 1}}}],
             "metadata": {"pactSpecification": {"version": "2.0.0"}}}""";

    private final HttpClient http = HttpClient.newHttpClient();
    private RunningBroker broker;

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldKeepPublishedPactsWhenTheBrokerRestarts() throws Exception {
        broker = RunningBroker.start(Map.of());
        assertThat(publish().statusCode()).as(broker.log()).isEqualTo(200);
        String before = withoutBaseUrl(latestPact().body());

        broker = broker.restart(false);

        HttpResponse<String> after = latestPact();
        assertThat(after.statusCode()).as(broker.log()).isEqualTo(200);
        assertThat(withoutBaseUrl(after.body())).isEqualTo(before).contains("a request for the order");
    }

    @Test
    void shouldKeepPublishedPactsWhenTheBrokerWasKilled() throws Exception {
        broker = RunningBroker.start(Map.of());
        assertThat(publish().statusCode()).as(broker.log()).isEqualTo(200);
        String before = withoutBaseUrl(latestPact().body());

        broker = broker.restart(true);

        HttpResponse<String> after = latestPact();
        assertThat(after.statusCode()).as(broker.log()).isEqualTo(200);
        assertThat(withoutBaseUrl(after.body())).isEqualTo(before).contains("a request for the order");
        assertThat(broker.log()).contains("was left running by a broker that did not stop cleanly");
    }

    /** The restarted broker listens on another port; everything else must be byte for byte the same. */
    private String withoutBaseUrl(String body) {
        return body.replace(broker.baseUrl().toString(), "{base}");
    }

    private HttpResponse<String> publish() throws IOException, InterruptedException {
        String content = Base64.getEncoder().encodeToString(PACT.getBytes(StandardCharsets.UTF_8));
        String body = """
                {"pacticipantName": "Restart Consumer", "pacticipantVersionNumber": "1.0.0", "branch": "main",
                 "contracts": [{"consumerName": "Restart Consumer", "providerName": "Restart Provider",
                   "specification": "pact", "contentType": "application/json", "content": "%s"}]}""".formatted(content);
        return http.send(
                HttpRequest.newBuilder(broker.baseUrl().resolve("/contracts/publish"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> latestPact() throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(broker.baseUrl()
                                .resolve("/pacts/provider/Restart%20Provider/consumer/Restart%20Consumer/latest"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
