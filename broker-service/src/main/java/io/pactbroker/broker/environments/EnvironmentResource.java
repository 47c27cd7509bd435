package io.pactbroker.broker.environments;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Hal;
import io.pactbroker.broker.common.json.JsonBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The environments: list, create, read, replace, delete. */
@Path("/")
public class EnvironmentResource {

    @Inject
    EnvironmentService environments;

    @Inject
    BrokerUrls urls;

    @GET
    @Path("environments")
    public Response list(@QueryParam("name") String name) {
        return Hal.ok(EnvironmentRepresentation.list(environments.list(name), urls));
    }

    @POST
    @Path("environments")
    public Response create(@HeaderParam("Content-Type") String contentType, byte[] body) {
        Environment created = environments.create(JsonBodies.object(contentType, body));
        return Response.fromResponse(Hal.created(EnvironmentRepresentation.from(created, urls)))
                .location(URI.create(urls.environment(created.uuid())))
                .build();
    }

    @GET
    @Path("environments/{uuid}")
    public Response get(@PathParam("uuid") String uuid) {
        return Hal.ok(EnvironmentRepresentation.from(environments.get(uuid), urls));
    }

    @PUT
    @Path("environments/{uuid}")
    public Response put(@PathParam("uuid") String uuid, @HeaderParam("Content-Type") String contentType, byte[] body) {
        return Hal.ok(
                EnvironmentRepresentation.from(environments.replace(uuid, JsonBodies.object(contentType, body)), urls));
    }

    @DELETE
    @Path("environments/{uuid}")
    public Response delete(@PathParam("uuid") String uuid) {
        environments.delete(uuid);
        return Hal.noContent();
    }
}
