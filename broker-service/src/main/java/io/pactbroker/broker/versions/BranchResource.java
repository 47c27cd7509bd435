package io.pactbroker.broker.versions;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Dates;
import io.pactbroker.broker.common.hal.Hal;
import io.pactbroker.broker.common.hal.Link;
import io.pactbroker.broker.common.hal.Links;
import io.pactbroker.broker.common.hal.PageLinks;
import io.pactbroker.broker.common.paging.Page;
import io.pactbroker.broker.common.paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Branches of a pacticipant, the versions on them, and each branch's latest version. */
@Path("/")
public class BranchResource {

    @Inject
    BranchService branches;

    @Inject
    VersionService versions;

    @Inject
    BrokerUrls urls;

    @GET
    @Path("pacticipants/{pacticipant}/branches")
    public Response list(
            @PathParam("pacticipant") String pacticipant,
            @QueryParam("q") String q,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("pageNumber") String pageNumber,
            @QueryParam("pageSize") String pageSize) {
        Page<Branch> result = branches.list(pacticipant, q, PageRequest.parse(page, size, pageNumber, pageSize));
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> pageInfo = PageLinks.page(result);
        if (pageInfo != null) {
            body.put("page", pageInfo);
        }
        body.put(
                "_embedded",
                Map.of(
                        "branches",
                        result.items().stream().map(b -> branch(b, pacticipant)).toList()));
        Links links = Links.create()
                .add("self", Link.of(urls.branches(pacticipant), pacticipant + " branches"))
                .add(
                        "pb:branches",
                        result.items().stream()
                                .map(b -> new Link(urls.branch(pacticipant, b.name), null, b.name, null))
                                .toList());
        PageLinks.add(links, result, urls.branches(pacticipant), null);
        body.put("_links", links.build());
        return Hal.ok(body);
    }

    @GET
    @Path("pacticipants/{pacticipant}/branches/{branch}")
    public Response get(@PathParam("pacticipant") String pacticipant, @PathParam("branch") String branch) {
        return Hal.ok(branch(branches.get(pacticipant, branch), pacticipant));
    }

    @DELETE
    @Path("pacticipants/{pacticipant}/branches/{branch}")
    public Response delete(@PathParam("pacticipant") String pacticipant, @PathParam("branch") String branch) {
        branches.delete(pacticipant, branch);
        return Hal.noContent();
    }

    @GET
    @Path("pacticipants/{pacticipant}/branches/{branch}/latest-version")
    public Response latestVersion(@PathParam("pacticipant") String pacticipant, @PathParam("branch") String branch) {
        Version v = branches.latestVersion(pacticipant, branch);
        return Hal.ok(VersionRepresentation.from(
                versions.details(v, pacticipant), urls.branchLatestVersion(pacticipant, branch), urls));
    }

    @GET
    @Path("pacticipants/{pacticipant}/branches/{branch}/versions")
    public Response versions(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("branch") String branch,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Branch b = branches.get(pacticipant, branch);
        Page<BranchVersion> result = branches.branchVersions(b, PageRequest.parse(page, size, null, null));
        List<Version> list = versions.findByIds(
                result.items().stream().map(bv -> bv.versionId).toList());
        Map<Long, Version> byId = new LinkedHashMap<>();
        list.forEach(v -> byId.put(v.id, v));
        List<Version> ordered =
                result.items().stream().map(bv -> byId.get(bv.versionId)).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> pageInfo = PageLinks.page(result);
        if (pageInfo != null) {
            body.put("page", pageInfo);
        }
        body.put(
                "_embedded",
                Map.of(
                        "versions",
                        versions.details(ordered, pacticipant).stream()
                                .map(d -> VersionRepresentation.from(d, null, urls))
                                .toList()));
        Links links = Links.create()
                .add(
                        "self",
                        Link.of(
                                urls.branchVersions(pacticipant, branch),
                                "Versions of branch " + branch + " of " + pacticipant))
                .add("pb:branch", Link.of(urls.branch(pacticipant, branch), "Branch", branch));
        PageLinks.add(links, result, urls.branchVersions(pacticipant, branch), null);
        body.put("_links", links.build());
        return Hal.ok(body);
    }

    @GET
    @Path("pacticipants/{pacticipant}/branches/{branch}/versions/{version}")
    public Response getBranchVersion(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("branch") String branch,
            @PathParam("version") String version) {
        return Hal.ok(branchVersion(branches.getBranchVersion(pacticipant, branch, version), pacticipant, version));
    }

    @PUT
    @Path("pacticipants/{pacticipant}/branches/{branch}/versions/{version}")
    public Response putBranchVersion(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("branch") String branch,
            @PathParam("version") String version) {
        BranchService.Added added = branches.addVersion(pacticipant, branch, version);
        return Hal.saved(added.created(), branchVersion(added.branchVersion(), pacticipant, version));
    }

    @DELETE
    @Path("pacticipants/{pacticipant}/branches/{branch}/versions/{version}")
    public Response deleteBranchVersion(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("branch") String branch,
            @PathParam("version") String version) {
        branches.removeVersion(pacticipant, branch, version);
        return Hal.noContent();
    }

    private Map<String, Object> branch(Branch b, String pacticipant) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", b.name);
        body.put("createdAt", Dates.format(b.createdAt));
        String updated = Dates.updated(b.createdAt, b.updatedAt);
        if (updated != null) {
            body.put("updatedAt", updated);
        }
        body.put(
                "_links",
                Links.create()
                        .add("self", Link.of(urls.branch(pacticipant, b.name), "Branch"))
                        .add(
                                "pb:latest-version",
                                Link.of(urls.branchLatestVersion(pacticipant, b.name), "Latest version for branch"))
                        .add("pb:versions", Link.of(urls.branchVersions(pacticipant, b.name), "Versions of branch"))
                        .add("pb:pacticipant", Link.of(urls.pacticipant(pacticipant), "Pacticipant", pacticipant))
                        .build());
        return body;
    }

    private Map<String, Object> branchVersion(BranchVersion bv, String pacticipant, String version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("createdAt", Dates.format(bv.createdAt));
        body.put(
                "_links",
                Links.create()
                        .add("self", Link.of(urls.branchVersion(pacticipant, bv.branchName, version), "Branch version"))
                        .add("pb:branch", Link.of(urls.branch(pacticipant, bv.branchName), "Branch", bv.branchName))
                        .add("pb:version", Link.of(urls.version(pacticipant, version), "Version", version))
                        .build());
        return body;
    }
}
