package io.pactbroker.broker.webhooks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The webhook settings in force, parsed from {@link WebhookConfig}: what webhooks may call, what counts as success,
 * and how often a failed one is retried.
 *
 * @param retrySchedule the wait before each retry; a triggered webhook gets {@code retrySchedule.size() + 1} attempts
 * @param httpMethods the allowed HTTP methods, upper case
 * @param schemes the allowed URL schemes, lower case
 * @param hosts the allowed hosts; empty allows any host but keeps responses out of the logs
 * @param successCodes the response statuses that count as success
 * @param redactSensitiveData redact authorization and token headers (and credentials) in logs
 * @param disableSslVerification accept any certificate and host name
 * @param timeout allowed to connect, and again to receive the response
 * @param userAgent the User-Agent header of webhook requests
 */
public record WebhookSettings(
        List<Duration> retrySchedule,
        List<String> httpMethods,
        List<String> schemes,
        HostWhitelist hosts,
        Set<Integer> successCodes,
        boolean redactSensitiveData,
        boolean disableSslVerification,
        Duration timeout,
        String userAgent) {

    /** The Pact Broker's defaults. */
    public static WebhookSettings defaults() {
        return new WebhookSettings(
                seconds("10 60 120 300 600 1200"),
                List.of("POST"),
                List.of("https"),
                HostWhitelist.of(List.of()),
                codes("200 201 202 203 204 205 206"),
                true,
                false,
                Duration.ofSeconds(15),
                "Pact Broker");
    }

    public static WebhookSettings from(WebhookConfig config) {
        return new WebhookSettings(
                seconds(config.webhookRetrySchedule()),
                items(config.webhookHttpMethodWhitelist()).stream()
                        .map(m -> m.toUpperCase(Locale.ROOT))
                        .toList(),
                items(config.webhookSchemeWhitelist()).stream()
                        .map(s -> s.toLowerCase(Locale.ROOT))
                        .toList(),
                HostWhitelist.parse(config.webhookHostWhitelist().orElse("")),
                codes(config.webhookHttpCodeSuccess()),
                config.webhookRedactSensitiveData(),
                config.disableSslVerification(),
                Duration.ofSeconds(Math.max(1, config.webhookTimeout())),
                config.userAgent());
    }

    public WebhookSettings withSchemes(String... values) {
        return new WebhookSettings(
                retrySchedule,
                httpMethods,
                List.of(values),
                hosts,
                successCodes,
                redactSensitiveData,
                disableSslVerification,
                timeout,
                userAgent);
    }

    public WebhookSettings withHttpMethods(String... values) {
        return new WebhookSettings(
                retrySchedule,
                List.of(values),
                schemes,
                hosts,
                successCodes,
                redactSensitiveData,
                disableSslVerification,
                timeout,
                userAgent);
    }

    public WebhookSettings withHosts(String... values) {
        return new WebhookSettings(
                retrySchedule,
                httpMethods,
                schemes,
                HostWhitelist.of(List.of(values)),
                successCodes,
                redactSensitiveData,
                disableSslVerification,
                timeout,
                userAgent);
    }

    public WebhookSettings withRetrySchedule(Duration... values) {
        return new WebhookSettings(
                List.of(values),
                httpMethods,
                schemes,
                hosts,
                successCodes,
                redactSensitiveData,
                disableSslVerification,
                timeout,
                userAgent);
    }

    public WebhookSettings withSuccessCodes(Integer... values) {
        return new WebhookSettings(
                retrySchedule,
                httpMethods,
                schemes,
                hosts,
                Set.of(values),
                redactSensitiveData,
                disableSslVerification,
                timeout,
                userAgent);
    }

    public WebhookSettings withRedaction(boolean value) {
        return new WebhookSettings(
                retrySchedule,
                httpMethods,
                schemes,
                hosts,
                successCodes,
                value,
                disableSslVerification,
                timeout,
                userAgent);
    }

    public WebhookSettings withTimeout(Duration value) {
        return new WebhookSettings(
                retrySchedule,
                httpMethods,
                schemes,
                hosts,
                successCodes,
                redactSensitiveData,
                disableSslVerification,
                value,
                userAgent);
    }

    /** The number of attempts a triggered webhook gets: the first, and one per retry. */
    public int maxAttempts() {
        return retrySchedule.size() + 1;
    }

    /** Whether responses may be shown in logs: only when a host whitelist limits where webhooks go. */
    public boolean showResponses() {
        return !hosts.isEmpty();
    }

    /** The words of a space-delimited list (the host whitelist: its regular expressions may contain commas). */
    static List<String> words(String value) {
        return split(value, "\\s+");
    }

    /** The items of a list delimited by spaces or commas. */
    static List<String> items(String value) {
        return split(value, "[\\s,]+");
    }

    private static List<String> split(String value, String delimiter) {
        List<String> words = new ArrayList<>();
        if (value == null) {
            return words;
        }
        for (String w : value.trim().split(delimiter)) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** Seconds, whole or decimal ({@code "10 60 120"}, {@code "0.5 1"}). */
    static List<Duration> seconds(String value) {
        List<Duration> list = new ArrayList<>();
        for (String w : items(value)) {
            try {
                double s = Double.parseDouble(w);
                if (s < 0 || Double.isNaN(s) || Double.isInfinite(s)) {
                    throw new NumberFormatException(w);
                }
                list.add(Duration.ofMillis(Math.round(s * 1000)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "PACT_BROKER_WEBHOOK_RETRY_SCHEDULE must be space-delimited seconds, like \"10 60 120\"; got "
                                + value,
                        e);
            }
        }
        return List.copyOf(list);
    }

    static Set<Integer> codes(String value) {
        Set<Integer> set = new LinkedHashSet<>();
        for (String w : items(value)) {
            try {
                set.add(Integer.parseInt(w));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "PACT_BROKER_WEBHOOK_HTTP_CODE_SUCCESS must be space-delimited status codes, like \"200 201\";"
                                + " got " + value,
                        e);
            }
        }
        return Set.copyOf(set);
    }
}
