package io.pactbroker.broker.badges;

import static io.pactbroker.broker.common.sql.SqlValues.bind;
import static io.pactbroker.broker.common.sql.SqlValues.rows;

import io.pactbroker.broker.common.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The latest verification behind a pact badge. */
@ApplicationScoped
public class BadgeRepository {

    @Inject
    EntityManager em;

    /** The newest verification of a pact between the pair, with what the badge shows about it. */
    public record LatestVerification(
            Long pactVersionId, boolean success, boolean pactPending, String providerVersion, int number) {}

    /**
     * The newest verification of the pair's pacts: of consumer versions with the tag (or without tags, or any), by
     * provider versions with the provider tag (or any).
     */
    public Optional<LatestVerification> latestVerification(
            Long consumerId, Long providerId, String consumerTag, boolean untagged, String providerTag) {
        List<Object> params = new ArrayList<>(List.of(consumerId, providerId));
        StringBuilder where = new StringBuilder("v.consumer_id = ?1 AND v.provider_id = ?2");
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
        return rows(bind(
                        em.createNativeQuery("SELECT v.pact_version_id, v.success, v.pact_pending, pv.number,"
                                + " v.number FROM verifications v JOIN versions pv ON pv.id = v.provider_version_id"
                                + " WHERE " + where + " ORDER BY v.id DESC LIMIT 1"),
                        params))
                .stream()
                .findFirst()
                .map(r -> new LatestVerification(
                        SqlValues.longValue(r[0]),
                        Boolean.TRUE.equals(r[1]),
                        Boolean.TRUE.equals(r[2]),
                        (String) r[3],
                        SqlValues.intValue(r[4])));
    }
}
