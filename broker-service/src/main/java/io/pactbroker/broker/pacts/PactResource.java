package io.pactbroker.broker.pacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Hal;
import io.pactbroker.broker.common.json.JsonBodies;
import io.pactbroker.broker.common.problem.NotFoundException;
import io.pactbroker.broker.pacticipants.Pacticipant;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Publishing and reading pacts in every way the Pact Broker offers. */
@Path("/pacts")
public class PactResource {

    @Inject
    PactService pacts;

    @Inject
    BrokerUrls urls;

    // one consumer version's pact

    @PUT
    @Path("provider/{provider}/consumer/{consumer}/version/{version}")
    public Response put(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version,
            @HeaderParam("Content-Type") String contentType,
            byte[] body) {
        return publish(provider, consumer, version, contentType, body, PactService.Mode.OVERWRITE);
    }

    @PATCH
    @Path("provider/{provider}/consumer/{consumer}/version/{version}")
    public Response patch(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version,
            @HeaderParam("Content-Type") String contentType,
            byte[] body) {
        return publish(provider, consumer, version, contentType, body, PactService.Mode.MERGE);
    }

    private Response publish(
            String provider, String consumer, String version, String contentType, byte[] body, PactService.Mode mode) {
        ObjectNode pact = JsonBodies.object(contentType, body);
        PactService.checkNames(pact, consumer, provider);
        PactService.Published published = pacts.publish(consumer, provider, version, pact, mode);
        return pactResponse(published.created() ? 201 : 200, published.pact());
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/version/{version}")
    public Response byConsumerVersion(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version) {
        PactService.Pair pair = pacts.pair(provider, consumer);
        return pactResponse(
                200, pacts.get(between(pair).consumerVersion(version), describe(pair, "version " + version)));
    }

    @DELETE
    @Path("provider/{provider}/consumer/{consumer}/version/{version}")
    public Response delete(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version) {
        pacts.delete(provider, consumer, version);
        return Hal.noContent();
    }

    /** The Pact Broker's older, non-standard path for a consumer version's pact; kept for old clients. */
    @GET
    @Path("provider/{provider}/consumer/{consumer}/versions/{version}")
    public Response byConsumerVersionDeprecated(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version) {
        return byConsumerVersion(provider, consumer, version);
    }

    @PUT
    @Path("provider/{provider}/consumer/{consumer}/versions/{version}")
    public Response putDeprecated(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version,
            @HeaderParam("Content-Type") String contentType,
            byte[] body) {
        return put(provider, consumer, version, contentType, body);
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/latest")
    public Response latest(@PathParam("provider") String provider, @PathParam("consumer") String consumer) {
        PactService.Pair pair = pacts.pair(provider, consumer);
        return latestPactResponse(pacts.get(between(pair), describe(pair, "any version")), null);
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/latest/{tag}")
    public Response latestWithTag(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("tag") String tag) {
        PactService.Pair pair = pacts.pair(provider, consumer);
        return latestPactResponse(pacts.get(between(pair).tag(tag), describe(pair, "a version tagged " + tag)), tag);
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/latest-untagged")
    public Response latestUntagged(@PathParam("provider") String provider, @PathParam("consumer") String consumer) {
        PactService.Pair pair = pacts.pair(provider, consumer);
        return latestPactResponse(pacts.get(between(pair).onlyUntagged(), describe(pair, "an untagged version")), null);
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/branch/{branch}/latest")
    public Response latestForBranch(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("branch") String branch) {
        PactService.Pair pair = pacts.pair(provider, consumer);
        return latestPactResponse(
                pacts.get(between(pair).branch(branch), describe(pair, "a version on branch " + branch)), null);
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/pact-version/{sha}")
    public Response bySha(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("sha") String sha) {
        PactService.Pair pair = pacts.pair(provider, consumer);
        return pactResponse(200, pacts.get(between(pair).sha(sha), describe(pair, "with content " + sha)));
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/pact-version/{sha}/metadata/{metadata}")
    public Response byShaWithMetadata(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("sha") String sha,
            @PathParam("metadata") String metadata) {
        PactService.SelectedByContent selected = pacts.getByContent(pacts.pair(provider, consumer), sha, metadata);
        return pactResponse(200, selected.pact(), metadata, selected.consumerVersions());
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/version/{version}/previous-distinct")
    public Response previousDistinct(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version) {
        PactRow pact = getByVersion(provider, consumer, version);
        return pactResponse(200, pacts.previousDistinct(pact).orElseThrow(() -> noPrevious(pact)));
    }

    // diffs

    @GET
    @Path("provider/{provider}/consumer/{consumer}/version/{version}/diff/previous-distinct")
    public Response diffPreviousDistinct(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version) {
        PactRow pact = getByVersion(provider, consumer, version);
        PactRow previous = pacts.previousDistinct(pact).orElseThrow(() -> noPrevious(pact));
        return diff(previous, pact);
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/version/{version}/diff/version/{other}")
    public Response diffVersions(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version,
            @PathParam("other") String other) {
        return diff(getByVersion(provider, consumer, other), getByVersion(provider, consumer, version));
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/pact-version/{sha}/diff/pact-version/{other}")
    public Response diffShas(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("sha") String sha,
            @PathParam("other") String other) {
        PactService.Pair pair = pacts.pair(provider, consumer);
        PactRow pact = pacts.get(between(pair).sha(sha), describe(pair, "with content " + sha));
        PactRow comparison = pacts.get(between(pair).sha(other), describe(pair, "with content " + other));
        return diff(comparison, pact);
    }

    // collections of one integration

    @GET
    @Path("provider/{provider}/consumer/{consumer}/versions")
    public Response versions(@PathParam("provider") String provider, @PathParam("consumer") String consumer) {
        PactService.Pair pair = pacts.pair(provider, consumer);
        return Hal.ok(PactRepresentation.versions(
                pacts.list(between(pair)),
                urls.pactVersions(provider, consumer),
                "All versions of the pact between " + consumer + " and " + provider,
                consumer,
                provider,
                urls));
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/tag/{tag}")
    public Response taggedVersions(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("tag") String tag) {
        PactService.Pair pair = pacts.pair(provider, consumer);
        return Hal.ok(PactRepresentation.versions(
                pacts.list(between(pair).tag(tag)),
                urls.integrationPacts(provider, consumer) + "/tag/" + BrokerUrls.encode(tag),
                "All versions of the pact between " + consumer + " and " + provider + " with tag " + tag,
                consumer,
                provider,
                urls));
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/branch/{branch}")
    public Response branchVersions(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("branch") String branch) {
        PactService.Pair pair = pacts.pair(provider, consumer);
        return branchList(
                pair, between(pair).branch(branch), "/branch/" + BrokerUrls.encode(branch), "on branch " + branch);
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/branch/{branch}/latest/versions")
    public Response latestBranchVersions(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("branch") String branch) {
        PactService.Pair pair = pacts.pair(provider, consumer);
        return branchList(
                pair,
                between(pair).branch(branch).limit(1),
                "/branch/" + BrokerUrls.encode(branch) + "/latest/versions",
                "latest on branch " + branch);
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/branch/versions")
    public Response mainBranchVersions(@PathParam("provider") String provider, @PathParam("consumer") String consumer) {
        PactService.Pair pair = pacts.pair(provider, consumer);
        return branchList(pair, between(pair).onMainBranch(), "/branch/versions", "on the main branch");
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/branch/latest/versions")
    public Response latestMainBranchVersions(
            @PathParam("provider") String provider, @PathParam("consumer") String consumer) {
        PactService.Pair pair = pacts.pair(provider, consumer);
        return branchList(
                pair, between(pair).onMainBranch().limit(1), "/branch/latest/versions", "latest on the main branch");
    }

    // pacts of a provider

    @GET
    @Path("latest")
    public Response latestPacts() {
        return Hal.ok(PactRepresentation.latestPacts(
                pacts.list(new PactQuery(null, null, null, null, false, null, false, null, null, null, true, false, 0)),
                urls));
    }

    @GET
    @Path("provider/{provider}")
    public Response providerPacts(@PathParam("provider") String provider) {
        Pacticipant p = pacts.provider(provider);
        return providerList(
                PactQuery.forProvider(p.id), provider, "", "All pact versions for the provider " + provider);
    }

    @GET
    @Path("provider/{provider}/tag/{tag}")
    public Response providerPactsWithTag(@PathParam("provider") String provider, @PathParam("tag") String tag) {
        Pacticipant p = pacts.provider(provider);
        return providerList(
                PactQuery.forProvider(p.id).tag(tag),
                provider,
                "/tag/" + BrokerUrls.encode(tag),
                "All pact versions for the provider " + provider + " with consumer version tag " + tag);
    }

    @GET
    @Path("provider/{provider}/latest")
    public Response latestProviderPacts(@PathParam("provider") String provider) {
        Pacticipant p = pacts.provider(provider);
        return providerList(
                PactQuery.forProvider(p.id).latestOfEachConsumer(),
                provider,
                "/latest",
                "Latest pact versions for the provider " + provider);
    }

    @GET
    @Path("provider/{provider}/latest/{tag}")
    public Response latestProviderPactsWithTag(@PathParam("provider") String provider, @PathParam("tag") String tag) {
        Pacticipant p = pacts.provider(provider);
        return providerList(
                PactQuery.forProvider(p.id).tag(tag).latestOfEachConsumer(),
                provider,
                "/latest/" + BrokerUrls.encode(tag),
                "Latest pact versions for the provider " + provider + " with consumer version tag " + tag);
    }

    @GET
    @Path("provider/{provider}/branch")
    public Response providerPactsForMainBranches(@PathParam("provider") String provider) {
        Pacticipant p = pacts.provider(provider);
        return providerList(
                PactQuery.forProvider(p.id).onMainBranch(),
                provider,
                "/branch",
                "All pact versions for the provider " + provider + " from the consumers' main branches");
    }

    @GET
    @Path("provider/{provider}/branch/latest")
    public Response latestProviderPactsForMainBranches(@PathParam("provider") String provider) {
        Pacticipant p = pacts.provider(provider);
        return providerList(
                PactQuery.forProvider(p.id).onMainBranch().latestOfEachConsumer(),
                provider,
                "/branch/latest",
                "Latest pact versions for the provider " + provider + " from the consumers' main branches");
    }

    @GET
    @Path("provider/{provider}/branch/{branch}")
    public Response providerPactsForBranch(@PathParam("provider") String provider, @PathParam("branch") String branch) {
        Pacticipant p = pacts.provider(provider);
        return providerList(
                PactQuery.forProvider(p.id).branch(branch),
                provider,
                "/branch/" + BrokerUrls.encode(branch),
                "All pact versions for the provider " + provider + " from consumer branch " + branch);
    }

    @GET
    @Path("provider/{provider}/branch/{branch}/latest")
    public Response latestProviderPactsForBranch(
            @PathParam("provider") String provider, @PathParam("branch") String branch) {
        Pacticipant p = pacts.provider(provider);
        return providerList(
                PactQuery.forProvider(p.id).branch(branch).latestOfEachConsumer(),
                provider,
                "/branch/" + BrokerUrls.encode(branch) + "/latest",
                "Latest pact versions for the provider " + provider + " from consumer branch " + branch);
    }

    // helpers

    private Response providerList(PactQuery query, String provider, String suffix, String title) {
        return Hal.ok(PactRepresentation.providerPacts(
                pacts.list(query), urls.providerPacts(provider) + suffix, title, provider, urls));
    }

    private Response branchList(PactService.Pair pair, PactQuery query, String suffix, String description) {
        String consumer = pair.consumer().name;
        String provider = pair.provider().name;
        return Hal.ok(PactRepresentation.versions(
                pacts.list(query),
                urls.integrationPacts(provider, consumer) + suffix,
                "Pacts between " + consumer + " and " + provider + " " + description,
                consumer,
                provider,
                urls));
    }

    private PactRow getByVersion(String provider, String consumer, String version) {
        PactService.Pair pair = pacts.pair(provider, consumer);
        return pacts.get(between(pair).consumerVersion(version), describe(pair, "version " + version));
    }

    private static PactQuery between(PactService.Pair pair) {
        return PactQuery.between(pair.consumer().id, pair.provider().id);
    }

    private static String describe(PactService.Pair pair, String which) {
        return "between " + pair.consumer().name + " and " + pair.provider().name + " for " + which;
    }

    private static NotFoundException noPrevious(PactRow pact) {
        return new NotFoundException("No previous distinct version of the pact between " + pact.consumerName() + " and "
                + pact.providerName() + " before version " + pact.consumerVersionNumber());
    }

    private Response pactResponse(int status, PactRow pact) {
        return pactResponse(status, pact, null, java.util.List.of());
    }

    /**
     * A latest pact: its {@code pb:publish-verification-results} link carries the consumer version it was found for
     * (and the tag), so the verification result can be tied back to it, as in the Pact Broker.
     */
    private Response latestPactResponse(PactRow pact, String tag) {
        return pactResponse(200, pact, PactMetadata.forLatestPact(pact.consumerVersionId(), tag), java.util.List.of());
    }

    private Response pactResponse(int status, PactRow pact, String metadata, java.util.List<String> consumerVersions) {
        return Response.status(status)
                .type(Hal.HAL_JSON)
                .header("X-Pact-Consumer-Version", pact.consumerVersionNumber())
                .entity(PactRepresentation.from(pact, urls, metadata, consumerVersions))
                .build();
    }

    private static JsonNode withoutIds(PactRow pact) {
        JsonNode content = PactService.parse(pact.content());
        return content.isObject() ? InteractionIds.remove((ObjectNode) content) : content;
    }

    private static Response diff(PactRow before, PactRow after) {
        String text = PactDiff.diff(withoutIds(before), withoutIds(after));
        return Response.ok(text.isEmpty() ? "No differences\n" : text)
                .type("text/plain;charset=utf-8")
                .build();
    }
}
