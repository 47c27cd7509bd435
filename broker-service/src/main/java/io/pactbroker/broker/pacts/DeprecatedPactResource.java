package io.pactbroker.broker.pacts;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** The Pact Broker's deprecated singular {@code /pact/...} paths, answered as their {@code /pacts/...} forms. */
@Path("/pact/provider/{provider}/consumer/{consumer}")
public class DeprecatedPactResource {

    @Inject
    PactResource pacts;

    @GET
    @Path("version/{version}")
    public Response byConsumerVersion(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version) {
        return pacts.byConsumerVersion(provider, consumer, version);
    }

    @PUT
    @Path("version/{version}")
    public Response put(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version,
            @HeaderParam("Content-Type") String contentType,
            byte[] body) {
        return pacts.put(provider, consumer, version, contentType, body);
    }

    @GET
    @Path("latest")
    public Response latest(@PathParam("provider") String provider, @PathParam("consumer") String consumer) {
        return pacts.latest(provider, consumer);
    }
}
