package io.pactbroker.broker.pacticipants;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Hal;
import io.pactbroker.broker.common.hal.Link;
import io.pactbroker.broker.common.hal.Links;
import io.pactbroker.broker.common.json.JsonBodies;
import io.pactbroker.broker.common.paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Pacticipants and their labels. */
@Path("/")
public class PacticipantResource {

    @Inject
    PacticipantService pacticipants;

    @Inject
    BrokerUrls urls;

    @GET
    @Path("pacticipants")
    public Response list(
            @QueryParam("q") String q,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("pageNumber") String pageNumber,
            @QueryParam("pageSize") String pageSize) {
        PageRequest request = PageRequest.parse(page, size, pageNumber, pageSize);
        PacticipantService.ListView view = pacticipants.listView(q, request);
        String extraQuery = q == null ? null : "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
        return Hal.ok(PacticipantsRepresentation.from(
                view.page(), view.latestVersions(), view.labels(), urls.pacticipants(), extraQuery, urls));
    }

    @POST
    @Path("pacticipants")
    public Response create(@HeaderParam("Content-Type") String contentType, byte[] body) {
        Pacticipant created = pacticipants.create(JsonBodies.object(contentType, body));
        return Response.fromResponse(Hal.created(representation(pacticipants.view(created))))
                .location(java.net.URI.create(urls.pacticipant(created.name)))
                .build();
    }

    @GET
    @Path("pacticipants/{name}")
    public Response get(@PathParam("name") String name) {
        return Hal.ok(representation(pacticipants.view(name)));
    }

    @PUT
    @Path("pacticipants/{name}")
    public Response put(@PathParam("name") String name, @HeaderParam("Content-Type") String contentType, byte[] body) {
        PacticipantService.Saved saved = pacticipants.replace(name, JsonBodies.object(contentType, body));
        return Hal.saved(saved.created(), representation(pacticipants.view(saved.pacticipant())));
    }

    @PATCH
    @Path("pacticipants/{name}")
    public Response patch(
            @PathParam("name") String name, @HeaderParam("Content-Type") String contentType, byte[] body) {
        PacticipantService.Saved saved = pacticipants.merge(name, JsonBodies.object(contentType, body));
        return Hal.saved(saved.created(), representation(pacticipants.view(saved.pacticipant())));
    }

    @DELETE
    @Path("pacticipants/{name}")
    public Response delete(@PathParam("name") String name) {
        pacticipants.delete(name);
        return Hal.noContent();
    }

    @GET
    @Path("pacticipants/label/{label}")
    public Response withLabel(@PathParam("label") String label) {
        var list = pacticipants.withLabel(label);
        return Hal.ok(Hal.object(
                "_embedded",
                Map.of(
                        "pacticipants",
                        list.stream()
                                .map(p -> representation(pacticipants.view(p)))
                                .toList()),
                "_links",
                Links.create()
                        .add("self", Link.of(urls.pacticipantsWithLabel(label), "Pacticipants with label " + label))
                        .build()));
    }

    @GET
    @Path("pacticipants/{name}/labels/{label}")
    public Response getLabel(@PathParam("name") String name, @PathParam("label") String label) {
        return Hal.ok(LabelRepresentation.from(pacticipants.getLabel(name, label), name, urls));
    }

    @PUT
    @Path("pacticipants/{name}/labels/{label}")
    public Response putLabel(@PathParam("name") String name, @PathParam("label") String label) {
        var added = pacticipants.addLabel(name, label);
        return Hal.saved(added.getValue(), LabelRepresentation.from(added.getKey(), name, urls));
    }

    @DELETE
    @Path("pacticipants/{name}/labels/{label}")
    public Response deleteLabel(@PathParam("name") String name, @PathParam("label") String label) {
        pacticipants.removeLabel(name, label);
        return Hal.noContent();
    }

    @GET
    @Path("labels")
    public Response labels() {
        return Hal.ok(Hal.object(
                "_embedded",
                Map.of(
                        "labels",
                        pacticipants.labelNames().stream()
                                .map(n -> Map.of("name", n))
                                .toList()),
                "_links",
                Links.create()
                        .add("self", Link.of(urls.base() + "/labels", "Labels"))
                        .build()));
    }

    private PacticipantRepresentation representation(PacticipantService.View view) {
        return PacticipantRepresentation.from(view.pacticipant(), view.latestVersion(), view.labels(), urls);
    }
}
