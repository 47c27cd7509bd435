package io.pactbroker.broker.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The webhook settings in force, read from configuration once. Tests replace this bean (with {@code QuarkusMock}) to
 * vary the whitelists or the retry schedule without restarting the broker.
 */
@ApplicationScoped
public class WebhookPolicy {

    @Inject
    WebhookConfig config;

    private volatile WebhookSettings settings;

    public WebhookPolicy() {}

    /** A policy with the given settings (for tests). */
    public WebhookPolicy(WebhookSettings settings) {
        this.settings = settings;
    }

    public WebhookSettings settings() {
        WebhookSettings s = settings;
        if (s == null) {
            s = WebhookSettings.from(config);
            settings = s;
        }
        return s;
    }
}
