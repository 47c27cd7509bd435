package io.pactbroker.broker.versions;

import io.pactbroker.broker.index.IndexRelation;
import io.pactbroker.broker.index.IndexRelations;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The index relations of versions, branches and tags, with the Pact Broker's titles. */
@ApplicationScoped
public class VersionIndexRelations implements IndexRelations {

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<IndexRelation> relations() {
        return List.of(
                new IndexRelation(
                        "pb:latest-version",
                        "/pacticipants/{pacticipant}/latest-version",
                        "Latest pacticipant version",
                        true),
                new IndexRelation(
                        "pb:latest-tagged-version",
                        "/pacticipants/{pacticipant}/latest-version/{tag}",
                        "Latest pacticipant version with the specified tag",
                        true),
                new IndexRelation(
                        "pb:pacticipant-version-tag",
                        "/pacticipants/{pacticipant}/versions/{version}/tags/{tag}",
                        "Get, create or delete a tag for a pacticipant version",
                        true),
                new IndexRelation(
                        "pb:pacticipant-branch",
                        "/pacticipants/{pacticipant}/branches/{branch}",
                        "Get or delete a pacticipant branch",
                        true),
                new IndexRelation(
                        "pb:pacticipant-branch-version",
                        "/pacticipants/{pacticipant}/branches/{branch}/versions/{version}",
                        "Get or add/create a pacticipant version for a branch",
                        true),
                new IndexRelation(
                        "pb:pacticipant-version",
                        "/pacticipants/{pacticipant}/versions/{version}",
                        "Get, create or delete a pacticipant version",
                        true));
    }
}
