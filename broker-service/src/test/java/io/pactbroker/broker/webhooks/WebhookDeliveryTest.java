package io.pactbroker.broker.webhooks;

import static io.pactbroker.broker.webhooks.Calls.createWebhook;
import static io.pactbroker.broker.webhooks.Calls.publish;
import static io.pactbroker.broker.webhooks.Calls.webhookJson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery to a real HTTP server: the rendered request, retries on the schedule, the outcome, the logs and what they
 * hide, and the webhook status of a pact.
 */
@QuarkusTest
class WebhookDeliveryTest extends WebhookApiTest {

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    /** The test profile's settings (http allowed, quick retries), changed as a test needs. */
    static WebhookSettings testSettings() {
        return WebhookSettings.defaults()
                .withSchemes("https", "http")
                .withRetrySchedule(Duration.ofMillis(200), Duration.ofMillis(400))
                .withTimeout(Duration.ofSeconds(5));
    }

    static void use(WebhookSettings settings) {
        QuarkusMock.installMockForType(new WebhookPolicy(settings), WebhookPolicy.class);
    }

    /** Waits until the pact's webhooks finished, and returns the status document. */
    private static JsonPath awaitStatus(String consumer, String status) {
        JsonPath[] last = new JsonPath[1];
        WebhookReceiver.Eventually.until(
                () -> {
                    last[0] = JsonPath.from(given().get("/pacts/provider/Bar/consumer/{c}/webhooks/status", consumer)
                            .asString());
                    List<String> statuses = last[0].getList("_embedded.triggeredWebhooks.status");
                    return statuses != null
                            && !statuses.isEmpty()
                            && statuses.stream().allMatch(status::equals);
                },
                Duration.ofSeconds(20),
                () -> "webhook status " + (last[0] == null ? null : last[0].prettify()));
        return last[0];
    }

    private static String logs(JsonPath status) {
        return given().get(status.getString("_embedded.triggeredWebhooks[0]._links.'pb:logs'.href"))
                .then()
                .statusCode(200)
                .contentType(startsWith("text/plain"))
                .extract()
                .asString();
    }

    @Test
    void shouldSendTheRequestWithEveryParameterRendered() throws Exception {
        world.pacticipant("Foo Thing");
        world.pacticipant("Bar");
        given().put("/pacticipants/{p}/labels/team-a", "Foo Thing").then().statusCode(201);
        StringBuilder body = new StringBuilder("{");
        for (String p : TemplateParameters.ALL) {
            body.append('"').append(p).append("\": \"${").append(p).append("}\", ");
        }
        body.append("\"unknown\": \"${pactbroker.unknown}\"}");
        createWebhook(
                "/webhooks",
                webhookJson(
                                receiver.url(
                                        "/builds/${pactbroker.consumerName}?v=${pactbroker.consumerVersionNumber}"),
                                body.toString(),
                                null,
                                "contract_content_changed")
                        .replace(
                                "\"method\": \"POST\"",
                                "\"method\": \"POST\", \"headers\": {\"X-Branch\": \"${pactbroker.consumerVersionBranch}\"}"));

        publish("Foo Thing", "1.0.0", "main", List.of("dev", "beta"), "get order");

        WebhookReceiver.Received request = receiver.awaitRequests(1).get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo("/builds/Foo+Thing?v=1.0.0");
        assertThat(request.headers())
                .containsEntry("x-branch", "main")
                .containsEntry("content-type", "application/json")
                .containsEntry("user-agent", "Pact Broker");
        JsonNode sent = new ObjectMapper().readTree(request.body());
        String sha = given().get("/pacts/provider/Bar/consumer/{c}/version/1.0.0", "Foo Thing")
                .then()
                .extract()
                .path("_links.'pb:pact-version'.name");
        assertThat(sent.get("pactbroker.pactUrl").asText())
                .startsWith(baseUrl() + "/pacts/provider/Bar/consumer/Foo%20Thing/pact-version/" + sha + "/metadata/");
        assertThat(sent.get("pactbroker.consumerName").asText()).isEqualTo("Foo Thing");
        assertThat(sent.get("pactbroker.providerName").asText()).isEqualTo("Bar");
        assertThat(sent.get("pactbroker.consumerVersionNumber").asText()).isEqualTo("1.0.0");
        assertThat(sent.get("pactbroker.consumerVersionTags").asText()).isEqualTo("dev, beta");
        assertThat(sent.get("pactbroker.consumerVersionBranch").asText()).isEqualTo("main");
        assertThat(sent.get("pactbroker.consumerLabels").asText()).isEqualTo("team-a");
        assertThat(sent.get("pactbroker.providerLabels").asText()).isEmpty();
        assertThat(sent.get("pactbroker.eventName").asText()).isEqualTo("contract_content_changed");
        assertThat(sent.get("pactbroker.buildUrl").asText()).isEqualTo("https://ci/builds/1.0.0");
        assertThat(sent.get("pactbroker.githubVerificationStatus").asText()).isEqualTo("pending");
        assertThat(sent.get("pactbroker.bitbucketVerificationStatus").asText()).isEqualTo("INPROGRESS");
        assertThat(sent.get("pactbroker.providerVersionNumber").asText()).isEmpty();
        assertThat(sent.get("pactbroker.verificationResultUrl").asText()).isEmpty();
        assertThat(sent.get("unknown").asText()).isEqualTo("${pactbroker.unknown}");

        // the pact URL given to the webhook works, and names the consumer version
        given().urlEncodingEnabled(false)
                .get(sent.get("pactbroker.pactUrl").asText())
                .then()
                .statusCode(200)
                .body("_links.'pb:consumer-version'.name", equalTo("1.0.0"));
    }

    @Test
    void shouldRenderTheVerificationOfVerificationEvents() throws Exception {
        createWebhook(
                "/webhooks",
                webhookJson(
                        receiver.url("/status"),
                        "{\"state\": \"${pactbroker.githubVerificationStatus}\", \"url\":"
                                + " \"${pactbroker.verificationResultUrl}\", \"pv\": \"${pactbroker.providerVersionNumber}\","
                                + " \"tags\": \"${pactbroker.providerVersionTags}\","
                                + " \"branch\": \"${pactbroker.providerVersionBranch}\","
                                + " \"build\": \"${pactbroker.buildUrl}\"}",
                        null,
                        "provider_verification_failed"));
        publish("Foo", "1", "main", List.of(), "get order");
        world.provider("Bar").version("10").onBranch("develop").tagged("test");

        Calls.verify("/pacts/provider/Bar/consumer/Foo/version/1", "10", false);

        JsonNode sent =
                new ObjectMapper().readTree(receiver.awaitRequests(1).get(0).body());
        assertThat(sent.get("state").asText()).isEqualTo("failure");
        assertThat(sent.get("pv").asText()).isEqualTo("10");
        assertThat(sent.get("tags").asText()).isEqualTo("test");
        assertThat(sent.get("branch").asText()).isEqualTo("develop");
        assertThat(sent.get("build").asText()).isEqualTo("https://ci/provider/10");
        given().urlEncodingEnabled(false)
                .get(sent.get("url").asText())
                .then()
                .statusCode(200)
                .body("success", equalTo(false));
    }

    @Test
    void shouldRetryOnTheScheduleUntilItSucceeds() {
        receiver.respondWith(500, 503);
        createWebhook("/webhooks", webhookJson(receiver.url("/hook"), null, null, "contract_content_changed"));

        publish("Foo", "1", "main", List.of(), "get order");

        receiver.awaitRequests(3);
        JsonPath status = awaitStatus("Foo", "success");
        assertThat(status.getInt("_embedded.triggeredWebhooks[0].attemptsMade")).isEqualTo(3);
        assertThat(status.getInt("_embedded.triggeredWebhooks[0].attemptsRemaining"))
                .isZero();
        assertThat(status.getInt("summary.successful")).isEqualTo(1);
        assertThat(status.getList("_links.'pb:error-logs'")).isEmpty();
        String logs = logs(status);
        assertThat(logs)
                .contains("Retrying webhook in 0.2 seconds")
                .contains("Retrying webhook in 0.4 seconds")
                .contains("Successfully executed webhook")
                .contains("DEBUG: Webhook context {")
                .contains("\"base_url\":\"" + baseUrl() + "\"")
                .contains("\"event_name\":\"contract_content_changed\"")
                .containsPattern(
                        "\\[\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ] INFO: HTTP/1.1 POST " + receiver.url("/hook"));
        assertThat(database.count("webhook_executions")).isEqualTo(3);
    }

    @Test
    void shouldFailAfterTheLastAttempt() {
        receiver.respondWith(500, 500, 500);
        createWebhook("/webhooks", webhookJson(receiver.url("/hook"), null, null, "contract_content_changed"));

        publish("Foo", "1", "main", List.of(), "get order");

        JsonPath status = awaitStatus("Foo", "failure");
        assertThat(status.getInt("_embedded.triggeredWebhooks[0].attemptsMade")).isEqualTo(3);
        assertThat(status.getInt("summary.failed")).isEqualTo(1);
        assertThat(status.getList("_links.'pb:error-logs'")).hasSize(1);
        assertThat(logs(status)).contains("Webhook execution failed after 3 attempts");
        assertThat(receiver.received()).hasSize(3);
    }

    @Test
    void shouldCountTheConfiguredStatusesAsSuccess() {
        use(testSettings().withSuccessCodes(202));
        receiver.respondWith(200, 202);
        createWebhook("/webhooks", webhookJson(receiver.url("/hook"), null, null, "contract_content_changed"));

        publish("Foo", "1", "main", List.of(), "get order");

        JsonPath status = awaitStatus("Foo", "success");
        assertThat(status.getInt("_embedded.triggeredWebhooks[0].attemptsMade")).isEqualTo(2);
    }

    @Test
    void shouldKeepSecretsOutOfTheLogs() {
        use(testSettings().withHosts("localhost"));
        receiver.respondWithBody("{\"echo\": \"t0k3n s3cret-pass\"}");
        createWebhook(
                "/webhooks",
                webhookJson(receiver.url("/hook"), "{\"a\": 1}", null, "contract_content_changed")
                        .replace(
                                "\"method\": \"POST\"",
                                "\"method\": \"POST\", \"username\": \"ci\", \"password\": \"s3cret-pass\","
                                        + " \"headers\": {\"X-Api-Token\": \"t0k3n\"}"));

        publish("Foo", "1", "main", List.of(), "get order");

        WebhookReceiver.Received received = receiver.awaitRequests(1).get(0);
        assertThat(received.headers()).containsEntry("x-api-token", "t0k3n");
        assertThat(received.headers().get("authorization")).startsWith("Basic ");
        String logs = logs(awaitStatus("Foo", "success"));
        assertThat(logs)
                .doesNotContain("t0k3n")
                .doesNotContain("s3cret-pass")
                .doesNotContain(received.headers().get("authorization").substring(6))
                .contains("x-api-token: **********")
                .contains("authorization: **********")
                .contains("HTTP/1.1 200")
                .contains("{\"echo\": \"******** ********\"}");
    }

    @Test
    void shouldHideResponsesWhenNoHostWhitelistLimitsWhereWebhooksGo() {
        receiver.respondWithBody("{\"internal\": \"data\"}");
        createWebhook("/webhooks", webhookJson(receiver.url("/hook"), null, null, "contract_content_changed"));

        publish("Foo", "1", "main", List.of(), "get order");

        String logs = logs(awaitStatus("Foo", "success"));
        assertThat(logs)
                .doesNotContain("internal")
                .contains("For security purposes, the response details are not logged. To enable response logging,"
                        + " configure the webhook_host_whitelist property. See " + baseUrl()
                        + "/doc/webhooks#whitelist for more information.");
    }

    @Test
    void shouldLogWhyNoResponseCame() {
        use(testSettings().withHosts("localhost").withRetrySchedule());
        WebhookReceiver closed = new WebhookReceiver();
        String url = closed.url("/gone");
        closed.close();
        createWebhook("/webhooks", webhookJson(url, null, null, "contract_content_changed"));

        publish("Foo", "1", "main", List.of(), "get order");

        assertThat(logs(awaitStatus("Foo", "failure")))
                .contains("ERROR: Error executing webhook")
                .contains("java.net.ConnectException")
                .contains("Webhook execution failed after 1 attempts");
    }

    @Test
    void shouldNotCallAWebhookTheWhitelistsNoLongerAllow() {
        createWebhook("/webhooks", webhookJson(receiver.url("/hook"), null, null, "contract_content_changed"));
        use(WebhookSettings.defaults());

        publish("Foo", "1", "main", List.of(), "get order");

        assertThat(logs(awaitStatus("Foo", "failure"))).contains("was not executed: its URL scheme must be https.");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void shouldShowTheStatusOfEachWebhookOfThePact() {
        WebhookReceiver failing = new WebhookReceiver().respondWith(500, 500, 500);
        createWebhook("/webhooks", webhookJson(failing.url("/failing"), null, null, "contract_content_changed"));
        createWebhook("/webhooks", webhookJson(receiver.url("/ok"), null, null, "contract_published"));
        publish("Foo", "1", "main", List.of(), "get order");

        WebhookReceiver.Eventually.until(
                () -> database.single("SELECT count(*) FROM triggered_webhooks WHERE next_attempt_at IS NULL")
                        .equals("2"),
                Duration.ofSeconds(20),
                () -> "webhooks still running");

        given().get("/pacts/provider/Bar/consumer/Foo/webhooks/status")
                .then()
                .statusCode(200)
                .body("summary.successful", equalTo(1))
                .body("summary.failed", equalTo(1))
                .body("_embedded.triggeredWebhooks", hasSize(2))
                .body("_links.self.title", equalTo("Webhooks status"))
                .body("_links.'pb:error-logs'", hasSize(1))
                .body("_links.'pb:error-logs'[0].title", equalTo("Error logs"))
                .body(
                        "_links.'pb:pact-webhooks'.href",
                        equalTo(baseUrl() + "/pacts/provider/Bar/consumer/Foo/webhooks"))
                .body("_links.'pb:pact-version'.name", equalTo("Pact between Foo (1) and Bar"))
                .body("_links.'pb:consumer'.name", equalTo("Foo"));
        given().get("/pacts/provider/Bar/consumer/Nobody/webhooks/status")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldSummariseTheStatusOfManyIntegrationsForTheDashboard() {
        receiver.respondWith(500, 500, 500);
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.consumer("Baz").version("1").publishesPactWith("Bar");
        world.consumer("Qux").version("1").publishesPactWith("Other");
        long foo = id("Foo");
        long baz = id("Baz");
        long bar = id("Bar");
        long qux = id("Qux");
        long other = id("Other");
        createWebhook("/webhooks/provider/Bar", webhookJson(receiver.url("/hook"), null, null, "contract_published"));
        WebhookService.Pair fooBar = new WebhookService.Pair(foo, bar);
        WebhookService.Pair bazBar = new WebhookService.Pair(baz, bar);
        WebhookService.Pair quxOther = new WebhookService.Pair(qux, other);

        Map<WebhookService.Pair, WebhookService.IntegrationStatus> statuses =
                webhooks.statusesOf(List.of(fooBar, bazBar, quxOther));
        assertThat(statuses.get(fooBar)).isEqualTo(new WebhookService.IntegrationStatus("not_run", null));
        assertThat(statuses.get(bazBar).status()).isEqualTo("not_run");
        assertThat(statuses.get(quxOther).status()).isEqualTo("none");

        world.consumer("Foo").version("2").publishesPactWith("Bar");
        WebhookReceiver.Eventually.until(
                () -> webhooks.statusOf(foo, bar).equals("failure"), Duration.ofSeconds(20), () -> "not failed");
        receiver.respondWith(200);
        world.consumer("Baz").version("2").publishesPactWith("Bar");
        WebhookReceiver.Eventually.until(
                () -> webhooks.statusOf(baz, bar).equals("success"), Duration.ofSeconds(20), () -> "not success");
        assertThat(webhooks.statusesOf(List.of(bazBar)).get(bazBar).lastTriggeredAt())
                .isNotNull();
    }

    @jakarta.inject.Inject
    WebhookService webhooks;

    private long id(String pacticipant) {
        return Long.parseLong(database.single("SELECT id FROM pacticipants WHERE name = '" + pacticipant + "'"));
    }

    @Test
    void shouldShowAnEmptyStatusWithoutPacts() {
        world.pacticipant("Foo");
        world.pacticipant("Bar");

        given().get("/pacts/provider/Bar/consumer/Foo/webhooks/status")
                .then()
                .statusCode(200)
                .body("summary.successful", equalTo(0))
                .body("_embedded.triggeredWebhooks", empty())
                .body("_links.'pb:pact-version'", nullValue());
    }

    @Test
    void shouldServeLogsAsJsonWhenAsked() {
        createWebhook("/webhooks", webhookJson(receiver.url("/hook"), null, null, "contract_content_changed"));
        publish("Foo", "1", "main", List.of(), "get order");
        JsonPath status = awaitStatus("Foo", "success");

        given().accept("application/hal+json")
                .get(status.getString("_embedded.triggeredWebhooks[0]._links.'pb:logs'.href"))
                .then()
                .statusCode(200)
                .contentType(startsWith("application/hal+json"))
                .body("eventName", equalTo("contract_content_changed"))
                .body("consumerName", equalTo("Foo"))
                .body("providerName", equalTo("Bar"))
                .body("status", equalTo("success"))
                .body("executions", hasSize(1))
                .body("executions[0].success", equalTo(true))
                .body("executions[0].logs", containsString("Successfully executed webhook"))
                .body("_links.self.title", equalTo("Triggered webhook logs"))
                .body("_links.'pb:webhook'.title", equalTo("Webhook"));
    }

    @Test
    void shouldKeepLogsOfADeletedWebhook() {
        String uuid =
                createWebhook("/webhooks", webhookJson(receiver.url("/hook"), null, null, "contract_content_changed"));
        publish("Foo", "1", "main", List.of(), "get order");
        JsonPath status = awaitStatus("Foo", "success");
        String logsUrl = status.getString("_embedded.triggeredWebhooks[0]._links.'pb:logs'.href");

        given().delete("/webhooks/{uuid}", uuid).then().statusCode(204);

        given().get(logsUrl).then().statusCode(200).body(containsString("Successfully executed webhook"));
        given().get("/pacts/provider/Bar/consumer/Foo/version/1/triggered-webhooks")
                .then()
                .body("_embedded.triggeredWebhooks", hasSize(1))
                .body("_embedded.triggeredWebhooks[0]._links", not(org.hamcrest.Matchers.hasKey("pb:webhook")));
    }

    @Test
    void shouldTestAWebhookWithTheLatestPactItAppliesTo() {
        use(testSettings().withHosts("localhost"));
        receiver.respondWithBody("{\"built\": true}");
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        String uuid = createWebhook(
                "/webhooks/provider/Bar/consumer/Foo",
                webhookJson(
                                receiver.url("/hook?x=1"),
                                "{\"v\": \"${pactbroker.consumerVersionNumber}\"}",
                                null,
                                "contract_content_changed")
                        .replace(
                                "\"method\": \"POST\"",
                                "\"method\": \"POST\", \"password\": \"pw\"," + " \"username\": \"u\""));

        given().post("/webhooks/{uuid}/execute", uuid)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/hal+json"))
                .body("success", equalTo(true))
                .body("request.url", equalTo("/hook?x=1"))
                .body("request.body.v", equalTo("1"))
                .body("request.headers.authorization", equalTo("**********"))
                .body("request.headers.'user-agent'", equalTo("Pact Broker"))
                .body("response.status", equalTo(200))
                .body("response.body.built", equalTo(true))
                .body(
                        "logs",
                        containsString(
                                "DEBUG: Webhook context {\"base_url\":\"" + baseUrl() + "\",\"event_name\":\"test\"}"))
                .body("logs", not(containsString("pw")))
                .body("_links.webhook.href", equalTo(baseUrl() + "/webhooks/" + uuid))
                .body("_links.'try-again'.href", equalTo(baseUrl() + "/webhooks/" + uuid + "/execute"))
                .body("_links.'try-again'.title", equalTo("Execute the webhook again"));

        assertThat(receiver.received()).hasSize(1);
        assertThat(database.count("triggered_webhooks")).isZero();
    }

    @Test
    void shouldTestAWebhookWithPlaceholdersAndHideTheResponseWithoutHostWhitelist() {
        String uuid = createWebhook(
                "/webhooks",
                webhookJson(
                        receiver.url("/hook"),
                        "{\"c\": \"${pactbroker.consumerName}\"}",
                        null,
                        "provider_verification_published"));

        given().post("/webhooks/{uuid}/execute", uuid)
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("request.body.c", equalTo("placeholder-consumer"))
                .body("message", startsWith("For security purposes, the response details are not logged."))
                .body("$", not(org.hamcrest.Matchers.hasKey("response")));
    }

    @Test
    void shouldTestAWebhookThatIsNotSaved() {
        receiver.respondWith(500);

        given().contentType("application/json")
                .body(webhookJson(receiver.url("/hook"), null, null, "contract_published"))
                .post("/webhooks/execute")
                .then()
                .statusCode(200)
                .body("success", equalTo(false))
                .body("logs", containsString("Webhook execution failed"))
                .body("_links", not(org.hamcrest.Matchers.hasKey("webhook")))
                .body("_links.'try-again'.href", equalTo(baseUrl() + "/webhooks/execute"));
        given().contentType("application/json")
                .body("{\"request\": {}}")
                .post("/webhooks/execute")
                .then()
                .statusCode(400)
                .body("errors.request", contains("must be filled"));

        assertThat(database.count("webhooks")).isZero();
    }

    @Test
    void shouldNotShowTheWebhookOfAnotherPairInTheStatus() {
        world.pacticipant("Foo");
        world.pacticipant("Bar");
        Map<String, String> before = database.fingerprint();

        given().get("/pacts/provider/Bar/consumer/Foo/webhooks/status").then().statusCode(200);

        assertThat(database.fingerprint()).isEqualTo(before);
    }
}
