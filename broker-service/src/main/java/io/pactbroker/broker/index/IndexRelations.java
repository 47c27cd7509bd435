package io.pactbroker.broker.index;

import java.util.List;

/**
 * The index relations one feature contributes. Each feature declares the relations of its resources in a bean
 * implementing this, so the index shows a relation exactly when its resource exists, and features landing in
 * parallel never edit the same list.
 *
 * <pre>{@code
 * @ApplicationScoped
 * class VerificationIndexRelations implements IndexRelations {
 *     public List<IndexRelation> relations() {
 *         return List.of(new IndexRelation("pb:provider-pacts-for-verification",
 *                 "/pacts/provider/{provider}/for-verification",
 *                 "Pact versions to be verified for the specified provider", true));
 *     }
 * }
 * }</pre>
 */
public interface IndexRelations {

    /** Where the feature's relations appear in the index, lowest first (the Pact Broker's order). */
    default int order() {
        return 100;
    }

    List<IndexRelation> relations();
}
