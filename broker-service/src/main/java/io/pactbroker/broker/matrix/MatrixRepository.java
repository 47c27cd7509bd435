package io.pactbroker.broker.matrix;

import static io.pactbroker.broker.common.sql.SqlValues.bind;
import static io.pactbroker.broker.common.sql.SqlValues.ids;
import static io.pactbroker.broker.common.sql.SqlValues.rows;

import io.pactbroker.broker.common.sql.SqlValues;
import io.pactbroker.broker.environments.LiveVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The matrix's SQL: which versions a selector selects, which pacts and verifications join them, and what to show
 * about each version. Every query is driven by an index (a version number, a tag, a branch head, the live versions of
 * an environment, the latest pact of a consumer version, the newest verification of a content by a provider
 * version), so the cost of a can-i-deploy question does not grow with the history.
 */
@ApplicationScoped
public class MatrixRepository {

    @Inject
    EntityManager em;

    /** A version a selector selects. */
    public record VersionRef(Long pacticipantId, Long id, String number, Long order, String mainBranch) {}

    /** A consumer/provider pair with pacts. */
    public record Pair(Long consumerId, Long providerId) {}

    /**
     * The versions of each pacticipant that the criteria of the selector select (its pacticipant name is ignored),
     * newest first; only the newest with {@code latest}.
     *
     * @param live with an environment in the selector, the versions live there (from the deployments feature);
     *     ignored otherwise
     */
    public List<VersionRef> versions(Collection<Long> pacticipantIds, Selector selector, List<LiveVersion> live) {
        if (pacticipantIds.isEmpty() || (selector.environment() != null && live.isEmpty())) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(ids(pacticipantIds));
        List<String> conditions = new ArrayList<>();
        boolean driven = false;
        if (selector.version() != null) {
            params.add(selector.version());
            conditions.add("v.number = ?" + params.size());
            driven = true;
        }
        if (selector.environment() != null) {
            // each pacticipant looks up only its own live versions (by primary key), not every pacticipant's
            params.add(live.stream().map(LiveVersion::pacticipantId).toArray(Long[]::new));
            params.add(live.stream().map(LiveVersion::versionId).toArray(Long[]::new));
            conditions.add("v.id IN (SELECT l.version_id FROM unnest(CAST(?" + (params.size() - 1)
                    + " AS bigint[]), CAST(?" + params.size() + " AS bigint[])) AS l(pacticipant_id, version_id)"
                    + " WHERE l.pacticipant_id = p.id)");
            driven = true;
        }
        if (selector.branch() != null) {
            params.add(selector.branch());
            if (selector.latest() && !driven) {
                conditions.add("v.id = (SELECT bh.version_id FROM branch_heads bh WHERE bh.pacticipant_id = p.id"
                        + " AND bh.branch_name = ?" + params.size() + ")");
                driven = true;
            } else {
                conditions.add("v.id IN (SELECT bv.version_id FROM branch_versions bv WHERE bv.pacticipant_id = p.id"
                        + " AND bv.branch_name = ?" + params.size() + ")");
            }
        }
        if (selector.mainBranch()) {
            if (selector.latest() && !driven) {
                conditions.add("v.id = (SELECT bh.version_id FROM branch_heads bh WHERE bh.pacticipant_id = p.id"
                        + " AND bh.branch_name = p.main_branch)");
                driven = true;
            } else {
                conditions.add("v.id IN (SELECT bv.version_id FROM branch_versions bv WHERE bv.pacticipant_id = p.id"
                        + " AND bv.branch_name = p.main_branch)");
            }
        }
        if (selector.tag() != null) {
            params.add(selector.tag());
            if (selector.latest() && !driven) {
                conditions.add("v.id = (SELECT t.version_id FROM tags t WHERE t.pacticipant_id = p.id"
                        + " AND t.name = ?" + params.size() + " ORDER BY t.version_order DESC LIMIT 1)");
            } else {
                conditions.add("v.id IN (SELECT t.version_id FROM tags t WHERE t.pacticipant_id = p.id"
                        + " AND t.name = ?" + params.size() + ")");
            }
        }
        String where = conditions.isEmpty() ? "" : " AND " + String.join(" AND ", conditions);
        String sql = "SELECT p.id, x.id, x.number, x.\"order\", p.main_branch FROM pacticipants p"
                + " CROSS JOIN LATERAL (SELECT v.id, v.number, v.\"order\" FROM versions v WHERE v.pacticipant_id = p.id"
                + where + " ORDER BY v.\"order\" DESC" + (selector.latest() ? " LIMIT 1" : "") + ") x"
                + " WHERE p.id = ANY(?1) ORDER BY p.id, x.\"order\" DESC";
        return rows(bind(em.createNativeQuery(sql), params)).stream()
                .map(r -> new VersionRef(
                        SqlValues.longValue(r[0]),
                        SqlValues.longValue(r[1]),
                        (String) r[2],
                        SqlValues.longValue(r[3]),
                        (String) r[4]))
                .toList();
    }

    /** The main branch of each pacticipant that has one (for describing main-branch selectors). */
    public Map<Long, String> mainBranches(Collection<Long> pacticipantIds) {
        Map<Long, String> result = new LinkedHashMap<>();
        if (pacticipantIds.isEmpty()) {
            return result;
        }
        for (Object[] r : rows(em.createNativeQuery(
                        "SELECT id, main_branch FROM pacticipants WHERE id = ANY(?1) AND main_branch IS NOT NULL")
                .setParameter(1, ids(pacticipantIds)))) {
            result.put(SqlValues.longValue(r[0]), (String) r[1]);
        }
        return result;
    }

    /** The providers of the pacts the consumer versions published (the latest revision of each). */
    public List<Pair> providersOfVersions(Collection<Long> consumerVersionIds) {
        if (consumerVersionIds.isEmpty()) {
            return List.of();
        }
        return pairs(em.createNativeQuery("SELECT DISTINCT consumer_id, provider_id FROM"
                        + " latest_pact_publication_ids_for_consumer_versions WHERE consumer_version_id = ANY(?1)")
                .setParameter(1, ids(consumerVersionIds)));
    }

    /** The integrations in which the pacticipants are consumers. */
    public List<Pair> integrationsOfConsumers(Collection<Long> consumerIds) {
        if (consumerIds.isEmpty()) {
            return List.of();
        }
        return pairs(
                em.createNativeQuery("SELECT consumer_id, provider_id FROM integrations WHERE consumer_id = ANY(?1)")
                        .setParameter(1, ids(consumerIds)));
    }

    /** The integrations in which the pacticipants are providers. */
    public List<Pair> integrationsOfProviders(Collection<Long> providerIds) {
        if (providerIds.isEmpty()) {
            return List.of();
        }
        return pairs(
                em.createNativeQuery("SELECT consumer_id, provider_id FROM integrations WHERE provider_id = ANY(?1)")
                        .setParameter(1, ids(providerIds)));
    }

    /** The consumer/provider pairs of the pacts published by the given consumers or consumer versions for the providers. */
    public List<Pair> pairsBetween(
            Collection<Long> consumerVersionIds, Collection<Long> consumerIds, Collection<Long> providerIds) {
        if ((consumerVersionIds.isEmpty() && consumerIds.isEmpty()) || providerIds.isEmpty()) {
            return List.of();
        }
        return pairs(bind(
                em.createNativeQuery("SELECT DISTINCT consumer_id, provider_id FROM"
                        + " latest_pact_publication_ids_for_consumer_versions WHERE"
                        + " (consumer_version_id = ANY(?1) OR consumer_id = ANY(?2)) AND provider_id = ANY(?3)"),
                List.of(ids(consumerVersionIds), ids(consumerIds), ids(providerIds))));
    }

    /** Which pacts to read: by consumer version or whole consumer, for which providers, and how many. */
    public record PactCriteria(
            Collection<Long> consumerVersionIds,
            Collection<Long> consumerIds,
            Collection<Long> providerIds,
            Collection<Long> specifiedPacticipantIds,
            Collection<Long> verifiedByVersionIds,
            Collection<Long> verifiedByProviderIds,
            boolean everyRevision,
            Integer limit) {}

    /**
     * The pacts matching the criteria, newest consumer version first: the latest revision per consumer version and
     * provider, or every revision. A row per pact, without provider side yet.
     */
    public List<MatrixRow> pacts(PactCriteria c) {
        List<Object> params = new ArrayList<>();
        List<String> consumerSide = new ArrayList<>();
        if (c.consumerVersionIds() != null && !c.consumerVersionIds().isEmpty()) {
            consumerSide.add(idsCondition("p.consumer_version_id", c.consumerVersionIds(), params));
        }
        if (c.consumerIds() != null && !c.consumerIds().isEmpty()) {
            consumerSide.add(idsCondition("p.consumer_id", c.consumerIds(), params));
        }
        List<String> where = new ArrayList<>();
        if (c.verifiedByVersionIds() != null || c.verifiedByProviderIds() != null) {
            List<String> verified = new ArrayList<>();
            if (c.verifiedByVersionIds() != null && !c.verifiedByVersionIds().isEmpty()) {
                verified.add(idsCondition("vf.provider_version_id", c.verifiedByVersionIds(), params));
            }
            if (c.verifiedByProviderIds() != null && !c.verifiedByProviderIds().isEmpty()) {
                verified.add(idsCondition("vf.provider_id", c.verifiedByProviderIds(), params));
            }
            if (verified.isEmpty()) {
                return List.of();
            }
            where.add("p.pact_version_id IN (SELECT vf.pact_version_id FROM verifications vf WHERE "
                    + String.join(" OR ", verified) + ")");
        } else if (consumerSide.isEmpty()) {
            return List.of();
        } else {
            where.add("(" + String.join(" OR ", consumerSide) + ")");
        }
        if (c.providerIds() != null) {
            if (c.providerIds().isEmpty()) {
                return List.of();
            }
            where.add(idsCondition("p.provider_id", c.providerIds(), params));
        }
        if (c.specifiedPacticipantIds() != null) {
            params.add(ids(c.specifiedPacticipantIds()));
            where.add("(p.consumer_id = ANY(?" + params.size() + ") OR p.provider_id = ANY(?" + params.size() + "))");
        }
        String from = c.everyRevision()
                ? " FROM pact_publications p JOIN pact_publications pp ON pp.id = p.id"
                : " FROM latest_pact_publication_ids_for_consumer_versions p"
                        + " JOIN pact_publications pp ON pp.id = p.pact_publication_id";
        String sql = "SELECT p.consumer_id, c.name, p.consumer_version_id, cv.number, cv.\"order\", p.provider_id,"
                + " pr.name, pp.id, p.pact_version_id, pv.sha, pp.revision_number, pp.created_at" + from
                + " JOIN versions cv ON cv.id = p.consumer_version_id JOIN pacticipants c ON c.id = p.consumer_id"
                + " JOIN pacticipants pr ON pr.id = p.provider_id JOIN pact_versions pv ON pv.id = p.pact_version_id"
                + " WHERE " + String.join(" AND ", where) + " ORDER BY p.consumer_version_order DESC, pp.id DESC"
                + (c.limit() == null ? "" : " LIMIT " + c.limit());
        return rows(bind(em.createNativeQuery(sql), params)).stream()
                .map(r -> new MatrixRow(
                        SqlValues.longValue(r[0]),
                        (String) r[1],
                        SqlValues.longValue(r[2]),
                        (String) r[3],
                        SqlValues.longValue(r[4]),
                        SqlValues.longValue(r[5]),
                        (String) r[6],
                        null,
                        null,
                        null,
                        SqlValues.longValue(r[7]),
                        SqlValues.longValue(r[8]),
                        (String) r[9],
                        SqlValues.intValue(r[10]),
                        SqlValues.time(r[11]),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null))
                .toList();
    }

    /**
     * {@code column = ?n} for one id (so that an index ordered after that column can give the newest rows first
     * without sorting), {@code column = ANY(?n)} for several.
     */
    private static String idsCondition(String column, Collection<Long> values, List<Object> params) {
        if (values.size() == 1) {
            params.add(values.iterator().next());
            return column + " = ?" + params.size();
        }
        params.add(ids(values));
        return column + " = ANY(?" + params.size() + ")";
    }

    /** The contents of pacts, by pact version id. */
    public Map<Long, String> pactContents(Collection<Long> pactVersionIds) {
        Map<Long, String> result = new LinkedHashMap<>();
        if (pactVersionIds.isEmpty()) {
            return result;
        }
        for (Object[] r : rows(em.createNativeQuery("SELECT id, content FROM pact_versions WHERE id = ANY(?1)")
                .setParameter(1, ids(pactVersionIds)))) {
            result.put(SqlValues.longValue(r[0]), (String) r[1]);
        }
        return result;
    }

    /** A branch a version is on, and whether it is the head of that branch. */
    public record BranchOfVersion(Long versionId, String name, boolean latest) {}

    public List<BranchOfVersion> branchesOf(Collection<Long> versionIds) {
        if (versionIds.isEmpty()) {
            return List.of();
        }
        return rows(em.createNativeQuery(
                                "SELECT bv.version_id, bv.branch_name, bh.id IS NOT NULL FROM branch_versions bv"
                                        + " LEFT JOIN branch_heads bh ON bh.branch_version_id = bv.id"
                                        + " WHERE bv.version_id = ANY(?1) ORDER BY bv.created_at, bv.id")
                        .setParameter(1, ids(versionIds)))
                .stream()
                .map(r -> new BranchOfVersion(SqlValues.longValue(r[0]), (String) r[1], Boolean.TRUE.equals(r[2])))
                .toList();
    }

    /** A tag of a version, and whether the version is the latest with that tag. */
    public record TagOfVersion(Long versionId, String name, boolean latest) {}

    public List<TagOfVersion> tagsOf(Collection<Long> versionIds) {
        if (versionIds.isEmpty()) {
            return List.of();
        }
        return rows(em.createNativeQuery("SELECT t.version_id, t.name, t.version_order = (SELECT t2.version_order"
                                + " FROM tags t2 WHERE t2.pacticipant_id = t.pacticipant_id AND t2.name = t.name"
                                + " ORDER BY t2.version_order DESC LIMIT 1) FROM tags t WHERE t.version_id = ANY(?1)"
                                + " ORDER BY t.created_at, t.id")
                        .setParameter(1, ids(versionIds)))
                .stream()
                .map(r -> new TagOfVersion(SqlValues.longValue(r[0]), (String) r[1], Boolean.TRUE.equals(r[2])))
                .toList();
    }

    /** The names of pacticipants by id. */
    public Map<Long, String> names(Collection<Long> pacticipantIds) {
        Map<Long, String> result = new LinkedHashMap<>();
        if (pacticipantIds.isEmpty()) {
            return result;
        }
        for (Object[] r : rows(em.createNativeQuery("SELECT id, name FROM pacticipants WHERE id = ANY(?1)")
                .setParameter(1, ids(pacticipantIds)))) {
            result.put(SqlValues.longValue(r[0]), (String) r[1]);
        }
        return result;
    }

    private List<Pair> pairs(jakarta.persistence.Query query) {
        return rows(query).stream()
                .map(r -> new Pair(SqlValues.longValue(r[0]), SqlValues.longValue(r[1])))
                .toList();
    }
}
