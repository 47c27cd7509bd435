package io.pactbroker.broker.common.sql;

import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/** Reads the column values of native queries, whatever Java type the driver and Hibernate chose for them. */
public final class SqlValues {

    private SqlValues() {}

    public static Long longValue(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    public static Integer intValue(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    public static Boolean bool(Object value) {
        return value == null ? null : (Boolean) value;
    }

    public static String text(Object value) {
        return value == null ? null : value.toString();
    }

    public static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        return null;
    }

    /** Binds the parameters in order ({@code ?1}, {@code ?2}, ...). */
    public static Query bind(Query query, List<?> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }

    /** A list of ids as a PostgreSQL array parameter (for {@code = ANY(?n)}). */
    public static Long[] ids(java.util.Collection<Long> ids) {
        return ids.toArray(Long[]::new);
    }

    /** The rows of a native query. */
    @SuppressWarnings("unchecked")
    public static List<Object[]> rows(Query query) {
        List<?> result = query.getResultList();
        return result.stream()
                .map(r -> r instanceof Object[] a ? a : new Object[] {r})
                .toList();
    }
}
