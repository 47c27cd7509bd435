package io.pactbroker.broker.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the webhook template parameters and the {@code contract_requiring_verification_published} event need to know
 * about versions, labels, verifications and deployments: read-only queries, each an index lookup or two, run inside
 * the triggering transaction.
 */
@ApplicationScoped
public class EventFacts {

    @Inject
    EntityManager em;

    /** A version's number, build URL, tags (oldest first) and the branch it was most recently added to. */
    public record VersionFacts(Long id, String number, String buildUrl, List<String> tags, String branch) {}

    /** A verification result, with its provider version's tags and latest branch. */
    public record VerificationFacts(
            Long id,
            int number,
            boolean success,
            String sha,
            Long providerVersionId,
            String providerVersionNumber,
            List<String> providerVersionTags,
            String providerVersionBranch,
            String buildUrl) {}

    /**
     * A provider version that should verify a newly published content and has not: the head of the provider's main
     * branch, or a version deployed or released (supported) in an environment.
     *
     * @param branch the main branch when the version is its head, else the version's latest branch (or null)
     * @param descriptions "latest from main branch", "deployed in production", "released in production", ...
     */
    public record RequiredVerification(String providerVersionNumber, String branch, List<String> descriptions) {}

    public Optional<VersionFacts> version(Long versionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT v.id, v.number, v.build_url,"
                        + " (SELECT string_agg(t.name, E'\\n' ORDER BY t.id) FROM tags t WHERE t.version_id = v.id),"
                        + " (SELECT bv.branch_name FROM branch_versions bv WHERE bv.version_id = v.id"
                        + " ORDER BY bv.id DESC LIMIT 1) FROM versions v WHERE v.id = ?1")
                .setParameter(1, versionId)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new VersionFacts(
                        Rows.id(r[0]), Rows.text(r[1]), Rows.text(r[2]), lines(Rows.text(r[3])), Rows.text(r[4])));
    }

    /** The pacticipant's labels, oldest first. */
    public List<String> labels(Long pacticipantId) {
        @SuppressWarnings("unchecked")
        List<Object> names = em.createNativeQuery("SELECT name FROM labels WHERE pacticipant_id = ?1 ORDER BY id")
                .setParameter(1, pacticipantId)
                .getResultList();
        return names.stream().map(Object::toString).toList();
    }

    /**
     * The verification the parameters of a contract event show: the latest of the content by a version of the
     * provider's main branch, else the latest of the content.
     */
    public Optional<VerificationFacts> latestVerification(Long pactVersionId) {
        Optional<VerificationFacts> main = verification(
                "(SELECT v.id FROM verifications v JOIN pacticipants p ON p.id = v.provider_id"
                        + " JOIN branch_versions bv ON bv.version_id = v.provider_version_id"
                        + " AND bv.branch_name = p.main_branch WHERE v.pact_version_id = ?1 ORDER BY v.id DESC LIMIT 1)",
                pactVersionId);
        return main.isPresent()
                ? main
                : verification(
                        "(SELECT v.id FROM verifications v WHERE v.pact_version_id = ?1 ORDER BY v.id DESC LIMIT 1)",
                        pactVersionId);
    }

    public Optional<VerificationFacts> verification(Long verificationId) {
        return verification("?1", verificationId);
    }

    /** The verification whose id the expression (with the parameter {@code ?1}) gives. */
    private Optional<VerificationFacts> verification(String id, Long param) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT v.id, v.number, v.success, pv.sha, v.provider_version_id,"
                        + " ver.number AS provider_version_number,"
                        + " (SELECT string_agg(t.name, E'\\n' ORDER BY t.id) FROM tags t WHERE t.version_id = ver.id),"
                        + " (SELECT bv.branch_name FROM branch_versions bv WHERE bv.version_id = ver.id"
                        + " ORDER BY bv.id DESC LIMIT 1), v.build_url"
                        + " FROM verifications v JOIN pact_versions pv ON pv.id = v.pact_version_id"
                        + " JOIN versions ver ON ver.id = v.provider_version_id WHERE v.id = " + id)
                .setParameter(1, param)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new VerificationFacts(
                        Rows.id(r[0]),
                        Rows.integer(r[1]),
                        Rows.bool(r[2]),
                        Rows.text(r[3]),
                        Rows.id(r[4]),
                        Rows.text(r[5]),
                        lines(Rows.text(r[6])),
                        Rows.text(r[7]),
                        Rows.text(r[8])));
    }

    /**
     * The provider versions that should verify the content and have not (no result of theirs for it, successful or
     * not), one per version with every reason, in the Pact Broker's order: main branch head, deployed, released.
     */
    public List<RequiredVerification> requiredVerifications(Long pactVersionId, Long providerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT x.version_id, v.number, x.description, x.main_branch,"
                        + " (SELECT bv.branch_name FROM branch_versions bv WHERE bv.version_id = v.id"
                        + " ORDER BY bv.id DESC LIMIT 1) FROM ("
                        + " SELECT h.version_id, 'latest from main branch' AS description, p.main_branch, 0 AS kind,"
                        + " 0 AS position FROM pacticipants p JOIN branch_heads h ON h.pacticipant_id = p.id"
                        + " AND h.branch_name = p.main_branch WHERE p.id = ?2"
                        + " UNION ALL SELECT d.version_id, 'deployed in ' || e.name, NULL, 1, d.id"
                        + " FROM deployed_versions d JOIN environments e ON e.id = d.environment_id"
                        + " WHERE d.pacticipant_id = ?2 AND d.undeployed_at IS NULL"
                        + " UNION ALL SELECT r.version_id, 'released in ' || e.name, NULL, 2, r.id"
                        + " FROM released_versions r JOIN environments e ON e.id = r.environment_id"
                        + " WHERE r.pacticipant_id = ?2 AND r.support_ended_at IS NULL) x"
                        + " JOIN versions v ON v.id = x.version_id"
                        + " WHERE NOT EXISTS (SELECT 1 FROM verifications vr WHERE vr.pact_version_id = ?1"
                        + " AND vr.provider_version_id = x.version_id)"
                        + " ORDER BY x.kind, x.position")
                .setParameter(1, pactVersionId)
                .setParameter(2, providerId)
                .getResultList();
        Map<Long, RequiredVerification> byVersion = new LinkedHashMap<>();
        for (Object[] r : rows) {
            Long versionId = Rows.id(r[0]);
            RequiredVerification existing = byVersion.get(versionId);
            String description = Rows.text(r[2]);
            String mainBranch = Rows.text(r[3]);
            if (existing == null) {
                List<String> descriptions = new ArrayList<>();
                descriptions.add(description);
                byVersion.put(
                        versionId,
                        new RequiredVerification(
                                Rows.text(r[1]), mainBranch != null ? mainBranch : Rows.text(r[4]), descriptions));
            } else if (!existing.descriptions().contains(description)) {
                existing.descriptions().add(description);
            }
        }
        return byVersion.values().stream()
                .map(r ->
                        new RequiredVerification(r.providerVersionNumber(), r.branch(), List.copyOf(r.descriptions())))
                .toList();
    }

    /** The consumer, provider and consumer version of the newest pact a webhook applies to (for a test run). */
    public record PactKey(Long consumerId, Long providerId, String consumerVersionNumber) {}

    public Optional<PactKey> latestPactFor(Webhook webhook) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        side(webhook.consumer(), "lpp.consumer_id", where, params);
        side(webhook.provider(), "lpp.provider_id", where, params);
        var q = em.createNativeQuery("SELECT lpp.consumer_id, lpp.provider_id, v.number FROM"
                + " latest_pact_publication_ids_for_consumer_versions lpp JOIN versions v ON v.id ="
                + " lpp.consumer_version_id" + where + " ORDER BY lpp.consumer_version_order DESC LIMIT 1");
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().findFirst().map(r -> new PactKey(Rows.id(r[0]), Rows.id(r[1]), Rows.text(r[2])));
    }

    private static void side(Webhook.Side side, String column, StringBuilder where, List<Object> params) {
        if (side == null) {
            return;
        }
        if (side.isPacticipant()) {
            params.add(side.id());
            where.append(" AND ").append(column).append(" = ?").append(params.size());
        } else {
            params.add(side.label());
            where.append(" AND ")
                    .append(column)
                    .append(" IN (SELECT l.pacticipant_id FROM labels l WHERE l.name = ?")
                    .append(params.size())
                    .append(")");
        }
    }

    /** The newest verification between the consumer and provider (for a test run). */
    public Optional<VerificationFacts> latestVerificationBetween(Long consumerId, Long providerId) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT id FROM verifications WHERE consumer_id = ?1"
                        + " AND provider_id = ?2 ORDER BY id DESC LIMIT 1")
                .setParameter(1, consumerId)
                .setParameter(2, providerId)
                .getResultList();
        return ids.stream().findFirst().flatMap(id -> verification(Rows.id(id)));
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.asList(text.split("\n"));
    }
}
