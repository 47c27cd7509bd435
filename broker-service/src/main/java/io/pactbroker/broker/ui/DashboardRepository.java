package io.pactbroker.broker.ui;

import static io.pactbroker.broker.common.sql.SqlValues.bind;
import static io.pactbroker.broker.common.sql.SqlValues.intValue;
import static io.pactbroker.broker.common.sql.SqlValues.longValue;
import static io.pactbroker.broker.common.sql.SqlValues.rows;
import static io.pactbroker.broker.common.sql.SqlValues.text;
import static io.pactbroker.broker.common.sql.SqlValues.time;

import io.pactbroker.broker.common.paging.Like;
import io.pactbroker.broker.common.paging.Page;
import io.pactbroker.broker.common.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The dashboard's read query: one row per integration with its latest pact (from the latest-publication read model)
 * and the newest verification of that pact's content, searched, filtered, sorted and paged in SQL so that a page costs
 * the same with ten integrations or ten thousand. Read-only; the read models it reads are kept by their features.
 */
@ApplicationScoped
public class DashboardRepository {

    /** The verification statuses of an integration, as the dashboard filters and shows them. */
    static final Set<String> STATUSES = Set.of("verified", "failed", "pending-failed", "stale", "never");

    static final Set<String> SORTS = Set.of("published", "name");

    @Inject
    EntityManager em;

    /**
     * An integration on the dashboard.
     *
     * @param status {@code verified} or {@code failed} (the newest verification of the latest pact's content),
     *     {@code pending-failed} (failed while the pact was pending for the provider), {@code stale} (the latest
     *     content is not verified yet but an earlier one was), {@code never} (nothing between them was ever verified)
     */
    public record Row(
            Long consumerId,
            String consumerName,
            Long providerId,
            String providerName,
            Long consumerVersionId,
            String consumerVersionNumber,
            String sha,
            OffsetDateTime publishedAt,
            Long providerVersionId,
            String providerVersionNumber,
            Integer verificationNumber,
            OffsetDateTime verifiedAt,
            String status) {}

    /** What to show: a search term, a status, an environment, a pacticipant (either side), the order. */
    public record Filter(String query, String status, Long environmentId, Long pacticipantId, String sort) {}

    private static final String ROWS = "SELECT i.consumer_id, c.name AS consumer_name, i.provider_id,"
            + " p.name AS provider_name, l.consumer_version_id, cv.number AS consumer_version_number, pv.sha,"
            + " pp.created_at AS published_at, lv.provider_version_id, prv.number AS provider_version_number,"
            + " lv.number AS verification_number, lv.execution_date,"
            + " CASE WHEN lv.id IS NOT NULL THEN"
            + "   CASE WHEN lv.success THEN 'verified' WHEN lv.pact_pending THEN 'pending-failed' ELSE 'failed' END"
            + " WHEN EXISTS (SELECT 1 FROM verifications ov WHERE ov.consumer_id = i.consumer_id"
            + "   AND ov.provider_id = i.provider_id) THEN 'stale' ELSE 'never' END AS status,"
            + " i.contract_data_updated_at"
            + " FROM integrations i JOIN pacticipants c ON c.id = i.consumer_id"
            + " JOIN pacticipants p ON p.id = i.provider_id"
            + " LEFT JOIN LATERAL (SELECT x.consumer_version_id, x.pact_version_id, x.pact_publication_id"
            + "   FROM latest_pact_publication_ids_for_consumer_versions x"
            + "   WHERE x.consumer_id = i.consumer_id AND x.provider_id = i.provider_id"
            + "   ORDER BY x.consumer_version_order DESC LIMIT 1) l ON true"
            + " LEFT JOIN versions cv ON cv.id = l.consumer_version_id"
            + " LEFT JOIN pact_versions pv ON pv.id = l.pact_version_id"
            + " LEFT JOIN pact_publications pp ON pp.id = l.pact_publication_id"
            + " LEFT JOIN LATERAL (SELECT v.id, v.success, v.pact_pending, v.provider_version_id, v.number,"
            + "   v.execution_date FROM verifications v WHERE v.pact_version_id = l.pact_version_id"
            + "   ORDER BY v.id DESC LIMIT 1) lv ON true"
            + " LEFT JOIN versions prv ON prv.id = lv.provider_version_id";

    /** A page of integrations, and how many match in all. */
    public Page<Row> find(Filter filter, PageRequest page) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE true");
        if (filter.query() != null && !filter.query().isBlank()) {
            params.add(Like.contains(filter.query()));
            where.append(" AND (lower(c.name) LIKE ?1 ESCAPE '\\' OR lower(p.name) LIKE ?1 ESCAPE '\\')");
        }
        if (filter.pacticipantId() != null) {
            params.add(filter.pacticipantId());
            int n = params.size();
            where.append(" AND (i.consumer_id = ?")
                    .append(n)
                    .append(" OR i.provider_id = ?")
                    .append(n)
                    .append(')');
        }
        if (filter.environmentId() != null) {
            params.add(filter.environmentId());
            int n = params.size();
            // either side is live in the environment: deployed now, or released and supported (both indexed)
            where.append(" AND EXISTS (SELECT 1 FROM currently_deployed_version_ids d WHERE d.environment_id = ?")
                    .append(n)
                    .append(" AND d.pacticipant_id IN (i.consumer_id, i.provider_id)")
                    .append(" UNION ALL SELECT 1 FROM released_versions r WHERE r.environment_id = ?")
                    .append(n)
                    .append(" AND r.support_ended_at IS NULL AND r.pacticipant_id IN (i.consumer_id, i.provider_id))");
        }
        String rows = ROWS + where;
        String outer = "";
        if (filter.status() != null) {
            params.add(filter.status());
            outer = " WHERE d.status = ?" + params.size();
        }
        String order = "name".equals(filter.sort())
                ? " ORDER BY lower(d.consumer_name), lower(d.provider_name)"
                : " ORDER BY d.contract_data_updated_at DESC NULLS LAST, lower(d.consumer_name), lower(d.provider_name)";
        long total;
        if (filter.status() == null) {
            // without a status filter the count needs none of the lookups
            String countSql = "SELECT count(*) FROM integrations i JOIN pacticipants c ON c.id = i.consumer_id"
                    + " JOIN pacticipants p ON p.id = i.provider_id" + where;
            total = ((Number) bind(em.createNativeQuery(countSql), params).getSingleResult()).longValue();
        } else {
            total = ((Number) bind(em.createNativeQuery("SELECT count(*) FROM (" + rows + ") d" + outer), params)
                            .getSingleResult())
                    .longValue();
        }
        String select =
                "SELECT * FROM (" + rows + ") d" + outer + order + " LIMIT " + page.size() + " OFFSET " + page.offset();
        List<Row> result = new ArrayList<>();
        for (Object[] r : rows(bind(em.createNativeQuery(select), params))) {
            result.add(new Row(
                    longValue(r[0]),
                    text(r[1]),
                    longValue(r[2]),
                    text(r[3]),
                    longValue(r[4]),
                    text(r[5]),
                    text(r[6]),
                    time(r[7]),
                    longValue(r[8]),
                    text(r[9]),
                    intValue(r[10]),
                    time(r[11]),
                    text(r[12])));
        }
        return new Page<>(result, page, total);
    }

    /** An edge of the network: a consumer and a provider with pacts. */
    public record Edge(Long consumerId, String consumerName, Long providerId, String providerName) {}

    /** Every integration, or those whose consumer or provider name contains the query (the network view). */
    public List<Edge> edges(String query) {
        String sql = "SELECT i.consumer_id, c.name, i.provider_id, p.name FROM integrations i"
                + " JOIN pacticipants c ON c.id = i.consumer_id JOIN pacticipants p ON p.id = i.provider_id";
        List<Object> params = new ArrayList<>();
        if (query != null && !query.isBlank()) {
            params.add(Like.contains(query));
            sql += " WHERE lower(c.name) LIKE ?1 ESCAPE '\\' OR lower(p.name) LIKE ?1 ESCAPE '\\'";
        }
        List<Edge> edges = new ArrayList<>();
        for (Object[] r : rows(bind(em.createNativeQuery(sql + " ORDER BY c.name, p.name"), params))) {
            edges.add(new Edge(longValue(r[0]), text(r[1]), longValue(r[2]), text(r[3])));
        }
        return edges;
    }
}
