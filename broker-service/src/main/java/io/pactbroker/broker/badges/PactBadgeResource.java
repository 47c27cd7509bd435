package io.pactbroker.broker.badges;

import io.pactbroker.broker.badges.BadgeService.PactBadge;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * The pact badges. They live under {@code /pacts} like the pact resources, so that the router weighs
 * {@code .../latest/badge} against {@code .../latest/{tag}} within the same root and picks the literal path.
 */
@Path("/pacts")
public class PactBadgeResource {

    @Inject
    BadgeService badges;

    @GET
    @Path("provider/{provider}/consumer/{consumer}/latest/badge")
    public Response latestPact(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @QueryParam("label") String label,
            @QueryParam("initials") String initials) {
        return BadgeResource.svg(() -> badges.pactBadge(new PactBadge(
                provider, consumer, null, false, null, BadgeResource.blankToNull(label), "true".equals(initials))));
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/latest/{tag}/badge")
    public Response latestTaggedPact(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("tag") String tag,
            @QueryParam("label") String label,
            @QueryParam("initials") String initials) {
        return BadgeResource.svg(() -> badges.pactBadge(new PactBadge(
                provider, consumer, tag, false, null, BadgeResource.blankToNull(label), "true".equals(initials))));
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/latest-untagged/badge")
    public Response latestUntaggedPact(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @QueryParam("label") String label,
            @QueryParam("initials") String initials) {
        return BadgeResource.svg(() -> badges.pactBadge(new PactBadge(
                provider, consumer, null, true, null, BadgeResource.blankToNull(label), "true".equals(initials))));
    }
}
