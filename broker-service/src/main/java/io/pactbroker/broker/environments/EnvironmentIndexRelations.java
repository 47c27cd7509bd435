package io.pactbroker.broker.environments;

import io.pactbroker.broker.index.IndexRelation;
import io.pactbroker.broker.index.IndexRelations;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The index relations of environments, with the Pact Broker's titles. */
@ApplicationScoped
public class EnvironmentIndexRelations implements IndexRelations {

    @Override
    public int order() {
        return 80;
    }

    @Override
    public List<IndexRelation> relations() {
        return List.of(
                new IndexRelation("pb:environments", "/environments", "Environments", false),
                new IndexRelation("pb:environment", "/environments/{uuid}", "Environment", true));
    }
}
