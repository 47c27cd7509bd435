package io.pactbroker.broker.integrations;

import io.pactbroker.broker.index.IndexRelation;
import io.pactbroker.broker.index.IndexRelations;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The index relation of integrations, with the Pact Broker's title. */
@ApplicationScoped
public class IntegrationIndexRelations implements IndexRelations {

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<IndexRelation> relations() {
        return List.of(new IndexRelation("pb:integrations", "/integrations", "Integrations", false));
    }
}
