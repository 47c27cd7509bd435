package io.pactbroker.broker.pacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Hal;
import io.pactbroker.broker.common.json.JsonBodies;
import io.pactbroker.broker.common.web.NestedQuery;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /pacts/provider/{provider}/for-verification}: the pacts a provider build must verify. POST with the
 * selectors in a JSON body; the deprecated GET (the first Ruby clients) with them in the query string, answered with a
 * warning notice on every pact.
 */
@Path("/pacts")
public class PactsForVerificationResource {

    @Inject
    PactsForVerificationService service;

    @Inject
    BrokerUrls urls;

    @POST
    @Path("provider/{provider}/for-verification")
    public Response post(
            @PathParam("provider") String provider, @HeaderParam("Content-Type") String contentType, byte[] body) {
        JsonBodies.requireJsonContentType(contentType);
        ObjectNode json = JsonBodies.optionalObject(contentType, body);
        PactsForVerificationRequest request = service.parse(json);
        return respond(provider, request);
    }

    @GET
    @Path("provider/{provider}/for-verification")
    public Response get(@PathParam("provider") String provider, @Context UriInfo uri) {
        PactsForVerificationRequest request = PactsForVerificationRequest.fromQuery(
                NestedQuery.parse(uri.getRequestUri().getRawQuery()));
        return respond(provider, request);
    }

    private Response respond(String provider, PactsForVerificationRequest request) {
        return Hal.ok(VerifiablePactsRepresentation.from(
                service.find(provider, request), request, urls.pactsForVerification(provider), urls));
    }
}
