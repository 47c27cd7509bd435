package io.pactbroker.broker.ui;

import io.pactbroker.broker.common.hal.BrokerUrls;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * The web UI's pages, all under {@code /ui} (the dashboard also at {@code /} for browsers, see {@link UiNegotiation}).
 * Thin: each page bean gathers its data through the features' services and renders it.
 */
@Path("/ui")
@Produces(UiPage.HTML)
public class UiResource {

    @Inject
    DashboardPage dashboard;

    @Inject
    PacticipantPage pacticipant;

    @Inject
    PactPage pact;

    @Inject
    VerificationPage verification;

    @Inject
    MatrixPage matrix;

    @Inject
    EnvironmentsPage environments;

    @Inject
    NetworkPage network;

    @Inject
    BrokerUrls urls;

    @GET
    public Response dashboard(
            @QueryParam("q") String q,
            @QueryParam("status") String status,
            @QueryParam("environment") String environment,
            @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("1") String page) {
        return UiPage.ok(dashboard.render(new DashboardPage.Params(q, status, environment, sort, number(page))));
    }

    @GET
    @Path("pacticipants/{name}")
    public Response pacticipant(@PathParam("name") String name, @QueryParam("page") @DefaultValue("1") String page) {
        return UiPage.ok(pacticipant.render(name, number(page)));
    }

    @GET
    @Path("pacts/provider/{provider}/consumer/{consumer}/version/{version}")
    public Response pact(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version,
            @QueryParam("compare") String compare) {
        return UiPage.ok(pact.render(provider, consumer, version, compare));
    }

    @GET
    @Path("verifications/provider/{provider}/consumer/{consumer}/pact-version/{sha}/{number}")
    public Response verification(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("sha") String sha,
            @PathParam("number") String number) {
        return UiPage.ok(verification.render(provider, consumer, sha, number));
    }

    @GET
    @Path("matrix")
    public Response matrix(
            @QueryParam("pacticipant") String pacticipant,
            @QueryParam("version") String version,
            @QueryParam("target") String target,
            @QueryParam("environment") String environment,
            @QueryParam("tag") String tag,
            @QueryParam("branch") String branch,
            @QueryParam("show") String show) {
        MatrixPage.Rendered page =
                matrix.render(new MatrixPage.Params(pacticipant, version, target, environment, tag, branch, show));
        return Response.status(page.invalid() ? 400 : 200)
                .entity(page.html())
                .type(UiPage.HTML)
                .build();
    }

    @GET
    @Path("environments")
    public Response environments() {
        return UiPage.ok(environments.overview());
    }

    @GET
    @Path("environments/{uuid}")
    public Response environment(@PathParam("uuid") String uuid) {
        return UiPage.ok(environments.environment(uuid));
    }

    @GET
    @Path("network")
    public Response network(@QueryParam("q") String q, @QueryParam("focus") String focus) {
        return UiPage.ok(network.render(q, focus));
    }

    @GET
    @Path("hal")
    public Response hal(@QueryParam("path") String path) {
        return UiPage.ok(HalBrowserPage.render(new UiUrls(urls), path == null || !path.startsWith("/") ? "/" : path));
    }

    /** A page number; anything that is not a positive number is the first page. */
    private static int number(String value) {
        try {
            return Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
