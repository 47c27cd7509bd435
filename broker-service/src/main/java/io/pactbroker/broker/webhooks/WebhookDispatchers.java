package io.pactbroker.broker.webhooks;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Starts this instance's {@link WebhookDispatcher} with the broker (unless {@code
 * PACT_BROKER_WEBHOOK_DISPATCHER_ENABLED=false}) and stops it with the broker. Webhooks triggered while no dispatcher
 * ran, or whose dispatcher died mid-attempt, are delivered when one runs again.
 */
@ApplicationScoped
public class WebhookDispatchers {

    @Inject
    WebhookDelivery delivery;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WebhookConfig config;

    private WebhookDispatcher dispatcher;

    void onStart(@Observes StartupEvent event) {
        if (config.webhookDispatcherEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts this instance's dispatcher (when it is not running). */
    public synchronized void start() {
        if (dispatcher == null) {
            dispatcher = create();
            dispatcher.start();
        }
    }

    /** Stops this instance's dispatcher; triggered webhooks wait in the outbox until one runs again. */
    public synchronized void stop() {
        if (dispatcher != null) {
            dispatcher.close();
            dispatcher = null;
        }
    }

    public synchronized boolean running() {
        return dispatcher != null && dispatcher.isRunning();
    }

    /** Another dispatcher on the same database, as another replica of the broker would run (for tests). */
    public WebhookDispatcher create() {
        return new WebhookDispatcher(
                delivery,
                dataSource,
                config.webhookDispatcherThreads(),
                Duration.ofSeconds(Math.max(1, config.webhookPollInterval())));
    }
}
