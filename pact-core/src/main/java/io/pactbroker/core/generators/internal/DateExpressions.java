package io.pactbroker.core.generators.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Date and time expressions, relative to a base date-time, as pact-jvm and the Rust implementation understand them.
 * With the base 2000-01-01T10:00 (a Saturday):
 *
 * <ul>
 *   <li>dates: {@code today}, {@code yesterday}, {@code tomorrow}, {@code + 1 day}, {@code - 2 weeks}, {@code + 4
 *       years}, {@code next week} (2000-01-08), {@code last month} (1999-12-01), {@code next fortnight}, {@code next
 *       monday} (2000-01-03), {@code last wednesday} (1999-12-29), {@code next jan} (2001-01-01, first of the month),
 *       {@code last december + 2 weeks + 4 days} (1999-12-19);
 *   <li>times, after {@code @}: {@code now}, {@code midnight}, {@code noon}, {@code 2 o'clock} (the next 2 o'clock
 *       half-day: 14:00 before noon, 02:00 after), {@code 1 o'clock pm}, {@code + 1 hour}, {@code - 2 minutes},
 *       {@code + 4 seconds}, {@code + 4 milliseconds}, {@code next hour}, {@code last minute};
 *   <li>both: {@code today + 2 weeks @ 10 o'clock am}, {@code tomorrow @ midnight - 1 hour}.
 * </ul>
 *
 * <p>A time expression on its own (for a Time generator) may start with {@code @} or not. Words are case-insensitive; {@code +}/{@code -} may touch their neighbours ({@code tomorrow+ 4 years}).
 */
public final class DateExpressions {

    private static final Map<String, DayOfWeek> DAYS = Map.ofEntries(
            Map.entry("mon", DayOfWeek.MONDAY),
            Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("tues", DayOfWeek.TUESDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("thurs", DayOfWeek.THURSDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("fri", DayOfWeek.FRIDAY),
            Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("sat", DayOfWeek.SATURDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("sun", DayOfWeek.SUNDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY));

    private static final Map<String, Month> MONTHS = Map.ofEntries(
            Map.entry("jan", Month.JANUARY),
            Map.entry("january", Month.JANUARY),
            Map.entry("feb", Month.FEBRUARY),
            Map.entry("february", Month.FEBRUARY),
            Map.entry("mar", Month.MARCH),
            Map.entry("march", Month.MARCH),
            Map.entry("apr", Month.APRIL),
            Map.entry("april", Month.APRIL),
            Map.entry("may", Month.MAY),
            Map.entry("jun", Month.JUNE),
            Map.entry("june", Month.JUNE),
            Map.entry("jul", Month.JULY),
            Map.entry("july", Month.JULY),
            Map.entry("aug", Month.AUGUST),
            Map.entry("august", Month.AUGUST),
            Map.entry("sep", Month.SEPTEMBER),
            Map.entry("september", Month.SEPTEMBER),
            Map.entry("oct", Month.OCTOBER),
            Map.entry("october", Month.OCTOBER),
            Map.entry("nov", Month.NOVEMBER),
            Map.entry("november", Month.NOVEMBER),
            Map.entry("dec", Month.DECEMBER),
            Map.entry("december", Month.DECEMBER));

    private DateExpressions() {}

    /** Applies a date-time expression ({@code date @ time}; either part may be absent). */
    public static ZonedDateTime dateTime(ZonedDateTime base, String expression) {
        int at = expression.indexOf('@');
        if (at < 0) {
            return date(base, expression);
        }
        return time(date(base, expression.substring(0, at)), expression.substring(at + 1));
    }

    /** Applies a date expression; the time of day is kept. */
    public static ZonedDateTime date(ZonedDateTime base, String expression) {
        Tokens tokens = new Tokens(expression, "date");
        ZonedDateTime date = base;
        if (tokens.peekIs("now", "today")) {
            tokens.next();
        } else if (tokens.peekIs("yesterday")) {
            tokens.next();
            date = date.minusDays(1);
        } else if (tokens.peekIs("tomorrow")) {
            tokens.next();
            date = date.plusDays(1);
        }
        while (tokens.hasNext()) {
            String token = tokens.next();
            if (token.equals("+") || token.equals("-")) {
                long amount = tokens.number();
                String unit = tokens.next("a unit (day, week, month or year)");
                long signed = token.equals("+") ? amount : -amount;
                date = switch (unit) {
                    case "day", "days" -> date.plusDays(signed);
                    case "week", "weeks" -> date.plusWeeks(signed);
                    case "fortnight", "fortnights" -> date.plusWeeks(2 * signed);
                    case "month", "months" -> date.plusMonths(signed);
                    case "year", "years" -> date.plusYears(signed);
                    default -> throw tokens.error("a unit (day, week, month or year) but found '" + unit + "'");
                };
            } else if (token.equals("next") || token.equals("last")) {
                boolean next = token.equals("next");
                String what = tokens.next("day, week, month, year, fortnight, a weekday or a month");
                date = relative(date, what, next, tokens);
            } else {
                throw tokens.error("'+', '-', 'next' or 'last' but found '" + token + "'");
            }
        }
        return date;
    }

    private static ZonedDateTime relative(ZonedDateTime date, String what, boolean next, Tokens tokens) {
        int sign = next ? 1 : -1;
        switch (what) {
            case "day":
                return date.plusDays(sign);
            case "week":
                return date.plusWeeks(sign);
            case "fortnight":
                return date.plusWeeks(2L * sign);
            case "month":
                return date.plusMonths(sign);
            case "year":
                return date.plusYears(sign);
            default:
                break;
        }
        DayOfWeek day = DAYS.get(what);
        if (day != null) {
            return date.with(next ? TemporalAdjusters.next(day) : TemporalAdjusters.previous(day));
        }
        Month month = MONTHS.get(what);
        if (month != null) {
            ZonedDateTime first = date.withDayOfMonth(1);
            do {
                first = first.plusMonths(sign);
            } while (first.getMonth() != month);
            return first;
        }
        throw tokens.error("day, week, month, year, fortnight, a weekday or a month after '" + (next ? "next" : "last")
                + "' but found '" + what + "'");
    }

    /** Applies a time expression; the date is kept (a time past midnight rolls the date). */
    public static ZonedDateTime time(ZonedDateTime base, String expression) {
        String trimmed = expression.strip();
        Tokens tokens = new Tokens(trimmed.startsWith("@") ? trimmed.substring(1) : trimmed, "time");
        ZonedDateTime midnight = base.with(LocalTime.MIDNIGHT);
        ZonedDateTime noon = base.with(LocalTime.NOON);
        ZonedDateTime time = base;
        if (tokens.peekIs("now")) {
            tokens.next();
        } else if (tokens.peekIs("midnight")) {
            tokens.next();
            time = midnight;
        } else if (tokens.peekIs("noon")) {
            tokens.next();
            time = noon;
        } else if (tokens.peekIsNumber() && tokens.peekIs(1, "o'clock", "oclock")) {
            long hour = tokens.number();
            tokens.next();
            if (hour < 1 || hour > 12) {
                throw tokens.error("an hour from 1 to 12 but found " + hour);
            }
            if (tokens.peekIs("am")) {
                tokens.next();
                time = midnight.plusHours(hour);
            } else if (tokens.peekIs("pm")) {
                tokens.next();
                time = noon.plusHours(hour);
            } else {
                time = base.isBefore(noon) ? noon.plusHours(hour) : midnight.plusHours(hour);
            }
        }
        while (tokens.hasNext()) {
            String token = tokens.next();
            if (token.equals("+") || token.equals("-")) {
                long amount = tokens.number();
                String unit = tokens.next("a unit (hour, minute, second or millisecond)");
                time = time.plus(token.equals("+") ? amount : -amount, timeUnit(unit, tokens));
            } else if (token.equals("next") || token.equals("last")) {
                String unit = tokens.next("hour, minute, second or millisecond");
                time = time.plus(token.equals("next") ? 1 : -1, timeUnit(unit, tokens));
            } else {
                throw tokens.error("'+', '-', 'next' or 'last' but found '" + token + "'");
            }
        }
        return time;
    }

    private static ChronoUnit timeUnit(String unit, Tokens tokens) {
        return switch (unit) {
            case "hour", "hours" -> ChronoUnit.HOURS;
            case "minute", "minutes" -> ChronoUnit.MINUTES;
            case "second", "seconds" -> ChronoUnit.SECONDS;
            case "millisecond", "milliseconds" -> ChronoUnit.MILLIS;
            default -> throw tokens.error("a unit (hour, minute, second or millisecond) but found '" + unit + "'");
        };
    }

    private static final class Tokens {
        private final String expression;
        private final String kind;
        private final List<String> tokens = new ArrayList<>();
        private int index;

        Tokens(String expression, String kind) {
            this.expression = expression;
            this.kind = kind;
            String text = expression.toLowerCase(Locale.ROOT);
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '+' || c == '-') {
                    tokens.add(String.valueOf(c));
                    i++;
                } else if (Character.isDigit(c)) {
                    int start = i;
                    while (i < text.length() && Character.isDigit(text.charAt(i))) {
                        i++;
                    }
                    tokens.add(text.substring(start, i));
                } else if (Character.isLetter(c)) {
                    int start = i;
                    while (i < text.length() && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '\'')) {
                        i++;
                    }
                    tokens.add(text.substring(start, i));
                } else {
                    throw new IllegalArgumentException("'" + expression + "' is not a valid " + kind
                            + " expression: unexpected '" + c + "' at index " + i);
                }
            }
        }

        boolean hasNext() {
            return index < tokens.size();
        }

        String next() {
            return tokens.get(index++);
        }

        String next(String expected) {
            if (!hasNext()) {
                throw error(expected + " but the expression ended");
            }
            return next();
        }

        boolean peekIs(String... words) {
            return peekIs(0, words);
        }

        boolean peekIs(int ahead, String... words) {
            if (index + ahead >= tokens.size()) {
                return false;
            }
            String token = tokens.get(index + ahead);
            for (String word : words) {
                if (word.equals(token)) {
                    return true;
                }
            }
            return false;
        }

        boolean peekIsNumber() {
            return hasNext() && Character.isDigit(tokens.get(index).charAt(0));
        }

        long number() {
            String token = next("a number");
            if (!Character.isDigit(token.charAt(0))) {
                throw error("a number but found '" + token + "'");
            }
            return Long.parseLong(token);
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(
                    "'" + expression + "' is not a valid " + kind + " expression: expected " + what);
        }
    }
}
