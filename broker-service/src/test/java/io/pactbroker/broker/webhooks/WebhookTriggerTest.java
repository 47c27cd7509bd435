package io.pactbroker.broker.webhooks;

import static io.pactbroker.broker.webhooks.Calls.createWebhook;
import static io.pactbroker.broker.webhooks.Calls.publish;
import static io.pactbroker.broker.webhooks.Calls.verify;
import static io.pactbroker.broker.webhooks.Calls.verifyAt;
import static io.pactbroker.broker.webhooks.Calls.webhookJson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactbroker.broker.pacts.PactMetadata;
import io.pactbroker.broker.support.PactJson;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which events fire when, and which webhooks they trigger: the triggered webhooks written with the publication, and
 * the notices the publisher reads.
 */
@QuarkusTest
class WebhookTriggerTest extends WebhookApiTest {

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private String hook(String body, String scope, String... events) {
        return createWebhook("/webhooks", webhookJson(receiver.url("/hook"), body, scope, events));
    }

    private static List<String> triggeredEvents(String consumer, String version) {
        return given().get("/pacts/provider/Bar/consumer/{c}/version/{v}/triggered-webhooks", consumer, version)
                .then()
                .statusCode(200)
                .extract()
                .path("_embedded.triggeredWebhooks.eventName");
    }

    @Test
    void shouldTriggerContentChangedForTheFirstPublication() {
        hook(null, null, "contract_content_changed");

        publish("Foo", "1", "main", List.of(), "get order")
                .body(
                        "notices.text",
                        hasItem("  Events detected: contract_published, contract_content_changed (first time untagged"
                                + " pact published)"))
                .body(
                        "notices.text",
                        hasItem(matchesPattern("(?s)  Webhook \"a webhook\" triggered for event"
                                + " contract_content_changed\\.\\n    View logs at " + baseUrl()
                                + "/triggered-webhooks/[0-9a-f-]{36}/logs")))
                .body("notices.text", not(hasItem(containsString("Configure separate"))));

        given().get("/pacts/provider/Bar/consumer/Foo/version/1/triggered-webhooks")
                .then()
                .statusCode(200)
                .body(
                        "_links.self.title",
                        equalTo("Webhooks triggered by the publication of the pact between Foo (1) and Bar"))
                .body("_embedded.triggeredWebhooks[0].eventName", equalTo("contract_content_changed"))
                .body("_embedded.triggeredWebhooks[0].triggerType", equalTo("resource_creation"))
                .body("_embedded.triggeredWebhooks[0].name", equalTo("POST localhost"))
                .body("_embedded.triggeredWebhooks[0]._links.'pb:logs'.title", equalTo("Webhook execution logs"))
                .body("_embedded.triggeredWebhooks[0]._links.'pb:webhook'.title", equalTo("Webhook"));
    }

    @Test
    void shouldFireContractPublishedForEveryPublicationButContentChangedOnlyForNewContent() {
        hook(null, null, "contract_published", "contract_content_changed");
        publish("Foo", "1", "main", List.of(), "get order");

        publish("Foo", "2", "main", List.of(), "get order")
                .body(
                        "notices.text",
                        hasItem("  Events detected: contract_published (pact content is the same as the previous"
                                + " untagged version)"));
        publish("Foo", "3", "main", List.of(), "get invoice")
                .body(
                        "notices.text",
                        hasItem("  Events detected: contract_published, contract_content_changed (pact content has"
                                + " changed since previous untagged version)"));

        assertThat(triggeredEvents("Foo", "1"))
                .containsExactlyInAnyOrder("contract_published", "contract_content_changed");
        assertThat(triggeredEvents("Foo", "2")).containsExactly("contract_published");
        assertThat(triggeredEvents("Foo", "3"))
                .containsExactlyInAnyOrder("contract_published", "contract_content_changed");
    }

    @Test
    void shouldCompareWithThePreviousVersionOfEachTag() {
        hook(null, null, "contract_content_changed");
        publish("Foo", "1", null, List.of("dev"), "get order");

        publish("Foo", "2", null, List.of("dev", "prod"), "get order")
                .body(
                        "notices.text",
                        hasItem("  Events detected: contract_published, contract_content_changed (first time any pact"
                                + " published for this consumer with consumer version tagged prod)"));
        publish("Foo", "3", null, List.of("prod"), "get order")
                .body(
                        "notices.text",
                        hasItem("  Events detected: contract_published (pact content is the same as previous version"
                                + " with tag prod and no new tags were applied)"))
                .body("notices.text", hasItem("  No enabled webhooks found for the detected events"));
        publish("Foo", "4", null, List.of("dev"), "get invoice")
                .body(
                        "notices.text",
                        hasItem("  Events detected: contract_published, contract_content_changed (pact content has"
                                + " changed since the last consumer version tagged with dev)"));

        assertThat(triggeredEvents("Foo", "3")).isEmpty();
        assertThat(triggeredEvents("Foo", "4")).containsExactly("contract_content_changed");
    }

    @Test
    void shouldNotFireContentChangedWhenTheSameVersionRepublishesTheSameContent() {
        hook(null, null, "contract_published", "contract_content_changed");
        publish("Foo", "1", "main", List.of(), "get order");

        publish("Foo", "1", "main", List.of(), "get order")
                .body(
                        "notices.text",
                        hasItem("  Events detected: contract_published, contract_content_unchanged (pact content was"
                                + " unchanged)"));

        assertThat(triggeredEvents("Foo", "1"))
                .containsExactlyInAnyOrder("contract_published", "contract_content_changed", "contract_published");
    }

    @Test
    void shouldTriggerForPactsPublishedWithPut() {
        hook(null, null, "contract_content_changed");

        given().contentType("application/json")
                .body(PactJson.between("Foo", "Bar").interaction("get order").json())
                .put("/pacts/provider/Bar/consumer/Foo/version/1")
                .then()
                .statusCode(201);

        assertThat(triggeredEvents("Foo", "1")).containsExactly("contract_content_changed");
    }

    @Test
    void shouldTriggerOnlyTheWebhooksThatSelectThePact() {
        world.pacticipant("Foo");
        world.pacticipant("Bar");
        world.pacticipant("Other");
        given().put("/pacticipants/Foo/labels/team-a").then().statusCode(201);
        hook(null, "\"consumer\": {\"name\": \"Foo\"}", "contract_published");
        hook(null, "\"consumer\": {\"name\": \"Other\"}", "contract_published");
        hook(null, "\"consumer\": {\"label\": \"team-a\"}", "contract_published");
        hook(null, "\"provider\": {\"label\": \"team-a\"}", "contract_published");
        hook(null, "\"consumer\": {\"name\": \"Foo\"}, \"provider\": {\"name\": \"Bar\"}", "contract_published");
        hook(null, "\"consumer\": {\"name\": \"Foo\"}, \"provider\": {\"name\": \"Other\"}", "contract_published");
        String disabled = hook(null, null, "contract_published");
        given().contentType("application/json")
                .body(webhookJson(receiver.url("/hook"), null, null, "contract_published")
                        .replace("{\"description\"", "{\"enabled\": false, \"description\""))
                .put("/webhooks/{uuid}", disabled)
                .then()
                .statusCode(200);

        publish("Foo", "1", "main", List.of(), "get order");

        assertThat(database.count("triggered_webhooks")).isEqualTo(3);
        assertThat(database.single("SELECT count(DISTINCT webhook_id) FROM triggered_webhooks"))
                .isEqualTo("3");
    }

    @Test
    void shouldFireVerificationEventsByOutcome() {
        hook(null, null, "provider_verification_published", "provider_verification_succeeded");
        hook(null, null, "provider_verification_failed");
        publish("Foo", "1", "main", List.of(), "get order");
        publish("Foo", "2", "main", List.of(), "get invoice");

        String succeeded = verify("/pacts/provider/Bar/consumer/Foo/version/1", "10", true)
                .extract()
                .path("_links.'pb:triggered-webhooks'.href");
        String failed = verify("/pacts/provider/Bar/consumer/Foo/version/2", "10", false)
                .extract()
                .path("_links.'pb:triggered-webhooks'.href");

        given().urlEncodingEnabled(false)
                .get(succeeded)
                .then()
                .statusCode(200)
                .body("_links.self.title", startsWith("Webhooks triggered by the publication of verification result "))
                .body("_links.self.href", equalTo(succeeded))
                .body(
                        "_embedded.triggeredWebhooks.eventName",
                        containsInAnyOrder("provider_verification_published", "provider_verification_succeeded"));
        given().urlEncodingEnabled(false)
                .get(failed)
                .then()
                .body(
                        "_embedded.triggeredWebhooks.eventName",
                        containsInAnyOrder("provider_verification_published", "provider_verification_failed"));
        given().urlEncodingEnabled(false)
                .get(failed.replaceAll("/verification-results/\\d+/", "/verification-results/999999/"))
                .then()
                .statusCode(404);
    }

    @Test
    void shouldTriggerOncePerConsumerVersionThatSelectedTheVerifiedContent() throws Exception {
        hook(
                "{\"v\": \"${pactbroker.consumerVersionNumber}\", \"t\": \"${pactbroker.consumerVersionTags}\"}",
                null,
                "provider_verification_published");
        publish("Foo", "1", "main", List.of(), "get order");
        publish("Foo", "2", "feat", List.of(), "get order");
        long v1 = Long.parseLong(database.single("SELECT id FROM versions WHERE number = '1'"));
        long v2 = Long.parseLong(database.single("SELECT id FROM versions WHERE number = '2'"));
        String sha = given().get("/pacts/provider/Bar/consumer/Foo/version/1")
                .then()
                .extract()
                .path("_links.'pb:pact-version'.name");
        // cv first in each selector, as the broker writes them, so a reader starts a new selector at each cv
        Map<String, Object> first = new java.util.LinkedHashMap<>();
        first.put("cv", v1);
        first.put("b", "main");
        Map<String, Object> second = new java.util.LinkedHashMap<>();
        second.put("cv", v2);
        second.put("t", "beta");
        String metadata = PactMetadata.encode(Map.of("s", List.of(first, second)));

        verifyAt(
                baseUrl() + "/pacts/provider/Bar/consumer/Foo/pact-version/" + sha + "/metadata/" + metadata
                        + "/verification-results",
                "10",
                true);

        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> bodies = receiver.awaitRequests(2).stream()
                .map(r -> read(mapper, r.body()))
                .toList();
        assertThat(bodies.stream()
                        .map(b -> b.get("v").asText() + "/" + b.get("t").asText()))
                .containsExactlyInAnyOrder("1/", "2/beta");
    }

    private static JsonNode read(ObjectMapper mapper, String body) {
        try {
            return mapper.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }

    @Test
    void shouldTriggerOncePerProviderVersionThatShouldVerifyNewContent() throws Exception {
        world.provider("Bar").withMainBranch("main");
        world.provider("Bar").version("9").deployedTo("production");
        world.provider("Bar").version("10").onBranch("main");
        hook(
                "{\"v\": \"${pactbroker.providerVersionNumber}\", \"b\": \"${pactbroker.providerVersionBranch}\","
                        + " \"d\": \"${pactbroker.providerVersionDescriptions}\"}",
                null,
                "contract_requiring_verification_published");

        publish("Foo", "1", "main", List.of(), "get order")
                .body(
                        "notices.text",
                        hasItem("  Events detected: contract_published, contract_requiring_verification_published,"
                                + " contract_content_changed (first time untagged pact published)"));

        ObjectMapper mapper = new ObjectMapper();
        List<String> sent = receiver.awaitRequests(2).stream()
                .map(r -> read(mapper, r.body()))
                .map(b -> b.get("v").asText() + "|" + b.get("b").asText() + "|"
                        + b.get("d").asText())
                .toList();
        assertThat(sent).containsExactlyInAnyOrder("10|main|latest from main branch", "9||deployed in production");

        verify("/pacts/provider/Bar/consumer/Foo/version/1", "10", true);
        publish("Foo", "2", "main", List.of(), "get order")
                .body(
                        "notices.text",
                        hasItem(containsString("triggered for event contract_requiring_verification_published")));
        assertThat(triggeredEvents("Foo", "2")).containsExactly("contract_requiring_verification_published");
        assertThat(database.single("SELECT event_context->>'provider_version_number' FROM triggered_webhooks"
                        + " ORDER BY id DESC LIMIT 1"))
                .isEqualTo("9");
    }

    @Test
    void shouldWriteNothingWhenThePublicationIsRefused() {
        hook(null, null, "contract_published", "contract_content_changed");
        publish("Foo", "1", "main", List.of(), "get order");
        receiver.awaitRequests(2);
        awaitDeliveriesRecorded();
        Map<String, String> before = database.fingerprint();

        given().contentType("application/json")
                .body(PactJson.between("Foo", "Bar").interaction("get invoice").json())
                .put("/pacts/provider/Bar/consumer/Foo/version/1")
                .then()
                .statusCode(409);

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    /** Waits until the deliveries under way are recorded, so that the database stands still. */
    private void awaitDeliveriesRecorded() {
        WebhookReceiver.Eventually.until(
                () -> database.count("triggered_webhooks")
                        == Long.parseLong(database.single(
                                "SELECT count(*) FROM triggered_webhooks WHERE next_attempt_at IS NULL")),
                java.time.Duration.ofSeconds(20),
                () -> "triggered webhooks still pending");
    }

    @Test
    void shouldPromptForAWebhookWhenNoneApplies() {
        publish("Foo", "1", "main", List.of(), "get order")
                .body(
                        "notices.text",
                        hasItem(org.hamcrest.Matchers.containsString(
                                "Configure separate Bar pact" + " verification build and webhook")))
                .body("notices.text", not(hasItem("  No enabled webhooks found for the detected events")));

        given().get("/pacts/provider/Bar/consumer/Foo/version/1/triggered-webhooks")
                .then()
                .body("_embedded.triggeredWebhooks", empty());
    }

    @Test
    void shouldAnswer404ForTriggeredWebhooksOfAPactThatDoesNotExist() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");

        given().get("/pacts/provider/Bar/consumer/Foo/version/2/triggered-webhooks")
                .then()
                .statusCode(404);
        given().get("/pacts/provider/Bar/consumer/Nobody/version/1/triggered-webhooks")
                .then()
                .statusCode(404)
                .body("error", equalTo("No consumer with name 'Nobody' found"));
        given().get("/triggered-webhooks/{uuid}/logs", "nope").then().statusCode(404);
    }
}
