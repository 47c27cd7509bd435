package io.pactbroker.broker.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.broker.common.json.JsonBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox: triggered webhooks ({@code triggered_webhooks}) and their attempts ({@code webhook_executions}), and
 * the dispatchers' claims on them. Times the dispatchers compare are the database's ({@code clock_timestamp()}), so
 * replicas with skewed clocks agree on what is due.
 */
@ApplicationScoped
public class TriggeredWebhookRepository {

    /** The channel on which the triggering transaction tells every dispatcher that something is due. */
    public static final String CHANNEL = "pact_broker_webhooks";

    private static final String COLUMNS = "t.id, t.trigger_uuid, t.trigger_type, t.event_name, t.pact_publication_id,"
            + " t.verification_id, t.webhook_id, t.webhook_uuid, w.method, t.consumer_id, c.name, t.provider_id, p.name,"
            + " t.status, t.attempts_made, t.next_attempt_at, CAST(t.event_context AS text), t.created_at, w.url";

    private static final String FROM = " FROM triggered_webhooks t LEFT JOIN webhooks w ON w.id = t.webhook_id"
            + " JOIN pacticipants c ON c.id = t.consumer_id JOIN pacticipants p ON p.id = t.provider_id";

    @Inject
    EntityManager em;

    /** A triggered webhook to write. */
    public record NewTriggered(
            String uuid,
            String eventName,
            Long pactPublicationId,
            Long verificationId,
            Long webhookId,
            String webhookUuid,
            Long consumerId,
            Long providerId,
            String eventContext) {}

    /** Writes the triggered webhook, due at once. */
    public void insert(NewTriggered t) {
        em.flush();
        em.createNativeQuery("INSERT INTO triggered_webhooks (trigger_uuid, trigger_type, event_name,"
                        + " pact_publication_id, verification_id, webhook_id, webhook_uuid, consumer_id, provider_id,"
                        + " status, event_context, next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                        + " CAST(?11 AS jsonb), now())")
                .setParameter(1, t.uuid())
                .setParameter(2, TriggeredWebhook.RESOURCE_CREATION)
                .setParameter(3, t.eventName())
                .setParameter(4, t.pactPublicationId())
                .setParameter(5, t.verificationId())
                .setParameter(6, t.webhookId())
                .setParameter(7, t.webhookUuid())
                .setParameter(8, t.consumerId())
                .setParameter(9, t.providerId())
                .setParameter(10, TriggeredWebhook.NOT_RUN)
                .setParameter(11, t.eventContext())
                .executeUpdate();
    }

    /** Tells the dispatchers (of every replica) that work is due, when the current transaction commits. */
    public void notifyDispatchers() {
        em.createNativeQuery("SELECT pg_notify(?1, '')")
                .setParameter(1, CHANNEL)
                .getResultList();
    }

    public Optional<TriggeredWebhook> findByUuid(String uuid) {
        return list(em.createNativeQuery("SELECT " + COLUMNS + FROM + " WHERE t.trigger_uuid = ?1")
                        .setParameter(1, uuid))
                .stream()
                .findFirst();
    }

    public Optional<TriggeredWebhook> findById(Long id) {
        return list(em.createNativeQuery("SELECT " + COLUMNS + FROM + " WHERE t.id = ?1")
                        .setParameter(1, id))
                .stream()
                .findFirst();
    }

    /** The webhooks the publication triggered, newest first. */
    public List<TriggeredWebhook> forPublication(Long pactPublicationId) {
        return list(em.createNativeQuery("SELECT " + COLUMNS + FROM
                        + " WHERE t.pact_publication_id = ?1 AND t.verification_id IS NULL"
                        + " ORDER BY t.created_at DESC, t.id DESC")
                .setParameter(1, pactPublicationId));
    }

    /** The webhooks the verification triggered, newest first. */
    public List<TriggeredWebhook> forVerification(Long verificationId) {
        return list(em.createNativeQuery("SELECT " + COLUMNS + FROM
                        + " WHERE t.verification_id = ?1 ORDER BY t.created_at DESC, t.id DESC")
                .setParameter(1, verificationId));
    }

    /**
     * The latest triggered webhook of each existing webhook and event for the consumer and provider: one index lookup
     * per webhook and event, whatever the history.
     */
    public List<TriggeredWebhook> latestFor(Long consumerId, Long providerId) {
        return list(em.createNativeQuery("SELECT " + COLUMNS + " FROM webhooks w0 JOIN webhook_events e ON"
                        + " e.webhook_id = w0.id CROSS JOIN LATERAL (SELECT * FROM triggered_webhooks x WHERE"
                        + " x.consumer_id = ?1 AND x.provider_id = ?2 AND x.webhook_uuid = w0.uuid AND x.event_name ="
                        + " e.name ORDER BY x.id DESC LIMIT 1) t JOIN webhooks w ON w.id = t.webhook_id"
                        + " JOIN pacticipants c ON c.id = t.consumer_id JOIN pacticipants p ON p.id = t.provider_id"
                        + " ORDER BY t.id")
                .setParameter(1, consumerId)
                .setParameter(2, providerId));
    }

    /**
     * For each consumer and provider pair (given as two lists of ids), the latest triggered webhook of each webhook and
     * event that applies to the pair (status and time; nulls for one never triggered); a pair no webhook applies to is
     * absent. One index lookup per pair, webhook and event.
     */
    public Map<List<Long>, List<Latest>> latestStatuses(List<Long> consumerIds, List<Long> providerIds) {
        Map<List<Long>, List<Latest>> result = new HashMap<>();
        if (consumerIds.isEmpty()) {
            return result;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT pr.c, pr.p, t.status, t.created_at FROM unnest(CAST(?1 AS bigint[]),"
                                + " CAST(?2 AS bigint[])) AS pr(c, p) JOIN webhooks w ON"
                                + " (w.consumer_id = pr.c OR (w.consumer_id IS NULL AND (w.consumer_label IS NULL OR"
                                + " w.consumer_label IN (SELECT l.name FROM labels l WHERE l.pacticipant_id = pr.c))))"
                                + " AND (w.provider_id = pr.p OR (w.provider_id IS NULL AND (w.provider_label IS NULL OR"
                                + " w.provider_label IN (SELECT l.name FROM labels l WHERE l.pacticipant_id = pr.p))))"
                                + " JOIN webhook_events e ON e.webhook_id = w.id LEFT JOIN LATERAL (SELECT x.status, x.created_at FROM"
                                + " triggered_webhooks x WHERE x.consumer_id = pr.c AND x.provider_id = pr.p AND"
                                + " x.webhook_uuid = w.uuid AND x.event_name = e.name ORDER BY x.id DESC LIMIT 1) t ON true")
                .setParameter(1, consumerIds.toArray(Long[]::new))
                .setParameter(2, providerIds.toArray(Long[]::new))
                .getResultList();
        for (Object[] r : rows) {
            result.computeIfAbsent(List.of(Rows.id(r[0]), Rows.id(r[1])), k -> new ArrayList<>())
                    .add(new Latest(Rows.text(r[2]), Rows.time(r[3])));
        }
        return result;
    }

    /** The status and time of a latest triggered webhook (both null when never triggered). */
    public record Latest(String status, java.time.OffsetDateTime triggeredAt) {}

    /** The attempts, oldest first. */
    public List<TriggeredWebhook.Execution> executions(Long triggeredWebhookId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, success, logs, created_at FROM webhook_executions"
                        + " WHERE triggered_webhook_id = ?1 ORDER BY id")
                .setParameter(1, triggeredWebhookId)
                .getResultList();
        return rows.stream()
                .map(r -> new TriggeredWebhook.Execution(
                        Rows.id(r[0]), Rows.bool(r[1]), Rows.text(r[2]), Rows.time(r[3])))
                .toList();
    }

    // the dispatchers

    /**
     * Claims up to {@code max} due triggered webhooks for the owner, each with its own lease token, until the lease
     * ends. Rows another dispatcher is claiming at this moment are skipped, not waited for; rows whose lease has
     * expired (their dispatcher died mid-call) are due again.
     */
    public List<Claim> claimDue(String owner, int max, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM triggered_webhooks WHERE next_attempt_at <="
                        + " clock_timestamp() AND (leased_until IS NULL OR leased_until < clock_timestamp())"
                        + " ORDER BY next_attempt_at, id LIMIT ?1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, max)
                .getResultList();
        List<Claim> claims = new ArrayList<>();
        for (Number id : ids) {
            String token = java.util.UUID.randomUUID().toString();
            em.createNativeQuery("UPDATE triggered_webhooks SET lease_owner = ?1, lease_token = ?2, leased_until ="
                            + " clock_timestamp() + make_interval(secs => ?3) WHERE id = ?4")
                    .setParameter(1, owner)
                    .setParameter(2, token)
                    .setParameter(3, (double) lease.toMillis() / 1000)
                    .setParameter(4, id.longValue())
                    .executeUpdate();
            claims.add(new Claim(id.longValue(), token));
        }
        return claims;
    }

    /** A dispatcher's claim on a triggered webhook: only the holder of the token may record its attempt. */
    public record Claim(Long id, String token) {}

    /** What the dispatcher needs to make the attempt, while the claim is still held. */
    public record Due(
            Long id,
            String uuid,
            Long webhookId,
            String webhookUuid,
            String eventName,
            ObjectNode eventContext,
            int attemptsMade) {}

    public Optional<Due> due(Claim claim) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, trigger_uuid, webhook_id, webhook_uuid, event_name,"
                        + " CAST(event_context AS text), attempts_made FROM triggered_webhooks"
                        + " WHERE id = ?1 AND lease_token = ?2")
                .setParameter(1, claim.id())
                .setParameter(2, claim.token())
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new Due(
                        Rows.id(r[0]),
                        Rows.text(r[1]),
                        Rows.id(r[2]),
                        Rows.text(r[3]),
                        Rows.text(r[4]),
                        context(Rows.text(r[5])),
                        Rows.integer(r[6])));
    }

    /**
     * Records an attempt and the new status, releasing the claim: nothing is written when the claim was lost (its
     * lease expired and another dispatcher took the row over, or the row was deleted meanwhile).
     *
     * @param retryIn when to try again, null when finished
     * @return whether the attempt was recorded
     */
    public boolean record(Claim claim, boolean success, String logs, String status, Duration retryIn) {
        em.flush();
        int updated = em.createNativeQuery("UPDATE triggered_webhooks SET status = ?1, attempts_made = attempts_made"
                        + " + 1, next_attempt_at = CASE WHEN ?2 THEN clock_timestamp() + make_interval(secs => ?3)"
                        + " END, lease_owner = NULL, lease_token = NULL, leased_until = NULL, updated_at = now()"
                        + " WHERE id = ?4 AND lease_token = ?5")
                .setParameter(1, status)
                .setParameter(2, retryIn != null)
                .setParameter(3, retryIn == null ? 0.0 : (double) retryIn.toMillis() / 1000)
                .setParameter(4, claim.id())
                .setParameter(5, claim.token())
                .executeUpdate();
        if (updated == 0) {
            return false;
        }
        em.createNativeQuery("INSERT INTO webhook_executions (triggered_webhook_id, success, logs) VALUES (?1, ?2, ?3)")
                .setParameter(1, claim.id())
                .setParameter(2, success)
                .setParameter(3, logs)
                .executeUpdate();
        return true;
    }

    /** Gives the claims of a dispatcher that is stopping back, so that another can take them at once. */
    public void release(List<Claim> claims) {
        for (Claim c : claims) {
            em.createNativeQuery("UPDATE triggered_webhooks SET lease_owner = NULL, lease_token = NULL,"
                            + " leased_until = NULL WHERE id = ?1 AND lease_token = ?2")
                    .setParameter(1, c.id())
                    .setParameter(2, c.token())
                    .executeUpdate();
        }
    }

    /**
     * Milliseconds until the next unfinished triggered webhook is due (negative when overdue), or null when none is
     * waiting. A leased row counts from the end of its lease.
     */
    public Long millisUntilNextDue() {
        Object value = em.createNativeQuery("SELECT floor(extract(epoch FROM (min(greatest(next_attempt_at,"
                        + " coalesce(leased_until, next_attempt_at))) - clock_timestamp())) * 1000)"
                        + " FROM triggered_webhooks WHERE next_attempt_at IS NOT NULL")
                .getSingleResult();
        return value == null ? null : ((Number) value).longValue();
    }

    private static List<TriggeredWebhook> list(Query q) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(TriggeredWebhookRepository::row).toList();
    }

    private static TriggeredWebhook row(Object[] r) {
        return new TriggeredWebhook(
                Rows.id(r[0]),
                Rows.text(r[1]),
                Rows.text(r[2]),
                Rows.text(r[3]),
                Rows.id(r[4]),
                Rows.id(r[5]),
                Rows.id(r[6]),
                Rows.text(r[7]),
                r[6] == null || r[8] == null
                        ? null
                        : new Webhook.Template(Rows.text(r[8]), Rows.text(r[18]), List.of(), null, null, null)
                                .description(),
                Rows.id(r[9]),
                Rows.text(r[10]),
                Rows.id(r[11]),
                Rows.text(r[12]),
                Rows.text(r[13]),
                Rows.integer(r[14]),
                Rows.time(r[15]),
                context(Rows.text(r[16])),
                Rows.time(r[17]));
    }

    static ObjectNode context(String json) {
        JsonNode node = json == null ? null : JsonBodies.parse(json).orElse(null);
        return node instanceof ObjectNode o ? o : JsonBodies.STRICT.createObjectNode();
    }
}
