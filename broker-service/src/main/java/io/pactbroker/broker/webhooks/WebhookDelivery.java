package io.pactbroker.broker.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Delivers triggered webhooks for the dispatchers: claims due ones, and makes one attempt at a claimed one in three
 * steps, so that no transaction is open during the HTTP call: read what to send (a short transaction), send it (no
 * transaction), record the attempt and the next status (a short transaction, and only while the claim still holds).
 *
 * <p>After a failed attempt the webhook is retried on the schedule ({@code PACT_BROKER_WEBHOOK_RETRY_SCHEDULE}); after
 * the last attempt it has failed. A webhook that was deleted or disabled since it was triggered, or whose request the
 * whitelists no longer allow, fails at once without a request.
 */
@ApplicationScoped
public class WebhookDelivery {

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);

    @Inject
    TriggeredWebhookRepository triggered;

    @Inject
    WebhookRepository webhooks;

    @Inject
    WebhookExecutor executor;

    @Inject
    WebhookPolicy policy;

    /** How long a claim holds: long enough for the slowest attempt, short enough to recover a dead dispatcher soon. */
    public Duration lease() {
        return policy.settings().timeout().multipliedBy(2).plusSeconds(60);
    }

    public List<TriggeredWebhookRepository.Claim> claim(String owner, int max) {
        return QuarkusTransaction.requiringNew().call(() -> triggered.claimDue(owner, max, lease()));
    }

    public void release(List<TriggeredWebhookRepository.Claim> claims) {
        QuarkusTransaction.requiringNew().run(() -> triggered.release(claims));
    }

    /** Milliseconds until something is due (negative when overdue), null when nothing waits. */
    public Long millisUntilNextDue() {
        return QuarkusTransaction.requiringNew().call(() -> triggered.millisUntilNextDue());
    }

    /** What one attempt came to. */
    public enum Outcome {
        SUCCESS,
        RETRYING,
        FAILURE,
        /** The claim was lost (the lease expired and another dispatcher took over, or the row is gone). */
        LOST
    }

    private record Prepared(TriggeredWebhookRepository.Due due, Optional<Webhook> webhook) {}

    public Outcome deliver(TriggeredWebhookRepository.Claim claim) {
        Optional<Prepared> prepared = QuarkusTransaction.requiringNew().call(() -> triggered
                .due(claim)
                .map(due -> new Prepared(
                        due, due.webhookId() == null ? Optional.empty() : webhooks.findById(due.webhookId()))));
        if (prepared.isEmpty()) {
            return Outcome.LOST;
        }
        TriggeredWebhookRepository.Due due = prepared.get().due();
        WebhookSettings settings = policy.settings();
        String base = due.eventContext().path("base_url").asText("");
        Optional<String> refusal = refusal(prepared.get().webhook(), due, settings);
        if (refusal.isPresent()) {
            ExecutionLog log = new ExecutionLog();
            log.info(refusal.get());
            LOG.infof("Triggered webhook %s not executed: %s", due.uuid(), refusal.get());
            return record(claim, false, log.toString(), TriggeredWebhook.FAILURE, null);
        }
        Webhook webhook = prepared.get().webhook().orElseThrow();
        int attempt = due.attemptsMade() + 1;
        boolean retry = attempt < settings.maxAttempts();
        Duration retryIn = retry ? settings.retrySchedule().get(due.attemptsMade()) : null;
        WebhookExecutor.Messages messages = new WebhookExecutor.Messages(
                "Successfully executed webhook",
                retry
                        ? "Retrying webhook in " + seconds(retryIn) + " seconds"
                        : "Webhook execution failed after " + settings.maxAttempts() + " attempts");
        WebhookExecutor.Result result;
        try {
            result = executor.execute(
                    WebhookTemplate.render(webhook.request(), parameters(due.eventContext())),
                    webhook.uuid(),
                    logContext(due.eventContext()),
                    base,
                    settings,
                    messages);
        } catch (RuntimeException e) {
            // a request that cannot even be built (a rendered URL that is not one) is a failed attempt
            ExecutionLog log = new ExecutionLog();
            log.error("Error executing webhook " + webhook.uuid() + " " + WebhookExecutor.describe(e));
            log.info(messages.failure());
            return record(
                    claim,
                    false,
                    log.toString(),
                    retry ? TriggeredWebhook.RETRYING : TriggeredWebhook.FAILURE,
                    retryIn);
        }
        if (result.success()) {
            return record(claim, true, result.logs(), TriggeredWebhook.SUCCESS, null);
        }
        return record(
                claim, false, result.logs(), retry ? TriggeredWebhook.RETRYING : TriggeredWebhook.FAILURE, retryIn);
    }

    private Outcome record(
            TriggeredWebhookRepository.Claim claim, boolean success, String logs, String status, Duration retryIn) {
        boolean recorded =
                QuarkusTransaction.requiringNew().call(() -> triggered.record(claim, success, logs, status, retryIn));
        if (!recorded) {
            LOG.infof("The claim on triggered webhook %d was lost before its attempt was recorded", claim.id());
            return Outcome.LOST;
        }
        return switch (status) {
            case TriggeredWebhook.SUCCESS -> Outcome.SUCCESS;
            case TriggeredWebhook.RETRYING -> Outcome.RETRYING;
            default -> Outcome.FAILURE;
        };
    }

    /** Why the webhook must not be sent, if it must not. */
    static Optional<String> refusal(
            Optional<Webhook> webhook, TriggeredWebhookRepository.Due due, WebhookSettings settings) {
        if (webhook.isEmpty()) {
            return Optional.of("Webhook with uuid " + due.webhookUuid()
                    + " cannot be executed as it has been deleted. Marking triggered webhook as failed.");
        }
        Webhook w = webhook.get();
        if (!w.enabled()) {
            return Optional.of("Webhook with uuid " + w.uuid() + " is disabled. Marking triggered webhook as failed.");
        }
        Optional<String> method = WebhookRequest.methodProblem(w.request().method(), settings);
        if (method.isPresent()) {
            return Optional.of("Webhook with uuid " + w.uuid() + " was not executed: its HTTP method "
                    + w.request().method() + " " + method.get() + " (the webhook whitelists changed since it was"
                    + " saved).");
        }
        Optional<String> url = WebhookRequest.urlProblem(w.request().url(), settings);
        return url.map(problem -> "Webhook with uuid " + w.uuid() + " was not executed: its URL " + problem
                + " (the webhook whitelists changed since it was saved).");
    }

    static Map<String, String> parameters(ObjectNode context) {
        Map<String, String> parameters = new LinkedHashMap<>();
        JsonNode p = context.path("parameters");
        p.fields().forEachRemaining(f -> parameters.put(f.getKey(), f.getValue().asText()));
        return parameters;
    }

    /** The context as the Pact Broker logs it: without the parameter values worked out from it. */
    static String logContext(ObjectNode context) {
        ObjectNode copy = context.deepCopy();
        copy.remove("parameters");
        return copy.toString();
    }

    static String seconds(Duration d) {
        return new BigDecimal(d.toMillis())
                .movePointLeft(3)
                .stripTrailingZeros()
                .toPlainString();
    }
}
