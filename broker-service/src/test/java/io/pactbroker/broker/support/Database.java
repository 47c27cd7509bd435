package io.pactbroker.broker.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Direct access to the test database: emptying it between tests, and fingerprints to prove nothing changed. */
@ApplicationScoped
public class Database {

    /** Every table the broker writes, domain and read models. */
    public static final List<String> TABLES = List.of(
            "pacticipants",
            "labels",
            "versions",
            "branches",
            "branch_versions",
            "branch_heads",
            "tags",
            "pact_versions",
            "pact_publications",
            "verifications",
            "verification_interaction_results",
            "environments",
            "deployed_versions",
            "released_versions",
            "webhooks",
            "webhook_events",
            "triggered_webhooks",
            "webhook_executions",
            "integrations",
            "latest_pact_publication_ids_for_consumer_versions",
            "latest_verification_id_for_pact_version_and_provider_version",
            "currently_deployed_version_ids");

    /** The fingerprint of an empty database. */
    public static final Map<String, String> EMPTY = empty();

    @Inject
    AgroalDataSource dataSource;

    private static Map<String, String> empty() {
        Map<String, String> result = new LinkedHashMap<>();
        TABLES.forEach(t -> result.put(t, "0:"));
        return result;
    }

    /** Every sequence the broker draws numbers from outside identity columns. */
    public static final List<String> SEQUENCES = List.of("verification_number_seq");

    /**
     * Empties every table and restarts every sequence, so that numbers in a test do not depend on the tests before.
     * Background work (the webhook dispatcher recording an attempt) may hold row locks that make the truncation a
     * deadlock victim; it is tried again then.
     */
    public void clean() {
        for (int attempt = 1; ; attempt++) {
            try {
                execute("TRUNCATE " + String.join(", ", TABLES) + " RESTART IDENTITY CASCADE");
                break;
            } catch (IllegalStateException e) {
                boolean deadlock = e.getCause() instanceof SQLException sql && "40P01".equals(sql.getSQLState());
                if (!deadlock || attempt == 5) {
                    throw e;
                }
            }
        }
        SEQUENCES.forEach(sequence -> execute("ALTER SEQUENCE " + sequence + " RESTART"));
    }

    /** A fingerprint of every table's rows: equal fingerprints mean equal data. */
    public Map<String, String> fingerprint() {
        Map<String, String> result = new LinkedHashMap<>();
        for (String table : TABLES) {
            result.put(
                    table,
                    single("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)),"
                            + " '') FROM " + table + " t"));
        }
        return result;
    }

    public long count(String table) {
        return Long.parseLong(single("SELECT count(*) FROM " + table));
    }

    /** The first column of the first row of a query, as text. */
    public String single(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs a statement with parameters ({@code ?}), returning the first column of the first row when it has one. */
    public String update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            if (s.execute()) {
                try (ResultSet rs = s.getResultSet()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public void execute(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
