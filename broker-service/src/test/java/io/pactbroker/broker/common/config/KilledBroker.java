package io.pactbroker.broker.common.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * The part of a broker that matters here, run as a process of its own: it starts the embedded PostgreSQL in the
 * folder given as its argument, stores a row, says so on standard output, and waits to be killed.
 */
public final class KilledBroker {

    private KilledBroker() {}

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedDatabase.start(Path.of(args[0]));
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS survivors (name text)");
            statement.execute("INSERT INTO survivors VALUES ('" + args[1] + "')");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
