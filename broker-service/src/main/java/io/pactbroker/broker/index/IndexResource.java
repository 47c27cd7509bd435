package io.pactbroker.broker.index;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Hal;
import io.pactbroker.broker.common.hal.Link;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HAL entry point, with the Pact Broker's relation names, titles and templates, for the resources that exist.
 * Each feature adds its relations here when its resources land, so the index never advertises a link that 404s.
 */
@Path("/")
public class IndexResource {

    @Inject
    BrokerUrls urls;

    /** The relations of the index: name, path (relative to the base URL), title, templated. */
    record Relation(String rel, String path, String title, boolean templated) {}

    static final List<Relation> RELATIONS = List.of(
            new Relation(
                    "pb:publish-pact",
                    "/pacts/provider/{provider}/consumer/{consumer}/version/{consumerApplicationVersion}",
                    "Publish a pact",
                    true),
            new Relation("pb:publish-contracts", "/contracts/publish", "Publish contracts", false),
            new Relation("pb:latest-pact-versions", "/pacts/latest", "Latest pact versions", false),
            new Relation(
                    "pb:tagged-pact-versions",
                    "/pacts/provider/{provider}/consumer/{consumer}/tag/{tag}",
                    "All versions of a pact for a given consumer, provider and consumer version tag",
                    false),
            new Relation(
                    "pb:branch-pact-versions",
                    "/pacts/provider/{provider}/consumer/{consumer}/branch/{branch}",
                    "All versions of pacts for a provider, for a named consumers branch",
                    true),
            new Relation(
                    "pb:latest-branch-pact-versions",
                    "/pacts/provider/{provider}/consumer/{consumer}/branch/{branch}/latest/versions",
                    "Latest version of pact for a provider, for a named consumers branch",
                    true),
            new Relation(
                    "pb:main-branch-pact-versions",
                    "/pacts/provider/{provider}/consumer/{consumer}/branch/versions",
                    "All versions of pacts for a provider, for a named consumers main branch",
                    true),
            new Relation(
                    "pb:latest-main-branch-pact-versions",
                    "/pacts/provider/{provider}/consumer/{consumer}/branch/latest/versions",
                    "Latest version of pact for a provider, for a named consumers main branch",
                    true),
            new Relation(
                    "pb:provider-pacts-with-main-branch",
                    "/pacts/provider/{provider}/branch",
                    "All pacts for a provider, for any consumers main branch",
                    true),
            new Relation(
                    "pb:provider-pacts-with-branch",
                    "/pacts/provider/{provider}/branch/{branch}",
                    "All pacts for a provider, for any consumers named branch",
                    true),
            new Relation(
                    "pb:latest-provider-pacts-with-main-branch",
                    "/pacts/provider/{provider}/branch/latest",
                    "Latest pact for a provider, for any consumers main branch",
                    true),
            new Relation(
                    "pb:latest-provider-pacts-with-branch",
                    "/pacts/provider/{provider}/branch/{branch}/latest",
                    "Latest pacts for a provider, for any consumers named branch",
                    true),
            new Relation("pb:pacticipants", "/pacticipants", "Pacticipants", false),
            new Relation("pb:pacticipant", "/pacticipants/{pacticipant}", "Fetch pacticipant by name", true),
            new Relation(
                    "pb:latest-provider-pacts", "/pacts/provider/{provider}/latest", "Latest pacts by provider", true),
            new Relation(
                    "pb:latest-provider-pacts-with-tag",
                    "/pacts/provider/{provider}/latest/{tag}",
                    "Latest pacts for provider with the specified tag",
                    true),
            new Relation(
                    "pb:provider-pacts-with-tag",
                    "/pacts/provider/{provider}/tag/{tag}",
                    "All pact versions for the provider with the specified consumer version tag",
                    true),
            new Relation(
                    "pb:provider-pacts",
                    "/pacts/provider/{provider}",
                    "All pact versions for the specified provider",
                    true),
            new Relation(
                    "pb:latest-version",
                    "/pacticipants/{pacticipant}/latest-version",
                    "Latest pacticipant version",
                    true),
            new Relation(
                    "pb:latest-tagged-version",
                    "/pacticipants/{pacticipant}/latest-version/{tag}",
                    "Latest pacticipant version with the specified tag",
                    true),
            new Relation("pb:integrations", "/integrations", "Integrations", false),
            new Relation(
                    "pb:pacticipant-version-tag",
                    "/pacticipants/{pacticipant}/versions/{version}/tags/{tag}",
                    "Get, create or delete a tag for a pacticipant version",
                    true),
            new Relation(
                    "pb:pacticipant-branch",
                    "/pacticipants/{pacticipant}/branches/{branch}",
                    "Get or delete a pacticipant branch",
                    true),
            new Relation(
                    "pb:pacticipant-branch-version",
                    "/pacticipants/{pacticipant}/branches/{branch}/versions/{version}",
                    "Get or add/create a pacticipant version for a branch",
                    true),
            new Relation(
                    "pb:pacticipant-version",
                    "/pacticipants/{pacticipant}/versions/{version}",
                    "Get, create or delete a pacticipant version",
                    true));

    @GET
    public Response index() {
        String base = urls.base();
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", new Link(base, "Index", null, false));
        for (Relation r : RELATIONS) {
            links.put(r.rel(), new Link(base + r.path(), r.title(), null, r.templated()));
        }
        links.put(
                "curies", List.of(Map.of("name", "pb", "href", base + "/doc/{rel}?context=index", "templated", true)));
        return Hal.ok(Map.of("_links", links));
    }

    /** The documentation the curies point at: the title of the relation, and where it leads. */
    @GET
    @Path("doc/{rel}")
    public Response doc(@PathParam("rel") String rel) {
        String name = rel.startsWith("pb:") ? rel : "pb:" + rel;
        return RELATIONS.stream()
                .filter(r -> r.rel().equals(name))
                .findFirst()
                .map(r -> Response.ok("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + html(r.rel())
                                + "</title></head><body><h1>" + html(r.rel()) + "</h1><p>" + html(r.title())
                                + "</p><p><code>" + html(r.path()) + "</code></p><p>See docs/api.md of this broker.</p>"
                                + "</body></html>")
                        .type("text/html;charset=utf-8")
                        .build())
                .orElseGet(() -> Response.status(404)
                        .type("text/plain;charset=utf-8")
                        .entity("No documentation for relation " + rel + "\n")
                        .build());
    }

    private static String html(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
