package io.pactbroker.broker.matrix;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.problem.NotFoundException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** can-i-deploy: by query, and in the Pact Broker's URL forms (latest tagged version to a tag, branch head to an environment). */
@Path("/")
public class CanIDeployResource {

    @Inject
    MatrixService matrix;

    @Inject
    BrokerUrls urls;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("can-i-deploy")
    public Response canIDeploy(@HeaderParam("Accept") String accept) {
        return MatrixResource.render(
                matrix.canIDeploy(
                        CanIDeployRequest.parse(uriInfo.getRequestUri().getRawQuery())),
                accept,
                urls);
    }

    @GET
    @Path("pacticipants/{pacticipant}/latest-version/{tag}/can-i-deploy/to/{to}")
    public Response latestTaggedToTag(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("tag") String tag,
            @PathParam("to") String to,
            @HeaderParam("Accept") String accept) {
        return MatrixResource.render(
                matrix.canIDeployLatestTagged(pacticipant, tag, to)
                        .orElseThrow(() -> new NotFoundException(
                                "No version with tag '" + tag + "' found for pacticipant '" + pacticipant + "'")),
                accept,
                urls);
    }

    @GET
    @Path("pacticipants/{pacticipant}/branches/{branch}/latest-version/can-i-deploy/to-environment/{environment}")
    public Response branchHeadToEnvironment(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("branch") String branch,
            @PathParam("environment") String environment,
            @HeaderParam("Accept") String accept) {
        return MatrixResource.render(
                matrix.canIDeployBranchHead(pacticipant, branch, environment)
                        .orElseThrow(() -> new NotFoundException("No version of '" + pacticipant + "' on branch '"
                                + branch + "', or no environment named '" + environment + "'")),
                accept,
                urls);
    }
}
