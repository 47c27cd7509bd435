package io.pactbroker.broker.pacts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pact contents, publications and the {@code latest_pact_publication_ids_for_consumer_versions} read model. Reads go
 * through the read model, so "latest" questions are answered by index lookups, never by scanning revisions.
 */
@ApplicationScoped
public class PactRepository {

    private static final String COLUMNS = "pp.id, lpp.consumer_id, c.name AS consumer_name, lpp.provider_id,"
            + " p.name AS provider_name, lpp.consumer_version_id, v.number, lpp.consumer_version_order,"
            + " pp.revision_number, lpp.pact_version_id, pv.sha, pp.created_at";

    private static final String FROM = " FROM latest_pact_publication_ids_for_consumer_versions lpp"
            + " JOIN pact_publications pp ON pp.id = lpp.pact_publication_id"
            + " JOIN versions v ON v.id = lpp.consumer_version_id"
            + " JOIN pacticipants c ON c.id = lpp.consumer_id"
            + " JOIN pacticipants p ON p.id = lpp.provider_id"
            + " JOIN pact_versions pv ON pv.id = lpp.pact_version_id";

    @Inject
    EntityManager em;

    public Optional<PactVersion> findPactVersion(Long consumerId, Long providerId, String sha) {
        return PactVersion.find("consumerId = ?1 and providerId = ?2 and sha = ?3", consumerId, providerId, sha)
                .firstResultOptional();
    }

    public Optional<PactVersion> findPactVersion(Long id) {
        return Optional.ofNullable(PactVersion.findById(id));
    }

    /**
     * Stores the content unless the consumer and provider have content with that sha (also content stored
     * concurrently). True when this call stored it.
     */
    public boolean insertPactVersionIfAbsent(
            Long consumerId, Long providerId, String sha, String content, int interactions, int messages) {
        em.flush();
        return em.createNativeQuery("INSERT INTO pact_versions (consumer_id, provider_id, sha, content,"
                                + " interactions_count, messages_count) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                                + " ON CONFLICT (consumer_id, provider_id, sha) DO NOTHING")
                        .setParameter(1, consumerId)
                        .setParameter(2, providerId)
                        .setParameter(3, sha)
                        .setParameter(4, content)
                        .setParameter(5, interactions)
                        .setParameter(6, messages)
                        .executeUpdate()
                > 0;
    }

    public void persist(PactPublication publication) {
        publication.persistAndFlush();
    }

    /** The latest revision published by the consumer version for the provider. */
    public Optional<PactPublication> latestRevision(Long consumerVersionId, Long providerId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT pact_publication_id FROM"
                        + " latest_pact_publication_ids_for_consumer_versions"
                        + " WHERE consumer_version_id = ?1 AND provider_id = ?2")
                .setParameter(1, consumerVersionId)
                .setParameter(2, providerId)
                .getResultList();
        return ids.stream().findFirst().map(id -> PactPublication.findById(id.longValue()));
    }

    /** Makes the publication the latest revision for its consumer version and provider (read model). */
    public void markLatest(PactPublication p) {
        em.flush();
        em.createNativeQuery("INSERT INTO latest_pact_publication_ids_for_consumer_versions (consumer_version_id,"
                        + " provider_id, consumer_id, pact_publication_id, pact_version_id, consumer_version_order,"
                        + " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (consumer_version_id,"
                        + " provider_id) DO UPDATE SET pact_publication_id = EXCLUDED.pact_publication_id,"
                        + " pact_version_id = EXCLUDED.pact_version_id, created_at = EXCLUDED.created_at")
                .setParameter(1, p.consumerVersionId)
                .setParameter(2, p.providerId)
                .setParameter(3, p.consumerId)
                .setParameter(4, p.id)
                .setParameter(5, p.pactVersionId)
                .setParameter(6, p.consumerVersionOrder)
                .setParameter(7, p.createdAt)
                .executeUpdate();
    }

    /** Runs the query against the read model, newest consumer version first. */
    public List<PactRow> find(PactQuery q) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE true");
        if (q.providerId() != null) {
            params.add(q.providerId());
            where.append(" AND lpp.provider_id = ?").append(params.size());
        }
        if (q.consumerId() != null) {
            params.add(q.consumerId());
            where.append(" AND lpp.consumer_id = ?").append(params.size());
        }
        if (q.consumerVersionNumber() != null) {
            params.add(q.consumerVersionNumber());
            where.append(" AND v.number = ?").append(params.size());
        }
        if (q.tag() != null) {
            params.add(q.tag());
            where.append(" AND EXISTS (SELECT 1 FROM tags t WHERE t.version_id = lpp.consumer_version_id"
                            + " AND t.name = ?")
                    .append(params.size())
                    .append(")");
        }
        if (q.untagged()) {
            where.append(" AND NOT EXISTS (SELECT 1 FROM tags t WHERE t.version_id = lpp.consumer_version_id)");
        }
        if (q.branch() != null) {
            params.add(q.branch());
            where.append(" AND EXISTS (SELECT 1 FROM branch_versions bv WHERE bv.version_id = lpp.consumer_version_id"
                            + " AND bv.branch_name = ?")
                    .append(params.size())
                    .append(")");
        }
        if (q.mainBranch()) {
            where.append(" AND EXISTS (SELECT 1 FROM branch_versions bv WHERE bv.version_id = lpp.consumer_version_id"
                    + " AND bv.branch_name = c.main_branch)");
        }
        if (q.sha() != null) {
            params.add(q.sha());
            where.append(" AND pv.sha = ?").append(params.size());
        }
        if (q.beforeOrder() != null) {
            params.add(q.beforeOrder());
            where.append(" AND lpp.consumer_version_order < ?").append(params.size());
        }
        if (q.excludePactVersionId() != null) {
            params.add(q.excludePactVersionId());
            where.append(" AND lpp.pact_version_id <> ?").append(params.size());
        }
        String columns = COLUMNS + (q.withContent() ? ", pv.content" : ", NULL AS content");
        String from = FROM;
        String sql;
        if (q.latestPerConsumer()) {
            sql = "SELECT * FROM (SELECT DISTINCT ON (lpp.consumer_id, lpp.provider_id) " + columns + from + where
                    + " ORDER BY lpp.consumer_id, lpp.provider_id, lpp.consumer_version_order DESC) latest"
                    + " ORDER BY lower(consumer_name), lower(provider_name)";
        } else {
            sql = "SELECT " + columns + from + where + " ORDER BY lpp.consumer_version_order DESC";
        }
        if (q.limit() > 0) {
            sql += " LIMIT " + q.limit();
        }
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(PactRepository::row).toList();
    }

    /** The pacts published by the consumer versions (one per version and provider), without content. */
    public List<PactRow> publishedBy(List<Long> consumerVersionIds) {
        if (consumerVersionIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + ", NULL AS content" + FROM
                        + " WHERE lpp.consumer_version_id = ANY(?1) ORDER BY lower(p.name)")
                .setParameter(1, consumerVersionIds.toArray(Long[]::new))
                .getResultList();
        return rows.stream().map(PactRepository::row).toList();
    }

    public Optional<PactRow> findOne(PactQuery q) {
        return find(q.limit(1)).stream().findFirst();
    }

    /** Every revision ever published by the consumer version for the provider. */
    public List<PactPublication> revisions(Long consumerVersionId, Long providerId) {
        return PactPublication.list(
                "consumerVersionId = ?1 and providerId = ?2 order by revisionNumber", consumerVersionId, providerId);
    }

    /** Deletes every revision published by the consumer version for the provider. */
    public void deletePublications(Long consumerVersionId, Long providerId) {
        em.flush();
        em.createNativeQuery("DELETE FROM pact_publications WHERE consumer_version_id = ?1 AND provider_id = ?2")
                .setParameter(1, consumerVersionId)
                .setParameter(2, providerId)
                .executeUpdate();
        em.clear();
    }

    /** Deletes every publication and content between the consumer and provider (and so their verifications). */
    public void deleteAllBetween(Long consumerId, Long providerId) {
        em.flush();
        em.createNativeQuery("DELETE FROM pact_publications WHERE consumer_id = ?1 AND provider_id = ?2")
                .setParameter(1, consumerId)
                .setParameter(2, providerId)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM pact_versions WHERE consumer_id = ?1 AND provider_id = ?2")
                .setParameter(1, consumerId)
                .setParameter(2, providerId)
                .executeUpdate();
        em.clear();
    }

    public boolean anyPublicationsBetween(Long consumerId, Long providerId) {
        return PactPublication.count("consumerId = ?1 and providerId = ?2", consumerId, providerId) > 0;
    }

    /** Whether any pact with this content was published before (by any version of the consumer). */
    public boolean contentPublishedBefore(Long pactVersionId, Long exceptPublicationId) {
        return exists(
                "SELECT 1 FROM pact_publications WHERE pact_version_id = ?1 AND id <> ?2 LIMIT 1",
                pactVersionId,
                exceptPublicationId);
    }

    private boolean exists(String sql, Object... params) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return !query.getResultList().isEmpty();
    }

    private static PactRow row(Object[] r) {
        return new PactRow(
                ((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(),
                (String) r[2],
                ((Number) r[3]).longValue(),
                (String) r[4],
                ((Number) r[5]).longValue(),
                (String) r[6],
                ((Number) r[7]).longValue(),
                ((Number) r[8]).intValue(),
                ((Number) r[9]).longValue(),
                (String) r[10],
                time(r[11]),
                (String) r[12]);
    }

    static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        return null;
    }
}
