package io.pactbroker.broker.webhooks;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Dates;
import io.pactbroker.broker.common.hal.Link;
import io.pactbroker.broker.common.hal.Links;
import io.pactbroker.broker.pacts.PactRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Triggered webhooks, their logs and a pact's webhook status, as the Pact Broker shows them. */
public final class TriggeredWebhookRepresentation {

    private TriggeredWebhookRepresentation() {}

    /**
     * One triggered webhook: {@code name} ("POST example.org", absent once the webhook is deleted), {@code status},
     * attempts made and remaining, and (not in the Pact Broker) {@code nextAttemptAt} while it waits for a retry.
     */
    public static Map<String, Object> from(TriggeredWebhook t, int maxAttempts, BrokerUrls urls) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (t.requestDescription() != null) {
            body.put("name", t.requestDescription());
        }
        body.put("status", t.status());
        body.put("attemptsMade", t.attemptsMade());
        body.put("attemptsRemaining", t.attemptsRemaining(maxAttempts));
        body.put("triggerType", t.triggerType());
        body.put("eventName", t.eventName());
        body.put("triggeredAt", Dates.format(t.createdAt()));
        if (!t.finished() && t.nextAttemptAt() != null) {
            body.put("nextAttemptAt", Dates.format(t.nextAttemptAt()));
        }
        Links links = Links.create()
                .add(
                        "pb:logs",
                        new Link(
                                urls.triggeredWebhookLogs(t.uuid()),
                                "Webhook execution logs",
                                t.requestDescription(),
                                null))
                .add(
                        "logs",
                        new Link(
                                urls.triggeredWebhookLogs(t.uuid()),
                                "DEPRECATED - Use pb:logs",
                                t.requestDescription(),
                                null));
        if (t.webhookId() != null) {
            links.add("pb:webhook", new Link(urls.webhook(t.webhookUuid()), "Webhook", t.requestDescription(), null));
        }
        body.put("_links", links.build());
        return body;
    }

    /** The webhooks a publication or verification triggered. */
    public static Map<String, Object> list(
            List<TriggeredWebhook> list, int maxAttempts, String title, String selfUrl, BrokerUrls urls) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "_embedded",
                Map.of(
                        "triggeredWebhooks",
                        list.stream().map(t -> from(t, maxAttempts, urls)).toList()));
        body.put("_links", Map.of("self", Link.of(selfUrl, title)));
        return body;
    }

    /** {@code /pacts/provider/{p}/consumer/{c}/webhooks/status}. */
    public static Map<String, Object> status(WebhookService.Status status, int maxAttempts, BrokerUrls urls) {
        long success = count(status.triggered(), TriggeredWebhook.SUCCESS);
        long failure = count(status.triggered(), TriggeredWebhook.FAILURE);
        long retrying = count(status.triggered(), TriggeredWebhook.RETRYING);
        long notRun = count(status.triggered(), TriggeredWebhook.NOT_RUN);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("successful", success);
        summary.put("failed", failure);
        if (retrying > 0) {
            summary.put("retrying", retrying);
        }
        if (notRun > 0) {
            summary.put("notRun", notRun);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("summary", summary);
        body.put(
                "_embedded",
                Map.of(
                        "triggeredWebhooks",
                        status.triggered().stream()
                                .map(t -> from(t, maxAttempts, urls))
                                .toList()));
        String consumer = status.consumerName();
        String provider = status.providerName();
        Links links = Links.create()
                .add("self", Link.of(urls.pactWebhooksStatus(provider, consumer), "Webhooks status"))
                .add(
                        "pb:error-logs",
                        status.triggered().stream()
                                .filter(t -> TriggeredWebhook.FAILURE.equals(t.status())
                                        || TriggeredWebhook.RETRYING.equals(t.status()))
                                .map(t -> new Link(
                                        urls.triggeredWebhookLogs(t.uuid()),
                                        "Error logs",
                                        t.requestDescription(),
                                        null))
                                .toList())
                .add(
                        "pb:pact-webhooks",
                        Link.of(
                                urls.pactWebhooks(provider, consumer),
                                "Webhooks for the pact between " + consumer + " and " + provider));
        PactRow pact = status.pact();
        if (pact != null && !status.triggered().isEmpty()) {
            links.add(
                    "pb:pact-version",
                    Link.of(urls.pact(provider, consumer, pact.consumerVersionNumber()), "Pact", pact.name()));
        }
        links.add("pb:consumer", Link.of(urls.pacticipant(consumer), "Consumer", consumer))
                .add("pb:provider", Link.of(urls.pacticipant(provider), "Provider", provider));
        body.put("_links", links.build());
        return body;
    }

    /** The logs of a triggered webhook as JSON: every attempt, oldest first. */
    public static Map<String, Object> logs(WebhookService.Logs logs, int maxAttempts, BrokerUrls urls) {
        TriggeredWebhook t = logs.triggered();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventName", t.eventName());
        body.put("consumerName", t.consumerName());
        body.put("providerName", t.providerName());
        body.put("status", t.status());
        body.put("attemptsMade", t.attemptsMade());
        body.put("attemptsRemaining", t.attemptsRemaining(maxAttempts));
        body.put(
                "executions",
                logs.executions().stream()
                        .map(e -> {
                            Map<String, Object> x = new LinkedHashMap<>();
                            x.put("success", e.success());
                            x.put("logs", e.logs());
                            x.put("createdAt", Dates.format(e.createdAt()));
                            return x;
                        })
                        .toList());
        body.put("_embedded", Map.of("triggeredWebhook", Map.of("uuid", t.uuid())));
        Links links =
                Links.create().add("self", Link.of(urls.triggeredWebhookLogs(t.uuid()), "Triggered webhook logs"));
        if (t.webhookId() != null) {
            links.add("pb:webhook", Link.of(urls.webhook(t.webhookUuid()), "Webhook"));
        }
        body.put("_links", links.build());
        return body;
    }

    /** The logs as text: every attempt's, or a note that there has been none yet. */
    public static String text(WebhookService.Logs logs) {
        if (logs.executions().isEmpty()) {
            return "Webhook has not executed yet. Please retry in a few seconds.";
        }
        return String.join(
                "\n",
                logs.executions().stream().map(TriggeredWebhook.Execution::logs).toList());
    }

    /**
     * The result of a test run: the request as sent (secrets redacted), and the response only when a host
     * whitelist is configured (otherwise a {@code message} saying why not), the logs and whether it succeeded.
     */
    public static Map<String, Object> testRun(WebhookService.TestRun run, String selfUrl, BrokerUrls urls) {
        WebhookExecutor.Result r = run.result();
        Map<String, Object> body = new LinkedHashMap<>();
        if (run.showResponse() && r.error() != null) {
            body.put("error", Map.of("message", r.error()));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        r.request().headers().forEach(h -> headers.put(h.name(), h.value()));
        request.put("headers", headers);
        if (r.request().body() != null) {
            request.put("body", parseOrText(r.request().body()));
        }
        request.put("url", pathOf(r.request().url()));
        body.put("request", request);
        if (run.showResponse() && r.response() != null) {
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("status", r.response().status());
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            r.response().headers().forEach(h -> responseHeaders.put(h.name(), h.value()));
            response.put("headers", responseHeaders);
            response.put("body", parseOrText(r.response().body()));
            body.put("response", response);
        }
        if (!run.showResponse()) {
            body.put("message", WebhookExecutor.hiddenResponseMessage(urls.base()));
        }
        body.put("logs", r.logs());
        body.put("success", r.success());
        Links links = Links.create();
        if (run.webhook().uuid() != null) {
            links.add("webhook", Link.of(urls.webhook(run.webhook().uuid())));
        }
        links.add("try-again", Link.of(selfUrl, "Execute the webhook again"));
        body.put("_links", links.build());
        return body;
    }

    private static Object parseOrText(String text) {
        return io.pactbroker.broker.common.json.JsonBodies.parse(text)
                .map(n -> (Object) n)
                .orElse(text);
    }

    /** The path and query of a URL, as the Pact Broker shows the request of a test run. */
    private static String pathOf(String url) {
        try {
            java.net.URI uri = new java.net.URI(url);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (java.net.URISyntaxException e) {
            return url;
        }
    }

    private static long count(List<TriggeredWebhook> list, String status) {
        return list.stream().filter(t -> status.equals(t.status())).count();
    }
}
