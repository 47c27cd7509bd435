package io.pactbroker.broker.webhooks;

import io.pactbroker.broker.index.IndexRelation;
import io.pactbroker.broker.index.IndexRelations;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The index relations of webhooks, with the Pact Broker's titles, between the versions' and integrations'. */
@ApplicationScoped
public class WebhookIndexRelations implements IndexRelations {

    @Override
    public int order() {
        return 35;
    }

    @Override
    public List<IndexRelation> relations() {
        return List.of(
                new IndexRelation("pb:webhooks", "/webhooks", "Webhooks", false),
                new IndexRelation("pb:webhook", "/webhooks/{uuid}", "Webhook", true));
    }
}
