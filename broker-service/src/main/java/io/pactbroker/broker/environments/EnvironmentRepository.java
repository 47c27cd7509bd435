package io.pactbroker.broker.environments;

import static io.pactbroker.broker.common.sql.SqlValues.bind;
import static io.pactbroker.broker.common.sql.SqlValues.rows;

import io.pactbroker.broker.common.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Environments, in plain SQL (the contacts are jsonb). */
@ApplicationScoped
public class EnvironmentRepository {

    private static final String COLUMNS =
            "id, uuid, name, display_name, production, contacts::text, created_at, updated_at";

    @Inject
    EntityManager em;

    public Optional<Environment> findByUuid(String uuid) {
        return one("WHERE uuid = ?1", uuid);
    }

    public Optional<Environment> findByName(String name) {
        return one("WHERE name = ?1", name);
    }

    public List<Environment> findByIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return list("WHERE id = ANY(?1)", List.of((Object) SqlValues.ids(ids)));
    }

    /** Every environment, by display name as the Pact Broker lists them. */
    public List<Environment> all() {
        return list("", List.of());
    }

    /** Inserts the environment unless its uuid or name is taken (also concurrently); true when inserted. */
    public boolean insertIfAbsent(String uuid, String name, String displayName, boolean production, String contacts) {
        em.flush();
        return bind(
                                em.createNativeQuery(
                                        "INSERT INTO environments (uuid, name, display_name, production,"
                                                + " contacts) VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb)) ON CONFLICT DO NOTHING"),
                                java.util.Arrays.asList(uuid, name, displayName, production, contacts))
                        .executeUpdate()
                > 0;
    }

    public void update(String uuid, String name, String displayName, boolean production, String contacts) {
        em.flush();
        bind(
                        em.createNativeQuery("UPDATE environments SET name = ?2, display_name = ?3, production = ?4,"
                                + " contacts = CAST(?5 AS jsonb), updated_at = now() WHERE uuid = ?1"),
                        java.util.Arrays.asList(uuid, name, displayName, production, contacts))
                .executeUpdate();
    }

    /** Deletes the environment; its deployments and releases go with it (foreign keys cascade). */
    public void delete(String uuid) {
        em.flush();
        em.createNativeQuery("DELETE FROM environments WHERE uuid = ?1")
                .setParameter(1, uuid)
                .executeUpdate();
    }

    private Optional<Environment> one(String where, String value) {
        return list(where, List.of(value)).stream().findFirst();
    }

    private List<Environment> list(String where, List<?> params) {
        return rows(bind(
                        em.createNativeQuery("SELECT " + COLUMNS + " FROM environments " + where
                                + " ORDER BY lower(coalesce(display_name, name)), id"),
                        params))
                .stream()
                .map(EnvironmentRepository::environment)
                .toList();
    }

    static Environment environment(Object[] r) {
        return new Environment(
                SqlValues.longValue(r[0]),
                (String) r[1],
                (String) r[2],
                (String) r[3],
                Boolean.TRUE.equals(r[4]),
                (String) r[5],
                SqlValues.time(r[6]),
                SqlValues.time(r[7]));
    }
}
