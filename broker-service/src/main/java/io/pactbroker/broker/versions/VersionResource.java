package io.pactbroker.broker.versions;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Dates;
import io.pactbroker.broker.common.hal.Hal;
import io.pactbroker.broker.common.hal.Link;
import io.pactbroker.broker.common.hal.Links;
import io.pactbroker.broker.common.hal.PageLinks;
import io.pactbroker.broker.common.json.JsonBodies;
import io.pactbroker.broker.common.paging.Page;
import io.pactbroker.broker.common.paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** Versions of a pacticipant, and its latest version (overall or with a tag). */
@Path("/")
public class VersionResource {

    @Inject
    VersionService versions;

    @Inject
    BrokerUrls urls;

    @GET
    @Path("pacticipants/{pacticipant}/versions")
    public Response list(
            @PathParam("pacticipant") String pacticipant,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("pageNumber") String pageNumber,
            @QueryParam("pageSize") String pageSize) {
        Page<Version> result = versions.list(pacticipant, PageRequest.parse(page, size, pageNumber, pageSize));
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> pageInfo = PageLinks.page(result);
        if (pageInfo != null) {
            body.put("page", pageInfo);
        }
        body.put(
                "_embedded",
                Map.of(
                        "versions",
                        versions.details(result.items(), pacticipant).stream()
                                .map(d -> VersionRepresentation.from(d, null, urls))
                                .toList()));
        Links links = Links.create()
                .add("self", Link.of(urls.versions(pacticipant), "All application versions of " + pacticipant))
                .add("pb:pacticipant", Link.of(urls.pacticipant(pacticipant), pacticipant))
                .add(
                        "pb:versions",
                        result.items().stream()
                                .map(v -> Link.of(urls.version(pacticipant, v.number), versionAndDate(v)))
                                .toList())
                .add("pacticipant", Link.of(urls.pacticipant(pacticipant), "Deprecated - please use pb:pacticipant"))
                .add(
                        "versions",
                        result.items().stream()
                                .map(v -> Link.of(
                                        urls.version(pacticipant, v.number), "Deprecated - please use pb:versions"))
                                .toList());
        PageLinks.add(links, result, urls.versions(pacticipant), null);
        body.put("_links", links.build());
        return Hal.ok(body);
    }

    @GET
    @Path("pacticipants/{pacticipant}/versions/{version}")
    public Response get(@PathParam("pacticipant") String pacticipant, @PathParam("version") String number) {
        return Hal.ok(representation(versions.get(pacticipant, number), pacticipant, null));
    }

    @PUT
    @Path("pacticipants/{pacticipant}/versions/{version}")
    public Response put(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("version") String number,
            @HeaderParam("Content-Type") String contentType,
            byte[] body) {
        VersionService.Saved saved =
                versions.save(pacticipant, number, JsonBodies.optionalObject(contentType, body), true);
        return Hal.saved(saved.created(), representation(saved.version(), pacticipant, null));
    }

    @PATCH
    @Path("pacticipants/{pacticipant}/versions/{version}")
    public Response patch(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("version") String number,
            @HeaderParam("Content-Type") String contentType,
            byte[] body) {
        VersionService.Saved saved =
                versions.save(pacticipant, number, JsonBodies.optionalObject(contentType, body), false);
        return Hal.saved(saved.created(), representation(saved.version(), pacticipant, null));
    }

    @DELETE
    @Path("pacticipants/{pacticipant}/versions/{version}")
    public Response delete(@PathParam("pacticipant") String pacticipant, @PathParam("version") String number) {
        versions.delete(pacticipant, number);
        return Hal.noContent();
    }

    @GET
    @Path("pacticipants/{pacticipant}/latest-version")
    public Response latest(@PathParam("pacticipant") String pacticipant) {
        return Hal.ok(representation(versions.latest(pacticipant), pacticipant, urls.latestVersion(pacticipant)));
    }

    @GET
    @Path("pacticipants/{pacticipant}/latest-version/{tag}")
    public Response latestWithTag(@PathParam("pacticipant") String pacticipant, @PathParam("tag") String tag) {
        return Hal.ok(representation(
                versions.latestWithTag(pacticipant, tag), pacticipant, urls.latestVersion(pacticipant, tag)));
    }

    private VersionRepresentation representation(Version v, String pacticipant, String selfHref) {
        return VersionRepresentation.from(versions.details(v, pacticipant), selfHref, urls);
    }

    static String versionAndDate(Version v) {
        return "Version " + v.number + " - " + Dates.format(v.createdAt);
    }
}
