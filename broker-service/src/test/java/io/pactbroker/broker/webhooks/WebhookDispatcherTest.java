package io.pactbroker.broker.webhooks;

import static io.pactbroker.broker.webhooks.Calls.createWebhook;
import static io.pactbroker.broker.webhooks.Calls.webhookJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactbroker.broker.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox and its dispatchers, at the service level: triggered webhooks wait in the database for a dispatcher, a
 * dead dispatcher's claims are taken over when their lease ends, and dispatchers of several replicas on one database
 * deliver each webhook once.
 */
@QuarkusTest
class WebhookDispatcherTest extends ApiTest {

    @Inject
    WebhookDispatchers dispatchers;

    @Inject
    WebhookDelivery delivery;

    private WebhookReceiver receiver;
    private final List<WebhookDispatcher> replicas = new ArrayList<>();

    @BeforeEach
    void setUp() {
        receiver = new WebhookReceiver();
        // this broker's own dispatcher is "down" until a test starts it
        dispatchers.stop();
    }

    @AfterEach
    void tearDown() {
        replicas.forEach(WebhookDispatcher::close);
        dispatchers.start();
        receiver.close();
    }

    private void hook(String body) {
        createWebhook("/webhooks", webhookJson(receiver.url("/hook"), body, null, "contract_published"));
    }

    private long count(String where) {
        return Long.parseLong(database.single("SELECT count(*) FROM triggered_webhooks WHERE " + where));
    }

    private void awaitAll(String status, long expected) {
        WebhookReceiver.Eventually.until(
                () -> count("status = '" + status + "'") == expected,
                Duration.ofSeconds(30),
                () -> database.single(
                        "SELECT string_agg(status || ' ' || attempts_made, ', ') FROM triggered_webhooks"));
    }

    @Test
    void shouldDeliverWhatWaitedInTheOutboxWhenADispatcherStartsAgain() {
        hook(null);
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.consumer("Foo").version("2").publishesPactWith("Bar");

        assertThat(count("status = 'not_run' AND next_attempt_at IS NOT NULL")).isEqualTo(2);
        assertThat(receiver.received()).isEmpty();

        dispatchers.start();

        receiver.awaitRequests(2);
        awaitAll("success", 2);
        assertThat(database.count("webhook_executions")).isEqualTo(2);
    }

    @Test
    void shouldTakeOverTheClaimOfADispatcherThatDied() {
        hook(null);
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.consumer("Foo").version("2").publishesPactWith("Bar");
        // one claim's lease has ended, the other's ends in a moment: their dispatcher died mid-call
        database.execute("UPDATE triggered_webhooks SET lease_owner = 'dead', lease_token = 'x',"
                + " leased_until = clock_timestamp() - interval '1 second' WHERE id = (SELECT min(id) FROM"
                + " triggered_webhooks)");
        database.execute("UPDATE triggered_webhooks SET lease_owner = 'dead', lease_token = 'y',"
                + " leased_until = clock_timestamp() + interval '2 seconds' WHERE id = (SELECT max(id) FROM"
                + " triggered_webhooks)");

        dispatchers.start();

        receiver.awaitRequests(2);
        awaitAll("success", 2);
    }

    @Test
    void shouldDeliverEachWebhookOnceWithSeveralReplicas() {
        hook("{\"v\": \"${pactbroker.consumerVersionNumber}\"}");
        for (int i = 1; i <= 12; i++) {
            world.consumer("Foo").version(String.valueOf(i)).publishesPactWith("Bar");
        }

        for (int i = 0; i < 3; i++) {
            WebhookDispatcher replica = dispatchers.create();
            replicas.add(replica);
        }
        replicas.forEach(WebhookDispatcher::start);

        awaitAll("success", 12);
        assertThat(receiver.received()).hasSize(12);
        assertThat(receiver.received().stream()
                        .map(WebhookReceiver.Received::body)
                        .distinct())
                .hasSize(12);
        assertThat(database.count("webhook_executions")).isEqualTo(12);
    }

    @Test
    void shouldFailWithoutARequestWhenTheWebhookWasDeletedOrDisabledMeanwhile() {
        String deleted =
                createWebhook("/webhooks", webhookJson(receiver.url("/deleted"), null, null, "contract_published"));
        String disabled =
                createWebhook("/webhooks", webhookJson(receiver.url("/disabled"), null, null, "contract_published"));
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        io.restassured.RestAssured.given()
                .delete("/webhooks/{uuid}", deleted)
                .then()
                .statusCode(204);
        io.restassured.RestAssured.given()
                .contentType("application/json")
                .body(webhookJson(receiver.url("/disabled"), null, null, "contract_published")
                        .replace("{\"description\"", "{\"enabled\": false, \"description\""))
                .put("/webhooks/{uuid}", disabled)
                .then()
                .statusCode(200);

        dispatchers.start();

        awaitAll("failure", 2);
        assertThat(receiver.received()).isEmpty();
        assertThat(database.single("SELECT string_agg(logs, '') FROM webhook_executions"))
                .contains("Webhook with uuid " + deleted + " cannot be executed as it has been deleted")
                .contains("Webhook with uuid " + disabled + " is disabled");
    }

    @Test
    void shouldNotRecordAnAttemptWhoseClaimWasLost() {
        hook(null);
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        List<TriggeredWebhookRepository.Claim> first = delivery.claim("replica-a", 10);
        assertThat(first).hasSize(1);
        assertThat(delivery.claim("replica-b", 10))
                .as("a claimed row is not claimed again")
                .isEmpty();
        // replica a stalls past its lease, and replica b takes the row over
        database.execute("UPDATE triggered_webhooks SET leased_until = clock_timestamp() - interval '1 second'");
        List<TriggeredWebhookRepository.Claim> second = delivery.claim("replica-b", 10);
        assertThat(second).hasSize(1);

        assertThat(delivery.deliver(first.get(0))).isEqualTo(WebhookDelivery.Outcome.LOST);
        assertThat(delivery.deliver(second.get(0))).isEqualTo(WebhookDelivery.Outcome.SUCCESS);

        assertThat(database.count("webhook_executions")).isEqualTo(1);
        assertThat(count("status = 'success' AND attempts_made = 1 AND lease_token IS NULL"))
                .isEqualTo(1);
    }

    @Test
    void shouldWaitWithoutQueryingWhileNothingIsDue() {
        WebhookDispatcher idle = dispatchers.create();
        replicas.add(idle);

        // nothing waits: the dispatcher sleeps until notified, or for the whole poll interval
        assertThat(idle.dispatchOnce())
                .isGreaterThanOrEqualTo(Duration.ofSeconds(5).toMillis());

        idle.start();
        WebhookReceiver.Eventually.until(idle::isListening, Duration.ofSeconds(10), () -> "not listening");
        hook(null);
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        // the NOTIFY of the publishing transaction wakes it at once; the poll interval is 30 seconds
        receiver.awaitRequests(1);
        awaitAll("success", 1);
    }

    @Test
    void shouldWaitUntilTheNextRetryIsDue() {
        hook(null);
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        database.execute("UPDATE triggered_webhooks SET status = 'retrying', attempts_made = 1,"
                + " next_attempt_at = clock_timestamp() + interval '3 seconds'");
        WebhookDispatcher waiting = dispatchers.create();
        replicas.add(waiting);

        long wait = waiting.dispatchOnce();

        assertThat(wait).isBetween(1000L, 3100L);
        assertThat(receiver.received()).isEmpty();
    }
}
