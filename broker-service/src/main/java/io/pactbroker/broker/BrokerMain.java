package io.pactbroker.broker;

import io.pactbroker.broker.common.config.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the broker. When no database is configured it first starts an embedded PostgreSQL that keeps its data in
 * {@code PACT_BROKER_DATA_DIR} (default {@code ./pact-broker-data}), so the broker runs with nothing but a JDK.
 */
@QuarkusMain
public final class BrokerMain {

    private BrokerMain() {}

    public static void main(String... args) {
        try (EmbeddedDatabase database = EmbeddedDatabase.startIfNeeded(System.getenv(), System.getProperties())) {
            Quarkus.run(args);
        }
    }
}
