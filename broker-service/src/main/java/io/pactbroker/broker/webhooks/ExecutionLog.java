package io.pactbroker.broker.webhooks;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The log of one webhook attempt, in the Pact Broker's format ({@code [2021-09-01T10:07:21Z] INFO: HTTP/1.1 POST ...}),
 * with secrets replaced by stars and its size capped, as stored in {@code webhook_executions.logs} and shown at
 * {@code /triggered-webhooks/{uuid}/logs}.
 */
final class ExecutionLog {

    /** The most characters one attempt's log keeps. */
    static final int MAX_CHARS = 64 * 1024;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder text = new StringBuilder();
    private final List<String> secrets = new ArrayList<>();

    void debug(String message) {
        line("DEBUG", message);
    }

    void info(String message) {
        line("INFO", message);
    }

    void error(String message) {
        line("ERROR", message);
    }

    /** A value that must never appear in the log (a password, a token): replaced by stars wherever it occurs. */
    void secret(String value) {
        if (value != null && !value.isBlank()) {
            secrets.add(value);
        }
    }

    private void line(String level, String message) {
        text.append('[')
                .append(TIME.format(Instant.now()))
                .append("] ")
                .append(level)
                .append(": ")
                .append(message)
                .append('\n');
    }

    @Override
    public String toString() {
        String result = text.toString();
        // longest first, so a secret containing another is replaced whole
        for (String s : secrets.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList()) {
            result = result.replace(s, "********");
        }
        if (result.length() > MAX_CHARS) {
            int removed = result.length() - MAX_CHARS;
            result = result.substring(0, MAX_CHARS) + "\n... (" + removed + " more characters not kept)\n";
        }
        return result;
    }
}
