package io.pactbroker.broker.common.hal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Dates as the Pact Broker writes them: ISO 8601 in UTC with seconds, {@code 2021-09-01T00:07:21+00:00}. */
public final class Dates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private Dates() {}

    public static String format(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC).format(FORMAT);
    }

    /** The updated date, only when it differs from the created date (as the Pact Broker shows it). */
    public static String updated(OffsetDateTime created, OffsetDateTime updated) {
        if (updated == null || created == null || format(updated).equals(format(created))) {
            return null;
        }
        return format(updated);
    }
}
