package io.pactbroker.core.matching.internal;

import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Checks text against date and time formats: {@link DateTimeFormatter} patterns, with {@link SimpleDateFormat}'s
 * reading of the same pattern as a fallback (pact-jvm does the same, and older pacts rely on it). Empty formats mean
 * ISO-8601.
 */
public final class DateTimes {

    /** The kinds of value. */
    public enum Kind {
        DATE("a date", DateTimeFormatter.ISO_DATE),
        TIME("a time", DateTimeFormatter.ISO_TIME),
        DATE_TIME("a date-time", DateTimeFormatter.ISO_DATE_TIME);

        final String description;
        final DateTimeFormatter iso;

        Kind(String description, DateTimeFormatter iso) {
            this.description = description;
            this.iso = iso;
        }
    }

    private static final ConcurrentMap<String, Optional<DateTimeFormatter>> FORMATTERS = new ConcurrentHashMap<>();

    private DateTimes() {}

    /** Empty when the text is in the format, else why not. */
    public static Optional<String> check(Kind kind, String format, String text) {
        if (format.isEmpty()) {
            try {
                kind.iso.parse(text);
                return Optional.empty();
            } catch (DateTimeParseException e) {
                return Optional.of(e.getMessage());
            }
        }
        String problem = null;
        for (String pattern : patterns(kind, format)) {
            Optional<DateTimeFormatter> formatter = formatter(pattern);
            if (formatter.isEmpty()) {
                problem = "'" + format + "' is not a valid date-time pattern";
                continue;
            }
            try {
                formatter.get().parse(text);
                return Optional.empty();
            } catch (DateTimeParseException e) {
                if (problem == null) {
                    problem = e.getMessage();
                }
            }
        }
        if (simpleDateFormatAccepts(format, text)) {
            return Optional.empty();
        }
        return Optional.of(problem);
    }

    private static String[] patterns(Kind kind, String format) {
        if (kind == Kind.DATE_TIME && format.endsWith("Z") && !format.endsWith("'Z'")) {
            // A trailing Z is often meant as the ISO designator, which DateTimeFormatter spells X.
            return new String[] {format, format.substring(0, format.length() - 1) + "X"};
        }
        return new String[] {format};
    }

    private static Optional<DateTimeFormatter> formatter(String pattern) {
        return FORMATTERS.computeIfAbsent(pattern, p -> {
            try {
                return Optional.of(DateTimeFormatter.ofPattern(p, Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    private static boolean simpleDateFormatAccepts(String format, String text) {
        try {
            SimpleDateFormat parser = new SimpleDateFormat(format, Locale.ROOT);
            parser.setLenient(false);
            ParsePosition position = new ParsePosition(0);
            return parser.parse(text, position) != null && position.getIndex() == text.length();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
