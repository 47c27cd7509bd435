package io.pactbroker.broker.verifications;

import io.pactbroker.broker.common.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;

/**
 * Verification results and the {@code latest_verification_id_for_pact_version_and_provider_version} read model, which
 * is written in the transaction that stores a verification and rebuilt for its content and provider version when one
 * is deleted.
 */
@ApplicationScoped
public class VerificationRepository {

    private static final String COLUMNS = "SELECT v.id, v.number, v.success, v.provider_id, p.name,"
            + " v.provider_version_id, pver.number AS provider_version_number, v.consumer_id, c.name,"
            + " v.pact_version_id, pv.sha, v.build_url, CAST(v.test_results AS text), v.execution_date, v.wip,"
            + " v.pact_pending, CAST(v.consumer_version_selector_hashes AS text), v.tag_names,"
            + " v.verified_by_implementation, v.verified_by_version, v.verified_by_client_implementation,"
            + " v.verified_by_client_version, v.verified_by_client_test_framework"
            + " FROM verifications v"
            + " JOIN pacticipants p ON p.id = v.provider_id"
            + " JOIN versions pver ON pver.id = v.provider_version_id"
            + " JOIN pacticipants c ON c.id = v.consumer_id"
            + " JOIN pact_versions pv ON pv.id = v.pact_version_id";

    @Inject
    EntityManager em;

    /** What a new verification is made of. */
    public record NewVerification(
            int number,
            boolean success,
            Long providerVersionId,
            Long providerId,
            Long consumerId,
            Long pactVersionId,
            String buildUrl,
            String testResults,
            boolean wip,
            Boolean pactPending,
            String consumerVersionSelectors,
            String tagNames,
            String verifiedByImplementation,
            String verifiedByVersion,
            String verifiedByClientImplementation,
            String verifiedByClientVersion,
            String verifiedByClientTestFramework) {}

    /** The next verification number (numbers are unique across the broker). */
    public int nextNumber() {
        return ((Number) em.createNativeQuery("SELECT nextval('verification_number_seq')")
                        .getSingleResult())
                .intValue();
    }

    /** Stores the verification and makes it the latest for its content and provider version; its id. */
    public Long insert(NewVerification n) {
        em.flush();
        Session session = em.unwrap(Session.class);
        Long id = session.doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO verifications (number, success,"
                    + " provider_version_id, provider_id, consumer_id, pact_version_id, build_url, test_results,"
                    + " wip, pact_pending, consumer_version_selector_hashes, tag_names, verified_by_implementation,"
                    + " verified_by_version, verified_by_client_implementation, verified_by_client_version,"
                    + " verified_by_client_test_framework, execution_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?,"
                    + " CAST(? AS jsonb), ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, now(), now()) RETURNING id")) {
                ps.setInt(1, n.number());
                ps.setBoolean(2, n.success());
                ps.setLong(3, n.providerVersionId());
                ps.setLong(4, n.providerId());
                ps.setLong(5, n.consumerId());
                ps.setLong(6, n.pactVersionId());
                ps.setString(7, n.buildUrl());
                ps.setString(8, n.testResults());
                ps.setBoolean(9, n.wip());
                if (n.pactPending() == null) {
                    ps.setNull(10, Types.BOOLEAN);
                } else {
                    ps.setBoolean(10, n.pactPending());
                }
                ps.setString(11, n.consumerVersionSelectors());
                ps.setString(12, n.tagNames());
                ps.setString(13, n.verifiedByImplementation());
                ps.setString(14, n.verifiedByVersion());
                ps.setString(15, n.verifiedByClientImplementation());
                ps.setString(16, n.verifiedByClientVersion());
                ps.setString(17, n.verifiedByClientTestFramework());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        markLatest(id);
        return id;
    }

    /**
     * Makes the verification the latest of its content and provider version in the read model, unless a newer one is
     * there already (two verifiers publishing at once: the newer row wins whatever the commit order).
     */
    void markLatest(Long verificationId) {
        em.createNativeQuery("INSERT INTO latest_verification_id_for_pact_version_and_provider_version"
                        + " (pact_version_id, provider_version_id, provider_id, consumer_id, verification_id, created_at)"
                        + " SELECT pact_version_id, provider_version_id, provider_id, consumer_id, id, created_at"
                        + " FROM verifications WHERE id = ?1"
                        + " ON CONFLICT (pact_version_id, provider_version_id) DO UPDATE"
                        + " SET verification_id = EXCLUDED.verification_id, created_at = EXCLUDED.created_at"
                        + " WHERE latest_verification_id_for_pact_version_and_provider_version.verification_id"
                        + " < EXCLUDED.verification_id")
                .setParameter(1, verificationId)
                .executeUpdate();
    }

    public void insertInteractionResults(Long verificationId, Long pactVersionId, List<InteractionResult> results) {
        if (results.isEmpty()) {
            return;
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO verification_interaction_results"
                    + " (verification_id, pact_version_id, position, interaction_id, description, provider_state,"
                    + " success, details) VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))")) {
                for (InteractionResult r : results) {
                    ps.setLong(1, verificationId);
                    ps.setLong(2, pactVersionId);
                    ps.setInt(3, r.position());
                    ps.setString(4, r.interactionId());
                    ps.setString(5, r.description());
                    ps.setString(6, r.providerState());
                    if (r.success() == null) {
                        ps.setNull(7, Types.BOOLEAN);
                    } else {
                        ps.setBoolean(7, r.success());
                    }
                    ps.setString(8, r.details());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    public List<InteractionResult> interactionResults(Long verificationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT position, interaction_id, description, provider_state,"
                        + " success, CAST(details AS text) FROM verification_interaction_results"
                        + " WHERE verification_id = ?1 ORDER BY position")
                .setParameter(1, verificationId)
                .getResultList();
        return rows.stream()
                .map(r -> new InteractionResult(
                        ((Number) r[0]).intValue(),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (Boolean) r[4],
                        (String) r[5]))
                .toList();
    }

    public Optional<Verification> findById(Long id) {
        return one(COLUMNS + " WHERE v.id = ?1", id);
    }

    public Optional<Verification> find(Long pactVersionId, int number) {
        return one(COLUMNS + " WHERE v.pact_version_id = ?1 AND v.number = ?2", pactVersionId, number);
    }

    /** The newest verification of the content, by any provider version. */
    public Optional<Verification> latestFor(Long pactVersionId) {
        return one(COLUMNS + " WHERE v.pact_version_id = ?1 ORDER BY v.id DESC LIMIT 1", pactVersionId);
    }

    /** The newest verification of the content by the provider version (the read model). */
    public Optional<Verification> latestFor(Long pactVersionId, Long providerVersionId) {
        return one(
                COLUMNS + " JOIN latest_verification_id_for_pact_version_and_provider_version lv"
                        + " ON lv.verification_id = v.id WHERE lv.pact_version_id = ?1 AND lv.provider_version_id = ?2",
                pactVersionId,
                providerVersionId);
    }

    /** The newest verification of each of the contents (those with one), in no particular order. */
    public List<Verification> latestForEach(Collection<Long> pactVersionIds) {
        if (pactVersionIds.isEmpty()) {
            return List.of();
        }
        return list(
                COLUMNS + " JOIN (SELECT ids.id AS pact_version_id, (SELECT v2.id FROM verifications v2"
                        + " WHERE v2.pact_version_id = ids.id ORDER BY v2.id DESC LIMIT 1) AS verification_id"
                        + " FROM unnest(CAST(?1 AS bigint[])) AS ids(id)) latest ON latest.verification_id = v.id",
                (Object) pactVersionIds.toArray(Long[]::new));
    }

    private static final String REF_COLUMNS = "SELECT v.id, v.pact_version_id, v.provider_version_id, pver.number,"
            + " pver.\"order\", v.number, v.success, v.execution_date, v.created_at, v.build_url";

    /**
     * The newest verification of each of the contents by each of the provider versions (by every provider version
     * when {@code providerVersionIds} is null), newest first: rows of the read model, found through its primary key
     * (content, provider version), so a content's older verifications are never read.
     */
    public List<VerificationRef> latestByProviderVersion(
            Collection<Long> pactVersionIds, Collection<Long> providerVersionIds) {
        return refs(
                REF_COLUMNS + " FROM latest_verification_id_for_pact_version_and_provider_version lv"
                        + " JOIN verifications v ON v.id = lv.verification_id"
                        + " JOIN versions pver ON pver.id = lv.provider_version_id WHERE lv.pact_version_id = ANY(?1)"
                        + (providerVersionIds == null ? "" : " AND lv.provider_version_id = ANY(?2)"),
                pactVersionIds,
                providerVersionIds);
    }

    /** Every verification of the contents (by the provider versions, when given), newest first. */
    public List<VerificationRef> allByProviderVersion(
            Collection<Long> pactVersionIds, Collection<Long> providerVersionIds) {
        return refs(
                REF_COLUMNS + " FROM verifications v JOIN versions pver ON pver.id = v.provider_version_id"
                        + " WHERE v.pact_version_id = ANY(?1)"
                        + (providerVersionIds == null ? "" : " AND v.provider_version_id = ANY(?2)"),
                pactVersionIds,
                providerVersionIds);
    }

    private List<VerificationRef> refs(
            String sql, Collection<Long> pactVersionIds, Collection<Long> providerVersionIds) {
        if (pactVersionIds.isEmpty() || (providerVersionIds != null && providerVersionIds.isEmpty())) {
            return List.of();
        }
        Query query =
                em.createNativeQuery(sql + " ORDER BY v.id DESC").setParameter(1, pactVersionIds.toArray(Long[]::new));
        if (providerVersionIds != null) {
            query.setParameter(2, providerVersionIds.toArray(Long[]::new));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(r -> new VerificationRef(
                        SqlValues.longValue(r[0]),
                        SqlValues.longValue(r[1]),
                        SqlValues.longValue(r[2]),
                        (String) r[3],
                        SqlValues.longValue(r[4]),
                        SqlValues.intValue(r[5]),
                        Boolean.TRUE.equals(r[6]),
                        SqlValues.time(r[7]),
                        SqlValues.time(r[8]),
                        (String) r[9]))
                .toList();
    }

    /** The test results of the verifications that have them, as JSON text, by verification id. */
    public Map<Long, String> testResults(Collection<Long> verificationIds) {
        Map<Long, String> result = new LinkedHashMap<>();
        if (verificationIds.isEmpty()) {
            return result;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, CAST(test_results AS text) FROM verifications"
                        + " WHERE id = ANY(?1) AND test_results IS NOT NULL")
                .setParameter(1, verificationIds.toArray(Long[]::new))
                .getResultList();
        rows.forEach(r -> result.put(SqlValues.longValue(r[0]), (String) r[1]));
        return result;
    }

    /**
     * The newest verification of any of the pair's pacts: of consumer versions with the tag (or without tags, when
     * {@code untagged}; or any), by provider versions with the provider tag (or any). What a pact badge shows.
     */
    public Optional<Verification> latestBetween(
            Long consumerId, Long providerId, String consumerTag, boolean untagged, String providerTag) {
        List<Object> params = new ArrayList<>(List.of(consumerId, providerId));
        StringBuilder where = new StringBuilder(" WHERE v.consumer_id = ?1 AND v.provider_id = ?2");
        if (consumerTag != null || untagged) {
            where.append(" AND v.pact_version_id IN (SELECT lpp.pact_version_id FROM"
                    + " latest_pact_publication_ids_for_consumer_versions lpp WHERE lpp.consumer_id = ?1"
                    + " AND lpp.provider_id = ?2 AND ");
            if (consumerTag != null) {
                params.add(consumerTag);
                where.append("EXISTS (SELECT 1 FROM tags t WHERE t.version_id = lpp.consumer_version_id AND t.name = ?")
                        .append(params.size())
                        .append("))");
            } else {
                where.append("NOT EXISTS (SELECT 1 FROM tags t WHERE t.version_id = lpp.consumer_version_id))");
            }
        }
        if (providerTag != null) {
            params.add(providerTag);
            where.append(" AND EXISTS (SELECT 1 FROM tags t WHERE t.version_id = v.provider_version_id AND t.name = ?")
                    .append(params.size())
                    .append(")");
        }
        return one(COLUMNS + where + " ORDER BY v.id DESC LIMIT 1", params.toArray());
    }

    public void delete(Verification verification) {
        em.flush();
        em.createNativeQuery("DELETE FROM verifications WHERE id = ?1")
                .setParameter(1, verification.id())
                .executeUpdate();
        // the read model row went with it (cascade): the newest remaining verification takes its place
        em.createNativeQuery("INSERT INTO latest_verification_id_for_pact_version_and_provider_version"
                        + " (pact_version_id, provider_version_id, provider_id, consumer_id, verification_id, created_at)"
                        + " SELECT pact_version_id, provider_version_id, provider_id, consumer_id, id, created_at"
                        + " FROM verifications WHERE pact_version_id = ?1 AND provider_version_id = ?2"
                        + " ORDER BY id DESC LIMIT 1 ON CONFLICT (pact_version_id, provider_version_id) DO NOTHING")
                .setParameter(1, verification.pactVersionId())
                .setParameter(2, verification.providerVersionId())
                .executeUpdate();
    }

    /**
     * Which of the contents the provider has verified successfully in the scope: by a provider version on the branch
     * (or with the tag), or by one on another branch (with another tag) before the branch (tag) was first used; for
     * {@link ProviderScope#any()}, by any provider version.
     *
     * @param countWip whether verifications of the content as a work-in-progress pact count
     */
    public Set<Long> verifiedSuccessfully(
            Collection<Long> pactVersionIds, Long providerId, ProviderScope scope, boolean countWip) {
        if (pactVersionIds.isEmpty()) {
            return Set.of();
        }
        // Each question is a scalar subquery with LIMIT 1, which PostgreSQL runs per content through the index on
        // successful verifications and stops at the first match; an EXISTS could be turned into a hash of every
        // successful verification of the provider, which reads history.
        String successful = " v.pact_version_id = pv.id AND v.success" + (countWip ? "" : " AND NOT v.wip");
        Query query;
        if (scope.branch() != null) {
            query = em.createNativeQuery("SELECT pv.id FROM pact_versions pv"
                            + " LEFT JOIN branches b ON b.pacticipant_id = ?2 AND b.name = ?3"
                            + " WHERE pv.id = ANY(?1) AND ((SELECT 1 FROM verifications v"
                            + " JOIN branch_versions bv ON bv.version_id = v.provider_version_id AND bv.branch_name = ?3"
                            + " WHERE" + successful + " LIMIT 1) IS NOT NULL OR (SELECT 1 FROM verifications v"
                            + " JOIN branch_versions bv ON bv.version_id = v.provider_version_id"
                            + " AND bv.branch_name <> ?3 WHERE" + successful
                            + " AND (b.created_at IS NULL OR v.created_at < b.created_at) LIMIT 1) IS NOT NULL)")
                    .setParameter(2, providerId)
                    .setParameter(3, scope.branch());
        } else if (scope.tag() != null) {
            query = em.createNativeQuery("SELECT pv.id FROM pact_versions pv"
                            + " CROSS JOIN (SELECT min(created_at) AS first_used FROM tags"
                            + " WHERE pacticipant_id = ?2 AND name = ?3) ft"
                            + " WHERE pv.id = ANY(?1) AND ((SELECT 1 FROM verifications v"
                            + " JOIN tags t ON t.version_id = v.provider_version_id AND t.name = ?3"
                            + " WHERE" + successful + " LIMIT 1) IS NOT NULL OR (SELECT 1 FROM verifications v"
                            + " JOIN tags t ON t.version_id = v.provider_version_id AND t.name <> ?3"
                            + " WHERE" + successful
                            + " AND (ft.first_used IS NULL OR v.created_at < ft.first_used) LIMIT 1) IS NOT NULL)")
                    .setParameter(2, providerId)
                    .setParameter(3, scope.tag());
        } else {
            query = em.createNativeQuery("SELECT pv.id FROM pact_versions pv WHERE pv.id = ANY(?1)"
                    + " AND (SELECT 1 FROM verifications v WHERE" + successful + " LIMIT 1) IS NOT NULL");
        }
        query.setParameter(1, pactVersionIds.toArray(Long[]::new));
        @SuppressWarnings("unchecked")
        List<Number> ids = query.getResultList();
        Set<Long> result = new HashSet<>();
        ids.forEach(i -> result.add(i.longValue()));
        return result;
    }

    public boolean anyBetween(Long consumerId, Long providerId) {
        return !em.createNativeQuery("SELECT 1 FROM verifications WHERE consumer_id = ?1 AND provider_id = ?2 LIMIT 1")
                .setParameter(1, consumerId)
                .setParameter(2, providerId)
                .getResultList()
                .isEmpty();
    }

    private Optional<Verification> one(String sql, Object... params) {
        return list(sql, params).stream().findFirst();
    }

    private List<Verification> list(String sql, Object... params) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Verification> result = new ArrayList<>();
        for (Object[] r : rows) {
            result.add(new Verification(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).intValue(),
                    (Boolean) r[2],
                    ((Number) r[3]).longValue(),
                    (String) r[4],
                    ((Number) r[5]).longValue(),
                    (String) r[6],
                    ((Number) r[7]).longValue(),
                    (String) r[8],
                    ((Number) r[9]).longValue(),
                    (String) r[10],
                    (String) r[11],
                    (String) r[12],
                    time(r[13]),
                    (Boolean) r[14],
                    (Boolean) r[15],
                    (String) r[16],
                    (String) r[17],
                    (String) r[18],
                    (String) r[19],
                    (String) r[20],
                    (String) r[21],
                    (String) r[22]));
        }
        return result;
    }

    static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
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
