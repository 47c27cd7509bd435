package io.pactbroker.broker.pacticipants;

import io.pactbroker.broker.index.IndexRelation;
import io.pactbroker.broker.index.IndexRelations;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The index relations of pacticipants, with the Pact Broker's titles. */
@ApplicationScoped
public class PacticipantIndexRelations implements IndexRelations {

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<IndexRelation> relations() {
        return List.of(
                new IndexRelation("pb:pacticipants", "/pacticipants", "Pacticipants", false),
                new IndexRelation("pb:pacticipant", "/pacticipants/{pacticipant}", "Fetch pacticipant by name", true));
    }
}
