package io.pactbroker.broker.environments;

import static io.pactbroker.broker.common.sql.SqlValues.bind;
import static io.pactbroker.broker.common.sql.SqlValues.ids;
import static io.pactbroker.broker.common.sql.SqlValues.rows;

import io.pactbroker.broker.common.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deployments, releases and the {@code currently_deployed_version_ids} read model (one row per pacticipant,
 * environment and application instance: the live deployment). The read model is written in the same transaction as
 * the deployment that changes it.
 */
@ApplicationScoped
public class DeploymentRepository {

    private static final String DEPLOYED = "SELECT dv.id, dv.uuid, dv.version_id, v.number, dv.pacticipant_id, p.name,"
            + " dv.environment_id, dv.target, dv.undeployed_at, dv.created_at, dv.updated_at FROM deployed_versions dv"
            + " JOIN versions v ON v.id = dv.version_id JOIN pacticipants p ON p.id = dv.pacticipant_id ";

    private static final String RELEASED = "SELECT rv.id, rv.uuid, rv.version_id, v.number, rv.pacticipant_id, p.name,"
            + " rv.environment_id, rv.support_ended_at, rv.created_at, rv.updated_at FROM released_versions rv"
            + " JOIN versions v ON v.id = rv.version_id JOIN pacticipants p ON p.id = rv.pacticipant_id ";

    @Inject
    EntityManager em;

    /**
     * Serialises deployments of one pacticipant to one environment until the transaction ends, so that two pipelines
     * recording deployments at the same moment cannot both leave their deployment current.
     */
    public void lockDeployments(Long pacticipantId, Long environmentId) {
        em.flush();
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))) locked")
                .setParameter(1, "deployments:" + pacticipantId + ":" + environmentId)
                .getResultList();
    }

    /** The live deployment of the pacticipant in the environment and instance ('' for none), if any. */
    public Optional<DeployedVersion> currentDeployment(Long pacticipantId, Long environmentId, String targetForIndex) {
        return deployed(
                        "WHERE dv.id = (SELECT c.deployed_version_id FROM currently_deployed_version_ids c"
                                + " WHERE c.pacticipant_id = ?1 AND c.environment_id = ?2 AND c.target_for_index = ?3)",
                        List.of(pacticipantId, environmentId, targetForIndex))
                .stream()
                .findFirst();
    }

    public Long insertDeployment(String uuid, Long versionId, Long pacticipantId, Long environmentId, String target) {
        em.flush();
        Object id = bind(
                        em.createNativeQuery("INSERT INTO deployed_versions (uuid, version_id, pacticipant_id,"
                                + " environment_id, target, target_for_index) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                                + " RETURNING id"),
                        Arrays.asList(
                                uuid, versionId, pacticipantId, environmentId, target, target == null ? "" : target))
                .getSingleResult();
        return SqlValues.longValue(id);
    }

    /** Makes the deployment the live one for its pacticipant, environment and instance (replacing the previous). */
    public void makeCurrent(
            Long pacticipantId, Long environmentId, Long versionId, Long deployedVersionId, String targetForIndex) {
        bind(
                        em.createNativeQuery("INSERT INTO currently_deployed_version_ids (pacticipant_id,"
                                + " environment_id, version_id, deployed_version_id, target_for_index) VALUES"
                                + " (?1, ?2, ?3, ?4, ?5) ON CONFLICT (pacticipant_id, environment_id, target_for_index)"
                                + " DO UPDATE SET version_id = EXCLUDED.version_id,"
                                + " deployed_version_id = EXCLUDED.deployed_version_id"),
                        List.of(pacticipantId, environmentId, versionId, deployedVersionId, targetForIndex))
                .executeUpdate();
    }

    /** Ends the deployment: it is no longer live (the read model forgets it). */
    public void markUndeployed(Long deployedVersionId) {
        em.flush();
        em.createNativeQuery("DELETE FROM currently_deployed_version_ids WHERE deployed_version_id = ?1")
                .setParameter(1, deployedVersionId)
                .executeUpdate();
        em.createNativeQuery("UPDATE deployed_versions SET undeployed_at = now(), updated_at = now()"
                        + " WHERE id = ?1 AND undeployed_at IS NULL")
                .setParameter(1, deployedVersionId)
                .executeUpdate();
    }

    public Optional<DeployedVersion> findDeployed(String uuid) {
        return deployed("WHERE dv.uuid = ?1", List.of(uuid)).stream().findFirst();
    }

    public Optional<DeployedVersion> findDeployed(Long id) {
        return deployed("WHERE dv.id = ?1", List.of(id)).stream().findFirst();
    }

    /** Every deployment (past and current) of the version to the environment, newest first. */
    public List<DeployedVersion> deployedFor(Long versionId, Long environmentId) {
        return deployed(
                "WHERE dv.version_id = ?1 AND dv.environment_id = ?2 ORDER BY dv.created_at DESC, dv.id DESC",
                List.of(versionId, environmentId));
    }

    /** Every deployment (past and current) of the versions, oldest first. */
    public List<DeployedVersion> deployedOf(Collection<Long> versionIds) {
        if (versionIds.isEmpty()) {
            return List.of();
        }
        return deployed(
                "WHERE dv.version_id = ANY(?1) ORDER BY dv.created_at, dv.id", List.of((Object) ids(versionIds)));
    }

    /**
     * The live deployments in the environment, newest first, optionally of one pacticipant and one instance.
     *
     * @param instance null for any instance, {@code Optional.empty()} for deployments without an instance
     */
    public List<DeployedVersion> currentlyDeployed(
            Long environmentId, String pacticipantName, Optional<String> instance) {
        StringBuilder where = new StringBuilder("WHERE dv.id IN (SELECT c.deployed_version_id FROM"
                + " currently_deployed_version_ids c WHERE c.environment_id = ?1");
        List<Object> params = new ArrayList<>(List.of(environmentId));
        if (instance != null) {
            params.add(instance.orElse(""));
            where.append(" AND c.target_for_index = ?").append(params.size());
        }
        where.append(")");
        if (pacticipantName != null) {
            params.add(pacticipantName);
            where.append(" AND p.name = ?").append(params.size());
        }
        where.append(" ORDER BY dv.created_at DESC, dv.id DESC");
        return deployed(where.toString(), params);
    }

    /** The newest deployments to the environment (current or not), newest first (the UI's history). */
    public List<DeployedVersion> deployedIn(Long environmentId, int limit) {
        return deployed(
                "WHERE dv.environment_id = ?1 ORDER BY dv.created_at DESC, dv.id DESC LIMIT " + limit,
                List.of(environmentId));
    }

    /** The newest releases to the environment (supported or not), newest first (the UI's history). */
    public List<ReleasedVersion> releasedIn(Long environmentId, int limit) {
        return released(
                "WHERE rv.environment_id = ?1 ORDER BY rv.created_at DESC, rv.id DESC LIMIT " + limit,
                List.of(environmentId));
    }

    /** Records the release unless the version was released to the environment before; true when recorded. */
    public boolean insertReleaseIfAbsent(String uuid, Long versionId, Long pacticipantId, Long environmentId) {
        em.flush();
        return bind(
                                em.createNativeQuery("INSERT INTO released_versions (uuid, version_id, pacticipant_id,"
                                        + " environment_id) VALUES (?1, ?2, ?3, ?4)"
                                        + " ON CONFLICT (version_id, environment_id) DO NOTHING"),
                                List.of(uuid, versionId, pacticipantId, environmentId))
                        .executeUpdate()
                > 0;
    }

    /** A release recorded again is supported again. */
    public void supportAgain(Long releasedVersionId) {
        em.createNativeQuery("UPDATE released_versions SET support_ended_at = NULL, updated_at = now()"
                        + " WHERE id = ?1 AND support_ended_at IS NOT NULL")
                .setParameter(1, releasedVersionId)
                .executeUpdate();
    }

    public void endSupport(Long releasedVersionId) {
        em.flush();
        em.createNativeQuery("UPDATE released_versions SET support_ended_at = now(), updated_at = now()"
                        + " WHERE id = ?1 AND support_ended_at IS NULL")
                .setParameter(1, releasedVersionId)
                .executeUpdate();
    }

    public Optional<ReleasedVersion> findReleased(String uuid) {
        return released("WHERE rv.uuid = ?1", List.of(uuid)).stream().findFirst();
    }

    public Optional<ReleasedVersion> findReleased(Long versionId, Long environmentId) {
        return released("WHERE rv.version_id = ?1 AND rv.environment_id = ?2", List.of(versionId, environmentId))
                .stream()
                .findFirst();
    }

    /** Every release (supported or not) of the versions, oldest first. */
    public List<ReleasedVersion> releasedOf(Collection<Long> versionIds) {
        if (versionIds.isEmpty()) {
            return List.of();
        }
        return released(
                "WHERE rv.version_id = ANY(?1) ORDER BY rv.created_at, rv.id", List.of((Object) ids(versionIds)));
    }

    /** The supported releases in the environment, newest first, optionally of one pacticipant and version. */
    public List<ReleasedVersion> currentlySupported(Long environmentId, String pacticipantName, String versionNumber) {
        StringBuilder where = new StringBuilder("WHERE rv.environment_id = ?1 AND rv.support_ended_at IS NULL");
        List<Object> params = new ArrayList<>(List.of(environmentId));
        if (pacticipantName != null) {
            params.add(pacticipantName);
            where.append(" AND p.name = ?").append(params.size());
        }
        if (versionNumber != null) {
            params.add(versionNumber);
            where.append(" AND v.number = ?").append(params.size());
        }
        where.append(" ORDER BY rv.created_at DESC, rv.id DESC");
        return released(where.toString(), params);
    }

    /**
     * The versions of the pacticipants that are live in the environment: deployed now (one per application instance)
     * or released and supported. Two index lookups, whatever the history.
     */
    /**
     * The live versions of the pacticipants in the environment, or in every environment when it is null: the live
     * deployments from {@code currently_deployed_version_ids} (unique on pacticipant, environment and instance) and the
     * supported releases through the partial index on {@code released_versions (pacticipant_id, environment_id) WHERE
     * support_ended_at IS NULL}. Index lookups only, whatever the history of deployments and releases.
     */
    public List<LiveVersion> liveVersions(Long environmentId, Collection<Long> pacticipantIds) {
        if (pacticipantIds.isEmpty()) {
            return List.of();
        }
        String deployedIn = environmentId == null ? "" : " AND c.environment_id = ?2";
        String releasedIn = environmentId == null ? "" : " AND rv.environment_id = ?2";
        List<Object> params = new ArrayList<>();
        params.add(ids(pacticipantIds));
        if (environmentId != null) {
            params.add(environmentId);
        }
        return rows(bind(
                        em.createNativeQuery("SELECT c.pacticipant_id, c.version_id, v.number, e.id, e.name,"
                                + " e.production, true, dv.target FROM currently_deployed_version_ids c"
                                + " JOIN versions v ON v.id = c.version_id"
                                + " JOIN deployed_versions dv ON dv.id = c.deployed_version_id"
                                + " JOIN environments e ON e.id = c.environment_id"
                                + " WHERE c.pacticipant_id = ANY(?1)" + deployedIn
                                + " UNION ALL SELECT rv.pacticipant_id, rv.version_id, v.number, e.id, e.name,"
                                + " e.production, false, NULL FROM released_versions rv"
                                + " JOIN versions v ON v.id = rv.version_id"
                                + " JOIN environments e ON e.id = rv.environment_id"
                                + " WHERE rv.pacticipant_id = ANY(?1)" + releasedIn
                                + " AND rv.support_ended_at IS NULL"),
                        params))
                .stream()
                .map(r -> new LiveVersion(
                        SqlValues.longValue(r[0]),
                        SqlValues.longValue(r[1]),
                        (String) r[2],
                        SqlValues.longValue(r[3]),
                        (String) r[4],
                        Boolean.TRUE.equals(r[5]),
                        Boolean.TRUE.equals(r[6]),
                        (String) r[7]))
                .toList();
    }

    /** For each version, the ids of the environments where it is live now, in the order it arrived there. */
    public Map<Long, List<Long>> liveEnvironmentsOf(Collection<Long> versionIds) {
        Map<Long, List<Long>> result = new LinkedHashMap<>();
        if (versionIds.isEmpty()) {
            return result;
        }
        List<Object[]> rows = rows(em.createNativeQuery("SELECT version_id, environment_id FROM (SELECT c.version_id,"
                        + " c.environment_id, dv.created_at FROM currently_deployed_version_ids c"
                        + " JOIN deployed_versions dv ON dv.id = c.deployed_version_id WHERE c.version_id = ANY(?1)"
                        + " UNION ALL SELECT rv.version_id, rv.environment_id, rv.created_at FROM released_versions rv"
                        + " WHERE rv.version_id = ANY(?1) AND rv.support_ended_at IS NULL) live"
                        + " ORDER BY created_at")
                .setParameter(1, ids(versionIds)));
        for (Object[] r : rows) {
            List<Long> environments = result.computeIfAbsent(SqlValues.longValue(r[0]), id -> new ArrayList<>());
            Long environmentId = SqlValues.longValue(r[1]);
            if (!environments.contains(environmentId)) {
                environments.add(environmentId);
            }
        }
        return result;
    }

    private List<DeployedVersion> deployed(String where, List<?> params) {
        return rows(bind(em.createNativeQuery(DEPLOYED + where), params)).stream()
                .map(r -> new DeployedVersion(
                        SqlValues.longValue(r[0]),
                        (String) r[1],
                        SqlValues.longValue(r[2]),
                        (String) r[3],
                        SqlValues.longValue(r[4]),
                        (String) r[5],
                        SqlValues.longValue(r[6]),
                        (String) r[7],
                        SqlValues.time(r[8]),
                        SqlValues.time(r[9]),
                        SqlValues.time(r[10])))
                .toList();
    }

    private List<ReleasedVersion> released(String where, List<?> params) {
        return rows(bind(em.createNativeQuery(RELEASED + where), params)).stream()
                .map(r -> new ReleasedVersion(
                        SqlValues.longValue(r[0]),
                        (String) r[1],
                        SqlValues.longValue(r[2]),
                        (String) r[3],
                        SqlValues.longValue(r[4]),
                        (String) r[5],
                        SqlValues.longValue(r[6]),
                        SqlValues.time(r[7]),
                        SqlValues.time(r[8]),
                        SqlValues.time(r[9])))
                .toList();
    }
}
