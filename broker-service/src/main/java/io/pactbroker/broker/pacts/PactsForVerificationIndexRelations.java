package io.pactbroker.broker.pacts;

import io.pactbroker.broker.index.IndexRelation;
import io.pactbroker.broker.index.IndexRelations;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The index relations of pacts for verification, with the Pact Broker's titles (and its {@code beta:} alias). */
@ApplicationScoped
public class PactsForVerificationIndexRelations implements IndexRelations {

    @Override
    public int order() {
        return 90;
    }

    @Override
    public List<IndexRelation> relations() {
        return List.of(
                new IndexRelation(
                        "pb:provider-pacts-for-verification",
                        "/pacts/provider/{provider}/for-verification",
                        "Pact versions to be verified for the specified provider",
                        true),
                new IndexRelation(
                        "beta:provider-pacts-for-verification",
                        "/pacts/provider/{provider}/for-verification",
                        "DEPRECATED - please use pb:provider-pacts-for-verification",
                        true,
                        "beta"));
    }
}
