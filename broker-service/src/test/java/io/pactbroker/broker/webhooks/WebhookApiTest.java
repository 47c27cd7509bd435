package io.pactbroker.broker.webhooks;

import io.pactbroker.broker.support.ApiTest;
import io.quarkus.arc.Arc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * An API test whose webhooks are delivered by the broker's dispatcher during the test only: it is stopped after each
 * test (letting attempts under way finish) so no delivery of one test reaches into the next.
 */
abstract class WebhookApiTest extends ApiTest {

    @BeforeEach
    void startDispatcher() {
        dispatchers().start();
    }

    @AfterEach
    void stopDispatcher() {
        dispatchers().stop();
    }

    @AfterAll
    static void leaveDispatcherRunning() {
        dispatchers().start();
    }

    static WebhookDispatchers dispatchers() {
        return Arc.container().instance(WebhookDispatchers.class).get();
    }
}
