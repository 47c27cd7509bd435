package io.pactbroker.broker.environments;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Hal;
import io.pactbroker.broker.common.json.JsonBodies;
import io.pactbroker.broker.environments.DeploymentRepresentation.Expand;
import io.pactbroker.broker.environments.DeploymentService.Recorded;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;

/** Recording deployments and releases, ending them, and what is live in an environment. */
@Path("/")
public class DeploymentResource {

    @Inject
    DeploymentService deployments;

    @Inject
    EnvironmentService environments;

    @Inject
    BrokerUrls urls;

    @Context
    UriInfo uriInfo;

    @POST
    @Path("pacticipants/{pacticipant}/versions/{version}/deployed-versions/environment/{uuid}")
    public Response recordDeployment(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("version") String version,
            @PathParam("uuid") String uuid,
            @HeaderParam("Content-Type") String contentType,
            byte[] body) {
        Recorded<DeployedVersion> recorded =
                deployments.recordDeployment(pacticipant, version, uuid, JsonBodies.optionalObject(contentType, body));
        Environment environment = environments.get(uuid);
        return Response.fromResponse(Hal.saved(
                        recorded.created(),
                        DeploymentRepresentation.deployed(recorded.value(), Expand.all(environment), urls)))
                .location(URI.create(urls.deployedVersion(recorded.value().uuid())))
                .build();
    }

    @GET
    @Path("pacticipants/{pacticipant}/versions/{version}/deployed-versions/environment/{uuid}")
    public Response deployedVersions(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("version") String version,
            @PathParam("uuid") String uuid) {
        Environment environment = environments.get(uuid);
        return Hal.ok(DeploymentRepresentation.deployedList(
                deployments.deployedVersions(pacticipant, version, environment),
                new Expand(false, false, null),
                urls.deployedVersionsForVersion(pacticipant, version, uuid),
                "Deployed versions for " + pacticipant + " version " + version + " in environment "
                        + displayName(environment),
                urls));
    }

    @POST
    @Path("pacticipants/{pacticipant}/versions/{version}/released-versions/environment/{uuid}")
    public Response recordRelease(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("version") String version,
            @PathParam("uuid") String uuid,
            @HeaderParam("Content-Type") String contentType,
            byte[] body) {
        JsonBodies.optionalObject(contentType, body);
        Recorded<ReleasedVersion> recorded = deployments.recordRelease(pacticipant, version, uuid);
        Environment environment = environments.get(uuid);
        return Response.fromResponse(Hal.saved(
                        recorded.created(),
                        DeploymentRepresentation.released(recorded.value(), Expand.all(environment), urls)))
                .location(URI.create(urls.releasedVersion(recorded.value().uuid())))
                .build();
    }

    @GET
    @Path("pacticipants/{pacticipant}/versions/{version}/released-versions/environment/{uuid}")
    public Response releasedVersions(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("version") String version,
            @PathParam("uuid") String uuid) {
        Environment environment = environments.get(uuid);
        return Hal.ok(DeploymentRepresentation.releasedList(
                deployments.releasedVersions(pacticipant, version, environment),
                new Expand(false, false, null),
                urls.releasedVersionsForVersion(pacticipant, version, uuid),
                "Released versions for " + pacticipant + " version " + version + " in " + displayName(environment),
                urls));
    }

    @GET
    @Path("deployed-versions/{uuid}")
    public Response deployedVersion(@PathParam("uuid") String uuid) {
        DeployedVersion deployed = deployments.getDeployed(uuid);
        return Hal.ok(DeploymentRepresentation.deployed(deployed, expandAll(deployed.environmentId()), urls));
    }

    @PATCH
    @Path("deployed-versions/{uuid}")
    public Response updateDeployedVersion(
            @PathParam("uuid") String uuid, @HeaderParam("Content-Type") String contentType, byte[] body) {
        DeployedVersion deployed = deployments.updateDeployment(uuid, JsonBodies.object(contentType, body));
        return Hal.ok(DeploymentRepresentation.deployed(deployed, expandAll(deployed.environmentId()), urls));
    }

    @GET
    @Path("released-versions/{uuid}")
    public Response releasedVersion(@PathParam("uuid") String uuid) {
        ReleasedVersion released = deployments.getReleased(uuid);
        return Hal.ok(DeploymentRepresentation.released(released, expandAll(released.environmentId()), urls));
    }

    @PATCH
    @Path("released-versions/{uuid}")
    public Response updateReleasedVersion(
            @PathParam("uuid") String uuid, @HeaderParam("Content-Type") String contentType, byte[] body) {
        ReleasedVersion released = deployments.updateRelease(uuid, JsonBodies.object(contentType, body));
        return Hal.ok(DeploymentRepresentation.released(released, expandAll(released.environmentId()), urls));
    }

    /**
     * The live deployments, optionally of one pacticipant ({@code pacticipant}) and one application instance ({@code
     * applicationInstance}, or the legacy {@code target}; blank means deployments without an instance).
     */
    @GET
    @Path("environments/{uuid}/deployed-versions/currently-deployed")
    public Response currentlyDeployed(@PathParam("uuid") String uuid, @QueryParam("pacticipant") String pacticipant) {
        Environment environment = environments.get(uuid);
        var query = uriInfo.getQueryParameters();
        String instance = query.containsKey("applicationInstance")
                ? query.getFirst("applicationInstance")
                : query.containsKey("target") ? query.getFirst("target") : null;
        if (instance == null && (query.containsKey("applicationInstance") || query.containsKey("target"))) {
            instance = "";
        }
        Optional<String> instanceFilter =
                instance == null ? null : instance.isBlank() ? Optional.empty() : Optional.of(instance);
        return Hal.ok(DeploymentRepresentation.deployedList(
                deployments.currentlyDeployed(environment, pacticipant, instanceFilter),
                Expand.ALL_BUT_ENVIRONMENT,
                withQuery(urls.currentlyDeployedVersions(uuid)),
                "Currently deployed versions for " + displayName(environment),
                urls));
    }

    /** The supported releases, optionally of one pacticipant ({@code pacticipant}) and version ({@code version}). */
    @GET
    @Path("environments/{uuid}/released-versions/currently-supported")
    public Response currentlySupported(
            @PathParam("uuid") String uuid,
            @QueryParam("pacticipant") String pacticipant,
            @QueryParam("version") String version) {
        Environment environment = environments.get(uuid);
        return Hal.ok(DeploymentRepresentation.releasedList(
                deployments.currentlySupported(environment, pacticipant, version),
                Expand.ALL_BUT_ENVIRONMENT,
                withQuery(urls.currentlySupportedVersions(uuid)),
                "Currently supported versions in " + displayName(environment),
                urls));
    }

    private Expand expandAll(Long environmentId) {
        return Expand.all(
                environments.findByIds(java.util.List.of(environmentId)).get(0));
    }

    private String withQuery(String href) {
        String query = uriInfo.getRequestUri().getRawQuery();
        return query == null || query.isEmpty() ? href : href + "?" + query;
    }

    private static String displayName(Environment e) {
        return e.displayName() == null ? e.name() : e.displayName();
    }
}
