package io.pactbroker.broker.webhooks;

import java.util.List;

/** The events a webhook can fire on, with the Pact Broker's names. */
public final class WebhookEvents {

    public static final String CONTRACT_PUBLISHED = "contract_published";
    public static final String CONTRACT_CONTENT_CHANGED = "contract_content_changed";
    public static final String CONTRACT_REQUIRING_VERIFICATION_PUBLISHED = "contract_requiring_verification_published";
    public static final String PROVIDER_VERIFICATION_PUBLISHED = "provider_verification_published";
    public static final String PROVIDER_VERIFICATION_SUCCEEDED = "provider_verification_succeeded";
    public static final String PROVIDER_VERIFICATION_FAILED = "provider_verification_failed";

    /** The event of a webhook created without events. */
    public static final String DEFAULT = CONTRACT_CONTENT_CHANGED;

    /** Every event, in the Pact Broker's order (the order its validation message lists them in). */
    public static final List<String> ALL = List.of(
            CONTRACT_PUBLISHED,
            CONTRACT_CONTENT_CHANGED,
            PROVIDER_VERIFICATION_PUBLISHED,
            PROVIDER_VERIFICATION_SUCCEEDED,
            PROVIDER_VERIFICATION_FAILED,
            CONTRACT_REQUIRING_VERIFICATION_PUBLISHED);

    /** The event name of a test execution ({@code POST /webhooks/{uuid}/execute}). */
    public static final String TEST = "test";

    private WebhookEvents() {}

    public static boolean isVerificationEvent(String name) {
        return name.startsWith("provider_verification_");
    }
}
