package io.pactbroker.broker.badges;

import io.pactbroker.broker.badges.BadgeService.PactBadge;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Badges for READMEs and dashboards, as SVG drawn by the broker (no calls to outside services). A badge always renders:
 * what cannot be found, or fails, is said on the badge.
 */
@Path("/")
public class BadgeResource {

    private static final Logger LOG = Logger.getLogger(BadgeResource.class);

    @Inject
    BadgeService badges;

    /** The latest pact with the consumer tag, as verified by the latest provider version with the provider tag. */
    @GET
    @Path("matrix/provider/{provider}/latest/{providerTag}/consumer/{consumer}/latest/{tag}/badge")
    public Response matrixBadge(
            @PathParam("provider") String provider,
            @PathParam("providerTag") String providerTag,
            @PathParam("consumer") String consumer,
            @PathParam("tag") String tag,
            @QueryParam("label") String label,
            @QueryParam("initials") String initials) {
        return svg(() -> badges.pactBadge(new PactBadge(
                provider, consumer, tag, false, providerTag, blankToNull(label), "true".equals(initials))));
    }

    @GET
    @Path("pacticipants/{pacticipant}/latest-version/{tag}/can-i-deploy/to/{to}/badge")
    public Response canIDeployTagToTag(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("tag") String tag,
            @PathParam("to") String to,
            @QueryParam("label") String label) {
        return svg(() -> badges.canIDeployTagToTag(pacticipant, tag, to, blankToNull(label)));
    }

    @GET
    @Path("pacticipants/{pacticipant}/branches/{branch}/latest-version/can-i-deploy/to-environment/{environment}/badge")
    public Response canIDeployBranchToEnvironment(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("branch") String branch,
            @PathParam("environment") String environment,
            @QueryParam("label") String label) {
        return svg(() -> badges.canIDeployBranchToEnvironment(pacticipant, branch, environment, blankToNull(label)));
    }

    @GET
    @Path("pacticipants/{pacticipant}/main-branch/can-i-merge/badge")
    public Response canIMerge(@PathParam("pacticipant") String pacticipant) {
        return svg(() -> badges.canIMerge(pacticipant));
    }

    static Response svg(Supplier<String> badge) {
        String body;
        try {
            body = badge.get();
        } catch (RuntimeException e) {
            String reference =
                    java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            LOG.errorf(e, "Error reference %s", reference);
            body = BadgeService.error("error", "reference: " + reference);
        }
        return Response.ok(body)
                .type("image/svg+xml;charset=utf-8")
                .header("Cache-Control", "no-cache")
                .build();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
