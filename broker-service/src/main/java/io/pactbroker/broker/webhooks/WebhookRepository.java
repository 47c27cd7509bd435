package io.pactbroker.broker.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pactbroker.broker.common.json.JsonBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Webhooks and their events ({@code webhooks}, {@code webhook_events}). Headers are stored as a JSON array of
 * {@code [name, value]} pairs so they keep the order they were given in; a JSON body is stored as JSON text with
 * {@code is_json_request_body}, a string body as it is.
 */
@ApplicationScoped
public class WebhookRepository {

    static final String COLUMNS = "w.id, w.uuid, w.description, w.method, w.url, w.body, w.is_json_request_body,"
            + " CAST(w.headers AS text), w.username, w.password, w.enabled, w.consumer_id, c.name, w.consumer_label,"
            + " w.provider_id, p.name, w.provider_label, w.created_at, w.updated_at,"
            + " (SELECT string_agg(e.name, ',' ORDER BY e.id) FROM webhook_events e WHERE e.webhook_id = w.id)";

    static final String FROM = " FROM webhooks w LEFT JOIN pacticipants c ON c.id = w.consumer_id"
            + " LEFT JOIN pacticipants p ON p.id = w.provider_id";

    /** The webhooks that select the consumer and the provider: by id, by one of their labels, or all of them. */
    static final String APPLIES_TO =
            " (w.consumer_id = :consumer OR (w.consumer_id IS NULL AND (w.consumer_label IS NULL"
                    + " OR w.consumer_label IN (SELECT l.name FROM labels l WHERE l.pacticipant_id = :consumer))))"
                    + " AND (w.provider_id = :provider OR (w.provider_id IS NULL AND (w.provider_label IS NULL"
                    + " OR w.provider_label IN (SELECT l.name FROM labels l WHERE l.pacticipant_id = :provider))))";

    @Inject
    EntityManager em;

    public Optional<Webhook> findByUuid(String uuid) {
        return list(em.createNativeQuery("SELECT " + COLUMNS + FROM + " WHERE w.uuid = ?1")
                        .setParameter(1, uuid))
                .stream()
                .findFirst();
    }

    public Optional<Webhook> findById(Long id) {
        return list(em.createNativeQuery("SELECT " + COLUMNS + FROM + " WHERE w.id = ?1")
                        .setParameter(1, id))
                .stream()
                .findFirst();
    }

    public List<Webhook> findAll() {
        return list(em.createNativeQuery("SELECT " + COLUMNS + FROM + " ORDER BY w.id"));
    }

    /**
     * The webhooks of exactly this consumer and provider (null for "no pacticipant on that side"), as the Pact
     * Broker lists them under {@code /webhooks/provider/{p}/consumer/{c}}.
     */
    public List<Webhook> findByConsumerAndProvider(Long consumerId, Long providerId) {
        String where = " WHERE w.consumer_id " + (consumerId == null ? "IS NULL" : "= :consumer")
                + " AND w.provider_id " + (providerId == null ? "IS NULL" : "= :provider");
        Query q = em.createNativeQuery("SELECT " + COLUMNS + FROM + where + " ORDER BY w.id");
        if (consumerId != null) {
            q.setParameter("consumer", consumerId);
        }
        if (providerId != null) {
            q.setParameter("provider", providerId);
        }
        return list(q);
    }

    /** The enabled webhooks with the event that apply to the consumer and provider. */
    public List<Webhook> findToTrigger(Long consumerId, Long providerId, String event) {
        return list(em.createNativeQuery("SELECT " + COLUMNS + FROM + " WHERE w.enabled AND EXISTS (SELECT 1 FROM"
                        + " webhook_events e WHERE e.webhook_id = w.id AND e.name = :event) AND" + APPLIES_TO
                        + " ORDER BY w.id")
                .setParameter("event", event)
                .setParameter("consumer", consumerId)
                .setParameter("provider", providerId));
    }

    /** Whether any webhook (enabled or not, for any event) applies to the consumer and provider. */
    public boolean anyFor(Long consumerId, Long providerId) {
        return !em.createNativeQuery("SELECT 1 FROM webhooks w WHERE" + APPLIES_TO + " LIMIT 1")
                .setParameter("consumer", consumerId)
                .setParameter("provider", providerId)
                .getResultList()
                .isEmpty();
    }

    /** Inserts the webhook and its events. */
    public void insert(String uuid, Webhook w) {
        em.flush();
        Object id = em.createNativeQuery("INSERT INTO webhooks (uuid, description, method, url, body,"
                        + " is_json_request_body, headers, username, password, enabled, consumer_id, provider_id,"
                        + " consumer_label, provider_label) VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), ?8, ?9,"
                        + " ?10, ?11, ?12, ?13, ?14) RETURNING id")
                .setParameter(1, uuid)
                .setParameter(2, w.description())
                .setParameter(3, w.request().method())
                .setParameter(4, w.request().url())
                .setParameter(5, bodyText(w.request().body()))
                .setParameter(6, isJson(w.request().body()))
                .setParameter(7, headersJson(w.request().headers()))
                .setParameter(8, w.request().username())
                .setParameter(9, w.request().password())
                .setParameter(10, w.enabled())
                .setParameter(11, w.consumer() == null ? null : w.consumer().id())
                .setParameter(12, w.provider() == null ? null : w.provider().id())
                .setParameter(13, w.consumer() == null ? null : w.consumer().label())
                .setParameter(14, w.provider() == null ? null : w.provider().label())
                .getSingleResult();
        insertEvents(Rows.id(id), w.events());
    }

    /** Replaces every attribute and the events of the webhook with the uuid. */
    public void update(String uuid, Webhook w) {
        em.flush();
        Object id = em.createNativeQuery("UPDATE webhooks SET description = ?2, method = ?3, url = ?4, body = ?5,"
                        + " is_json_request_body = ?6, headers = CAST(?7 AS jsonb), username = ?8, password = ?9,"
                        + " enabled = ?10, consumer_id = ?11, provider_id = ?12, consumer_label = ?13,"
                        + " provider_label = ?14, updated_at = now() WHERE uuid = ?1 RETURNING id")
                .setParameter(1, uuid)
                .setParameter(2, w.description())
                .setParameter(3, w.request().method())
                .setParameter(4, w.request().url())
                .setParameter(5, bodyText(w.request().body()))
                .setParameter(6, isJson(w.request().body()))
                .setParameter(7, headersJson(w.request().headers()))
                .setParameter(8, w.request().username())
                .setParameter(9, w.request().password())
                .setParameter(10, w.enabled())
                .setParameter(11, w.consumer() == null ? null : w.consumer().id())
                .setParameter(12, w.provider() == null ? null : w.provider().id())
                .setParameter(13, w.consumer() == null ? null : w.consumer().label())
                .setParameter(14, w.provider() == null ? null : w.provider().label())
                .getSingleResult();
        em.createNativeQuery("DELETE FROM webhook_events WHERE webhook_id = ?1")
                .setParameter(1, Rows.id(id))
                .executeUpdate();
        insertEvents(Rows.id(id), w.events());
    }

    /** Deletes the webhook; its triggered webhooks stay, without it (their logs remain readable). */
    public boolean delete(String uuid) {
        em.flush();
        return em.createNativeQuery("DELETE FROM webhooks WHERE uuid = ?1")
                        .setParameter(1, uuid)
                        .executeUpdate()
                > 0;
    }

    private void insertEvents(Long webhookId, List<String> events) {
        for (String event : events) {
            em.createNativeQuery("INSERT INTO webhook_events (webhook_id, name) VALUES (?1, ?2)")
                    .setParameter(1, webhookId)
                    .setParameter(2, event)
                    .executeUpdate();
        }
    }

    private static List<Webhook> list(Query q) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(WebhookRepository::webhook).toList();
    }

    static Webhook webhook(Object[] r) {
        Webhook.Side consumer = r[11] != null
                ? Webhook.Side.pacticipant(Rows.id(r[11]), Rows.text(r[12]))
                : r[13] != null ? Webhook.Side.label(Rows.text(r[13])) : null;
        Webhook.Side provider = r[14] != null
                ? Webhook.Side.pacticipant(Rows.id(r[14]), Rows.text(r[15]))
                : r[16] != null ? Webhook.Side.label(Rows.text(r[16])) : null;
        String events = Rows.text(r[19]);
        return new Webhook(
                Rows.id(r[0]),
                Rows.text(r[1]),
                Rows.text(r[2]),
                consumer,
                provider,
                Rows.bool(r[10]),
                new Webhook.Template(
                        Rows.text(r[3]),
                        Rows.text(r[4]),
                        headers(Rows.text(r[7])),
                        body(Rows.text(r[5]), Rows.bool(r[6])),
                        Rows.text(r[8]),
                        Rows.text(r[9])),
                events == null ? List.of() : Arrays.asList(events.split(",")),
                Rows.time(r[17]),
                Rows.time(r[18]));
    }

    static String bodyText(JsonNode body) {
        if (body == null || body.isNull()) {
            return null;
        }
        return body.isTextual() ? body.asText() : body.toString();
    }

    static boolean isJson(JsonNode body) {
        return body != null && !body.isNull() && !body.isTextual();
    }

    static JsonNode body(String text, boolean json) {
        if (text == null) {
            return null;
        }
        return json ? JsonBodies.parse(text).orElse(TextNode.valueOf(text)) : TextNode.valueOf(text);
    }

    static String headersJson(List<Webhook.Header> headers) {
        ArrayNode array = JsonBodies.STRICT.createArrayNode();
        for (Webhook.Header h : headers) {
            array.addArray().add(h.name()).add(h.value());
        }
        try {
            return JsonBodies.STRICT.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Webhook.Header> headers(String json) {
        List<Webhook.Header> headers = new ArrayList<>();
        JsonNode node = json == null ? null : JsonBodies.parse(json).orElse(null);
        if (node != null && node.isArray()) {
            node.forEach(pair -> headers.add(
                    new Webhook.Header(pair.get(0).asText(), pair.get(1).asText())));
        } else if (node instanceof ObjectNode object) {
            object.fields()
                    .forEachRemaining(f -> headers.add(
                            new Webhook.Header(f.getKey(), f.getValue().asText())));
        }
        return headers;
    }
}
