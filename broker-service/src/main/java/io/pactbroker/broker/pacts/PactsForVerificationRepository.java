package io.pactbroker.broker.pacts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The queries behind pacts for verification. Each selector is answered from the consumers of the provider (the
 * {@code integrations} table) through the small "latest" projections: branch heads, the newest version with a tag
 * (index on tags by pacticipant, name and order), and the latest publication of each consumer version
 * ({@code latest_pact_publication_ids_for_consumer_versions}); the live deployments and supported releases come from
 * the deployments feature ({@code DeploymentService.liveVersions}), and only their pacts are looked up here. No query reads a consumer's
 * version history: the cost grows with the number of consumers, branches and pacts selected, not with history.
 */
@ApplicationScoped
public class PactsForVerificationRepository {

    /** One selected pact with what the selection found out on the way. */
    public record Row(
            PactRow pact,
            String consumerMainBranch,
            String environmentName,
            Boolean environmentProduction,
            String target,
            String headKind,
            String headName) {}

    /** A consumer of the provider, and which default selector applies to it. */
    public record Consumer(String name, String mainBranch, boolean mainBranchHasVersion, boolean tagNamedMainBranch) {}

    private static final String COLUMNS = "pp.id, lpp.consumer_id, c.name AS consumer_name, lpp.provider_id,"
            + " p.name AS provider_name, lpp.consumer_version_id, v.number, lpp.consumer_version_order,"
            + " pp.revision_number, lpp.pact_version_id, pv.sha, pp.created_at, c.main_branch";

    private static final String JOINS = " JOIN pact_publications pp ON pp.id = lpp.pact_publication_id"
            + " JOIN versions v ON v.id = lpp.consumer_version_id"
            + " JOIN pacticipants c ON c.id = lpp.consumer_id"
            + " JOIN pacticipants p ON p.id = lpp.provider_id"
            + " JOIN pact_versions pv ON pv.id = lpp.pact_version_id";

    /**
     * The pact of each candidate consumer version {@code x.version_id}, looked up per candidate (a LATERAL join on
     * the read model's primary key and the primary keys of the rows it points at; the LIMIT, harmless on a primary
     * key, keeps PostgreSQL from flattening it into a hash join over the whole read model), so that the plan does
     * not depend on the planner's estimate of how many candidates there are.
     */
    private static final String PACT_OF_CANDIDATE = " CROSS JOIN LATERAL (SELECT " + COLUMNS
            + " FROM latest_pact_publication_ids_for_consumer_versions lpp" + JOINS
            + " WHERE lpp.consumer_version_id = x.version_id AND lpp.provider_id = :provider LIMIT 1) y";

    private static final String SELECTED = "y.id, y.consumer_id, y.consumer_name, y.provider_id, y.provider_name,"
            + " y.consumer_version_id, y.number, y.consumer_version_order, y.revision_number, y.pact_version_id,"
            + " y.sha, y.created_at, y.main_branch";

    /** The consumers of the provider (optionally one of them), as {@code ic}. */
    private static final String CONSUMERS =
            " FROM integrations i JOIN pacticipants ic ON ic.id = i.consumer_id WHERE i.provider_id = :provider";

    @Inject
    EntityManager em;

    /** The consumers of the provider, with what the default selectors need to know about their main branch. */
    public List<Consumer> consumers(Long providerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT ic.name, ic.main_branch,"
                        + " EXISTS (SELECT 1 FROM branch_heads bh WHERE bh.pacticipant_id = ic.id"
                        + " AND bh.branch_name = ic.main_branch),"
                        + " EXISTS (SELECT 1 FROM tags t WHERE t.pacticipant_id = ic.id AND t.name = ic.main_branch)"
                        + " FROM integrations i JOIN pacticipants ic ON ic.id = i.consumer_id"
                        + " WHERE i.provider_id = ?1 ORDER BY lower(ic.name)")
                .setParameter(1, providerId)
                .getResultList();
        return rows.stream()
                .map(r -> new Consumer(
                        (String) r[0], (String) r[1], Boolean.TRUE.equals(r[2]), Boolean.TRUE.equals(r[3])))
                .toList();
    }

    /**
     * The pacts the selector selects (the fallbacks aside: see {@link #latestForTag} and {@link #latestForBranch}; the
     * live versions of {@code deployed}, {@code released} and {@code environment} selectors aside: see
     * {@link #pactsOfLiveVersions}).
     */
    public List<Row> select(Long providerId, ConsumerVersionSelector s) {
        String consumer = s.consumer();
        if (s.latestForMainBranch()) {
            return run(
                    "SELECT bh.version_id, NULL AS environment_name, NULL AS production, NULL AS target,"
                            + " 'branch' AS head_kind, bh.branch_name AS head_name"
                            + CONSUMERS.replace(
                                    " WHERE",
                                    " JOIN branch_heads bh ON bh.pacticipant_id = ic.id"
                                            + " AND bh.branch_name = ic.main_branch WHERE"),
                    providerId,
                    consumer,
                    null);
        }
        if (s.latestForEachBranch()) {
            return run(
                    "SELECT bh.version_id, NULL, NULL, NULL, 'branch', bh.branch_name"
                            + CONSUMERS.replace(" WHERE", " JOIN branch_heads bh ON bh.pacticipant_id = ic.id WHERE"),
                    providerId,
                    consumer,
                    null);
        }
        if (s.latestForBranch()) {
            return latestForBranch(providerId, s.branch(), consumer);
        }
        if (s.deployed() || s.released() || s.inEnvironment()) {
            throw new IllegalArgumentException("live versions come from DeploymentService: see pactsOfLiveVersions");
        }
        if (s.latestForTag()) {
            return latestForTag(providerId, s.tag(), consumer);
        }
        if (s.allForTag()) {
            return run(
                    "SELECT t.version_id, NULL, NULL, NULL, 'tag', t.name"
                            + CONSUMERS.replace(
                                    " WHERE", " JOIN tags t ON t.pacticipant_id = ic.id AND t.name = :name" + " WHERE"),
                    providerId,
                    consumer,
                    s.tag());
        }
        if (s.overallLatest()) {
            return run(
                    "SELECT l.consumer_version_id, NULL, NULL, NULL, NULL, NULL"
                            + CONSUMERS.replace(
                                    " WHERE",
                                    " CROSS JOIN LATERAL (SELECT l2.consumer_version_id"
                                            + " FROM latest_pact_publication_ids_for_consumer_versions l2"
                                            + " WHERE l2.consumer_id = i.consumer_id AND l2.provider_id ="
                                            + " i.provider_id ORDER BY l2.consumer_version_order DESC LIMIT 1) l"
                                            + " WHERE"),
                    providerId,
                    consumer,
                    null);
        }
        return List.of();
    }

    /** The pact of each consumer's newest version with the tag (none for a consumer whose newest has no pact). */
    public List<Row> latestForTag(Long providerId, String tag, String consumer) {
        return run(
                "SELECT t.version_id, NULL, NULL, NULL, 'tag', t.name"
                        + CONSUMERS.replace(
                                " WHERE",
                                " CROSS JOIN LATERAL (SELECT t2.version_id, t2.name FROM tags t2"
                                        + " WHERE t2.pacticipant_id = ic.id AND t2.name = :name"
                                        + " ORDER BY t2.version_order DESC LIMIT 1) t WHERE"),
                providerId,
                consumer,
                tag);
    }

    /** The pact of the head of the branch of each consumer. */
    public List<Row> latestForBranch(Long providerId, String branch, String consumer) {
        return run(
                "SELECT bh.version_id, NULL, NULL, NULL, 'branch', bh.branch_name"
                        + CONSUMERS.replace(
                                " WHERE",
                                " JOIN branch_heads bh ON bh.pacticipant_id = ic.id"
                                        + " AND bh.branch_name = :name WHERE"),
                providerId,
                consumer,
                branch);
    }

    /**
     * The candidates for work in progress: pacts of the provider published after the date whose consumer version is
     * the head of a consumer branch, or the newest version with one of its tags. One row per branch and tag it heads.
     */
    public List<Row> heads(Long providerId, OffsetDateTime publishedAfter) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("WITH recent AS MATERIALIZED (SELECT consumer_version_id"
                        + " FROM latest_pact_publication_ids_for_consumer_versions"
                        + " WHERE provider_id = :provider AND created_at > :since),"
                        + " x AS MATERIALIZED (SELECT r.consumer_version_id AS version_id, h.head_kind, h.head_name"
                        + " FROM recent r CROSS JOIN LATERAL ("
                        + " SELECT 'branch' AS head_kind, bh.branch_name AS head_name FROM branch_heads bh"
                        + " WHERE bh.version_id = r.consumer_version_id"
                        + " UNION ALL"
                        + " SELECT 'tag', t.name FROM tags t WHERE t.version_id = r.consumer_version_id"
                        + " AND t.version_order = (SELECT t2.version_order FROM tags t2"
                        + " WHERE t2.pacticipant_id = t.pacticipant_id AND t2.name = t.name"
                        + " ORDER BY t2.version_order DESC LIMIT 1) OFFSET 0) h)"
                        + " SELECT " + SELECTED + ", NULL, NULL, NULL, x.head_kind, x.head_name FROM x"
                        + PACT_OF_CANDIDATE)
                .setParameter("provider", providerId)
                .setParameter("since", publishedAfter)
                .getResultList();
        return rows.stream().map(PactsForVerificationRepository::row).toList();
    }

    /** The rows with the content of their pacts loaded (one query for all of them). */
    public List<Row> withContent(List<Row> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> contents = em.createNativeQuery("SELECT id, content FROM pact_versions WHERE id = ANY(?1)")
                .setParameter(
                        1, rows.stream().map(r -> r.pact().pactVersionId()).toArray(Long[]::new))
                .getResultList();
        java.util.Map<Long, String> byId = new java.util.HashMap<>();
        contents.forEach(c -> byId.put(((Number) c[0]).longValue(), (String) c[1]));
        return rows.stream()
                .map(r -> new Row(
                        r.pact().withContent(byId.get(r.pact().pactVersionId())),
                        r.consumerMainBranch(),
                        r.environmentName(),
                        r.environmentProduction(),
                        r.target(),
                        r.headKind(),
                        r.headName()))
                .toList();
    }

    /** The ids of the consumers of the provider (or of the one consumer with that name, when it is one). */
    public List<Long> consumerIds(Long providerId, String consumer) {
        Query query = em.createNativeQuery(
                        "SELECT ic.id" + CONSUMERS + (consumer == null ? "" : " AND ic.name = :consumer"))
                .setParameter("provider", providerId);
        if (consumer != null) {
            query.setParameter("consumer", consumer);
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = query.getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** A consumer version live in an environment (found by the deployments feature), whose pact is wanted. */
    public record LiveCandidate(Long versionId, String environmentName, boolean production, String target) {}

    /**
     * The pact of each live consumer version with the provider, in the order of the candidates (a version live in two
     * places gives two rows), looked up per version in the latest publication read model as every selector's are.
     */
    public List<Row> pactsOfLiveVersions(Long providerId, List<LiveCandidate> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + SELECTED + ", NULL, NULL, NULL, NULL, NULL"
                        + " FROM unnest(CAST(:versions AS bigint[])) AS x(version_id)" + PACT_OF_CANDIDATE)
                .setParameter(
                        "versions",
                        candidates.stream()
                                .map(LiveCandidate::versionId)
                                .distinct()
                                .toArray(Long[]::new))
                .setParameter("provider", providerId)
                .getResultList();
        java.util.Map<Long, Row> byVersion = new java.util.HashMap<>();
        rows.stream()
                .map(PactsForVerificationRepository::row)
                .forEach(r -> byVersion.put(r.pact().consumerVersionId(), r));
        return candidates.stream()
                .filter(c -> byVersion.containsKey(c.versionId()))
                .map(c -> {
                    Row r = byVersion.get(c.versionId());
                    return new Row(
                            r.pact(),
                            r.consumerMainBranch(),
                            c.environmentName(),
                            c.production(),
                            c.target(),
                            null,
                            null);
                })
                .toList();
    }

    private List<Row> run(String candidates, Long providerId, String consumer, String name) {
        String sql = "WITH x(version_id, environment_name, production, target, head_kind, head_name) AS MATERIALIZED ("
                + candidates + (consumer == null ? "" : " AND ic.name = :consumer") + ")"
                + " SELECT " + SELECTED + ", x.environment_name, x.production, x.target, x.head_kind, x.head_name"
                + " FROM x" + PACT_OF_CANDIDATE;
        Query query = em.createNativeQuery(sql);
        query.setParameter("provider", providerId);
        if (consumer != null) {
            query.setParameter("consumer", consumer);
        }
        if (sql.contains(":name")) {
            query.setParameter("name", name);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(PactsForVerificationRepository::row).toList();
    }

    private static Row row(Object[] r) {
        PactRow pact = new PactRow(
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
                PactRepository.time(r[11]),
                null);
        return new Row(
                pact,
                (String) r[12],
                (String) r[13],
                r[14] == null ? null : (Boolean) r[14],
                (String) r[15],
                (String) r[16],
                (String) r[17]);
    }
}
