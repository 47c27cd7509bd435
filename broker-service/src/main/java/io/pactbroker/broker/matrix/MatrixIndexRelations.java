package io.pactbroker.broker.matrix;

import io.pactbroker.broker.index.IndexRelation;
import io.pactbroker.broker.index.IndexRelations;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The index relations of can-i-deploy, with the Pact Broker's titles. */
@ApplicationScoped
public class MatrixIndexRelations implements IndexRelations {

    @Override
    public int order() {
        return 70;
    }

    @Override
    public List<IndexRelation> relations() {
        return List.of(
                new IndexRelation(
                        "pb:can-i-deploy-pacticipant-version-to-tag",
                        "/can-i-deploy?pacticipant={pacticipant}&version={version}&to={tag}",
                        "Determine if an application version can be safely deployed to an environment identified by"
                                + " the given tag",
                        true),
                new IndexRelation(
                        "pb:can-i-deploy-pacticipant-version-to-environment",
                        "/can-i-deploy?pacticipant={pacticipant}&version={version}&environment={environment}",
                        "Determine if an application version can be safely deployed to an environment",
                        true));
    }
}
