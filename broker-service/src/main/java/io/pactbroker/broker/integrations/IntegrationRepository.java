package io.pactbroker.broker.integrations;

import io.pactbroker.broker.common.paging.Like;
import io.pactbroker.broker.common.paging.Page;
import io.pactbroker.broker.common.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.util.List;

/** Integrations: consumer/provider pairs with pacts. */
@ApplicationScoped
public class IntegrationRepository {

    @Inject
    EntityManager em;

    /** An integration with its pacticipants' names. */
    public record Row(
            Long consumerId, String consumerName, Long providerId, String providerName, OffsetDateTime createdAt) {}

    /** Creates the integration, or marks that its contract data changed now. */
    public void upsert(Long consumerId, Long providerId) {
        em.flush();
        em.createNativeQuery("INSERT INTO integrations (consumer_id, provider_id, contract_data_updated_at)"
                        + " VALUES (?1, ?2, now()) ON CONFLICT (consumer_id, provider_id)"
                        + " DO UPDATE SET contract_data_updated_at = now()")
                .setParameter(1, consumerId)
                .setParameter(2, providerId)
                .executeUpdate();
    }

    public void delete(Long consumerId, Long providerId) {
        em.flush();
        em.createNativeQuery("DELETE FROM integrations WHERE consumer_id = ?1 AND provider_id = ?2")
                .setParameter(1, consumerId)
                .setParameter(2, providerId)
                .executeUpdate();
    }

    /** Integrations ordered by consumer and provider name, optionally those where either name contains the query. */
    public Page<Row> list(String query, PageRequest page) {
        String where = query == null || query.isBlank()
                ? ""
                : " WHERE lower(c.name) LIKE ?1 ESCAPE '\\' OR lower(p.name) LIKE ?1 ESCAPE '\\'";
        String from = " FROM integrations i JOIN pacticipants c ON c.id = i.consumer_id"
                + " JOIN pacticipants p ON p.id = i.provider_id" + where;
        Query count = em.createNativeQuery("SELECT count(*)" + from);
        Query select = em.createNativeQuery("SELECT i.consumer_id, c.name AS consumer_name, i.provider_id,"
                + " p.name AS provider_name, i.created_at" + from + " ORDER BY lower(c.name), lower(p.name)"
                + (page.paged() ? " LIMIT " + page.size() + " OFFSET " + page.offset() : ""));
        if (!where.isEmpty()) {
            String like = Like.contains(query);
            count.setParameter(1, like);
            select.setParameter(1, like);
        }
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        List<Row> items = rows.stream()
                .map(r -> new Row(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        ((Number) r[2]).longValue(),
                        (String) r[3],
                        toTime(r[4])))
                .toList();
        return new Page<>(items, page, total);
    }

    /** Deletes the versions of the pacticipant that nothing refers to any more (no pacts, verifications or tags). */
    public void deleteOrphanVersions(Long pacticipantId) {
        em.flush();
        em.createNativeQuery("DELETE FROM versions v WHERE v.pacticipant_id = ?1"
                        + " AND NOT EXISTS (SELECT 1 FROM pact_publications pp WHERE pp.consumer_version_id = v.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM verifications vf WHERE vf.provider_version_id = v.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM tags t WHERE t.version_id = v.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM branch_versions bv WHERE bv.version_id = v.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM deployed_versions d WHERE d.version_id = v.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM released_versions r WHERE r.version_id = v.id)")
                .setParameter(1, pacticipantId)
                .executeUpdate();
    }

    /** Deletes the pacticipant if it has no versions and no integrations left. */
    public void deleteIfOrphan(Long pacticipantId) {
        em.flush();
        em.createNativeQuery("DELETE FROM pacticipants p WHERE p.id = ?1"
                        + " AND NOT EXISTS (SELECT 1 FROM versions v WHERE v.pacticipant_id = p.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM integrations i WHERE i.consumer_id = p.id"
                        + " OR i.provider_id = p.id)")
                .setParameter(1, pacticipantId)
                .executeUpdate();
        em.clear();
    }

    public void deleteWebhooksBetween(Long consumerId, Long providerId) {
        em.createNativeQuery("DELETE FROM webhooks WHERE consumer_id = ?1 AND provider_id = ?2")
                .setParameter(1, consumerId)
                .setParameter(2, providerId)
                .executeUpdate();
    }

    private static OffsetDateTime toTime(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return null;
    }
}
