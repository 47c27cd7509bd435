package io.pactbroker.broker.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Webhook settings, with the Pact Broker's environment names ({@code PACT_BROKER_WEBHOOK_RETRY_SCHEDULE},
 * {@code PACT_BROKER_WEBHOOK_HOST_WHITELIST}, ...). Lists are space-delimited, as the Pact Broker reads them; a host
 * whitelist entry written {@code /like this/} is a regular expression. See docs/configuration.md and docs/webhooks.md.
 */
@ConfigMapping(prefix = "pact-broker")
public interface WebhookConfig {

    /** Seconds to wait before each retry after a failed attempt: one attempt plus one per entry. */
    @WithDefault("10 60 120 300 600 1200")
    String webhookRetrySchedule();

    /** The HTTP methods a webhook may use. */
    @WithDefault("POST")
    String webhookHttpMethodWhitelist();

    /** The URL schemes a webhook may use. */
    @WithDefault("https")
    String webhookSchemeWhitelist();

    /** The hosts a webhook may call (none: any host, but responses are not shown in logs). */
    Optional<String> webhookHostWhitelist();

    /** The response statuses that count as success. */
    @WithDefault("200 201 202 203 204 205 206")
    String webhookHttpCodeSuccess();

    /** Redact authorization and token headers in execution logs. */
    @WithDefault("true")
    boolean webhookRedactSensitiveData();

    /** Accept any TLS certificate and host name when calling webhooks (for self-signed certificates in tests). */
    @WithDefault("false")
    boolean disableSslVerification();

    /** The User-Agent of webhook requests. */
    @WithDefault("Pact Broker")
    String userAgent();

    /** Seconds allowed to connect, and again to receive the response, for each webhook request. */
    @WithDefault("15")
    int webhookTimeout();

    /** Whether this broker instance delivers webhooks (every replica may, safely). */
    @WithDefault("true")
    boolean webhookDispatcherEnabled();

    /** How many webhook requests one instance makes at the same time. */
    @WithDefault("4")
    int webhookDispatcherThreads();

    /** The longest an idle dispatcher waits before looking for due webhooks without being notified, in seconds. */
    @WithDefault("30")
    int webhookPollInterval();
}
