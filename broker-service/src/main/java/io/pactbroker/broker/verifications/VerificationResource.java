package io.pactbroker.broker.verifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Hal;
import io.pactbroker.broker.common.json.JsonBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Publishing, reading and deleting verification results, at the Pact Broker's paths. */
// Under /pacts like PactResource: JAX-RS picks one root resource class per request, so every /pacts path lives
// under the same root path.
@Path("/pacts")
public class VerificationResource {

    @Inject
    VerificationService verifications;

    @Inject
    BrokerUrls urls;

    @POST
    @Path("provider/{provider}/consumer/{consumer}/pact-version/{sha}/verification-results")
    public Response publishWithoutMetadata(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("sha") String sha,
            @HeaderParam("Content-Type") String contentType,
            byte[] body) {
        return publish(provider, consumer, sha, null, contentType, body);
    }

    @POST
    @Path("provider/{provider}/consumer/{consumer}/pact-version/{sha}/metadata/{metadata}/verification-results")
    public Response publish(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("sha") String sha,
            @PathParam("metadata") String metadata,
            @HeaderParam("Content-Type") String contentType,
            byte[] body) {
        ObjectNode json = JsonBodies.object(contentType, body);
        VerificationService.Found found = verifications.publish(provider, consumer, sha, metadata, json);
        Verification v = found.verification();
        return Response.created(URI.create(urls.verification(provider, consumer, sha, v.number())))
                .type(Hal.HAL_JSON)
                .entity(VerificationRepresentation.from(found, urls))
                .build();
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/pact-version/{sha}/verification-results/latest")
    public Response latestForContent(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("sha") String sha) {
        return ok(verifications.latestForContent(provider, consumer, sha));
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/pact-version/{sha}/metadata/{metadata}/verification-results/latest")
    public Response latestForContentWithMetadata(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("sha") String sha) {
        return latestForContent(provider, consumer, sha);
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/pact-version/{sha}/verification-results/{number}")
    public Response get(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("sha") String sha,
            @PathParam("number") String number) {
        return ok(verifications.get(provider, consumer, sha, number));
    }

    @GET
    @Path(
            "provider/{provider}/consumer/{consumer}/pact-version/{sha}/metadata/{metadata}/verification-results/{number}")
    public Response getWithMetadata(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("sha") String sha,
            @PathParam("number") String number) {
        return get(provider, consumer, sha, number);
    }

    @DELETE
    @Path("provider/{provider}/consumer/{consumer}/pact-version/{sha}/verification-results/{number}")
    public Response delete(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("sha") String sha,
            @PathParam("number") String number) {
        verifications.delete(provider, consumer, sha, number);
        return Hal.noContent();
    }

    @DELETE
    @Path(
            "provider/{provider}/consumer/{consumer}/pact-version/{sha}/metadata/{metadata}/verification-results/{number}")
    public Response deleteWithMetadata(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("sha") String sha,
            @PathParam("number") String number) {
        return delete(provider, consumer, sha, number);
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/version/{version}/verification-results/latest")
    public Response latestForConsumerVersion(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version) {
        return ok(verifications.latestForConsumerVersion(provider, consumer, version));
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/latest/verification-results/latest")
    public Response latestForLatestPact(
            @PathParam("provider") String provider, @PathParam("consumer") String consumer) {
        return ok(verifications.latestForLatestPact(provider, consumer, null));
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/latest/{tag}/verification-results/latest")
    public Response latestForLatestTaggedPact(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("tag") String tag) {
        return ok(verifications.latestForLatestPact(provider, consumer, tag));
    }

    private Response ok(VerificationService.Found found) {
        return Hal.ok(VerificationRepresentation.from(found, urls));
    }
}
