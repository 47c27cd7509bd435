package io.pactbroker.broker.pacts;

import io.pactbroker.broker.index.IndexRelation;
import io.pactbroker.broker.index.IndexRelations;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The index relations of publishing and reading pacts, with the Pact Broker's titles. */
@ApplicationScoped
public class PactIndexRelations implements IndexRelations {

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<IndexRelation> relations() {
        return List.of(
                new IndexRelation(
                        "pb:publish-pact",
                        "/pacts/provider/{provider}/consumer/{consumer}/version/{consumerApplicationVersion}",
                        "Publish a pact",
                        true),
                new IndexRelation("pb:publish-contracts", "/contracts/publish", "Publish contracts", false),
                new IndexRelation("pb:latest-pact-versions", "/pacts/latest", "Latest pact versions", false),
                // The Pact Broker marks this one as not templated although it is; kept as it is for compatibility.
                new IndexRelation(
                        "pb:tagged-pact-versions",
                        "/pacts/provider/{provider}/consumer/{consumer}/tag/{tag}",
                        "All versions of a pact for a given consumer, provider and consumer version tag",
                        false),
                new IndexRelation(
                        "pb:branch-pact-versions",
                        "/pacts/provider/{provider}/consumer/{consumer}/branch/{branch}",
                        "All versions of pacts for a provider, for a named consumers branch",
                        true),
                new IndexRelation(
                        "pb:latest-branch-pact-versions",
                        "/pacts/provider/{provider}/consumer/{consumer}/branch/{branch}/latest/versions",
                        "Latest version of pact for a provider, for a named consumers branch",
                        true),
                new IndexRelation(
                        "pb:main-branch-pact-versions",
                        "/pacts/provider/{provider}/consumer/{consumer}/branch/versions",
                        "All versions of pacts for a provider, for a named consumers main branch",
                        true),
                new IndexRelation(
                        "pb:latest-main-branch-pact-versions",
                        "/pacts/provider/{provider}/consumer/{consumer}/branch/latest/versions",
                        "Latest version of pact for a provider, for a named consumers main branch",
                        true),
                new IndexRelation(
                        "pb:provider-pacts-with-main-branch",
                        "/pacts/provider/{provider}/branch",
                        "All pacts for a provider, for any consumers main branch",
                        true),
                new IndexRelation(
                        "pb:provider-pacts-with-branch",
                        "/pacts/provider/{provider}/branch/{branch}",
                        "All pacts for a provider, for any consumers named branch",
                        true),
                new IndexRelation(
                        "pb:latest-provider-pacts-with-main-branch",
                        "/pacts/provider/{provider}/branch/latest",
                        "Latest pact for a provider, for any consumers main branch",
                        true),
                new IndexRelation(
                        "pb:latest-provider-pacts-with-branch",
                        "/pacts/provider/{provider}/branch/{branch}/latest",
                        "Latest pacts for a provider, for any consumers named branch",
                        true),
                new IndexRelation(
                        "pb:latest-provider-pacts",
                        "/pacts/provider/{provider}/latest",
                        "Latest pacts by provider",
                        true),
                new IndexRelation(
                        "pb:latest-provider-pacts-with-tag",
                        "/pacts/provider/{provider}/latest/{tag}",
                        "Latest pacts for provider with the specified tag",
                        true),
                new IndexRelation(
                        "pb:provider-pacts-with-tag",
                        "/pacts/provider/{provider}/tag/{tag}",
                        "All pact versions for the provider with the specified consumer version tag",
                        true),
                new IndexRelation(
                        "pb:provider-pacts",
                        "/pacts/provider/{provider}",
                        "All pact versions for the specified provider",
                        true));
    }
}
