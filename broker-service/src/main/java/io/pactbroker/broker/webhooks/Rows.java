package io.pactbroker.broker.webhooks;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Reading the values of native query rows. */
final class Rows {

    private Rows() {}

    static Long id(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    static int integer(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    static boolean bool(Object value) {
        return Boolean.TRUE.equals(value);
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    static OffsetDateTime time(Object value) {
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
}
