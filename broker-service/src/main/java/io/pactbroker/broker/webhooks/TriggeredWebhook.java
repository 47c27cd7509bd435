package io.pactbroker.broker.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;

/**
 * A webhook triggered by an event: the outbox row the dispatchers deliver, with its status ({@code not_run},
 * {@code retrying}, {@code success}, {@code failure}) and attempts.
 *
 * @param uuid the identifier of its logs ({@code /triggered-webhooks/{uuid}/logs})
 * @param webhookId the webhook, null once it has been deleted
 * @param requestDescription "POST example.org" of the webhook, null once it has been deleted
 * @param eventContext what the event was (the Pact Broker's webhook context) and the template parameters' values
 * @param nextAttemptAt when the next attempt is due, null when finished
 */
public record TriggeredWebhook(
        Long id,
        String uuid,
        String triggerType,
        String eventName,
        Long pactPublicationId,
        Long verificationId,
        Long webhookId,
        String webhookUuid,
        String requestDescription,
        Long consumerId,
        String consumerName,
        Long providerId,
        String providerName,
        String status,
        int attemptsMade,
        OffsetDateTime nextAttemptAt,
        ObjectNode eventContext,
        OffsetDateTime createdAt) {

    public static final String NOT_RUN = "not_run";
    public static final String RETRYING = "retrying";
    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";

    public static final String RESOURCE_CREATION = "resource_creation";

    public boolean finished() {
        return SUCCESS.equals(status) || FAILURE.equals(status);
    }

    /** Attempts left: none once finished, else what the retry schedule still allows. */
    public int attemptsRemaining(int maxAttempts) {
        return finished() ? 0 : Math.max(0, maxAttempts - attemptsMade);
    }

    /** One attempt to deliver it, with its logs. */
    public record Execution(Long id, boolean success, String logs, OffsetDateTime createdAt) {}
}
