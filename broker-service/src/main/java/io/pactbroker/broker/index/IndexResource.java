package io.pactbroker.broker.index;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Hal;
import io.pactbroker.broker.common.hal.Link;
import io.pactbroker.broker.common.hal.Links;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HAL entry point, with the Pact Broker's relation names, titles and templates, for the resources that exist.
 * Each feature contributes its relations through an {@link IndexRelations} bean when its resources land, so the index
 * never advertises a link that 404s.
 */
@Path("/")
public class IndexResource {

    @Inject
    BrokerUrls urls;

    @Inject
    Instance<IndexRelations> contributions;

    /** Every relation of the index, in the order of the contributing features. */
    List<IndexRelation> relations() {
        return contributions.stream()
                .sorted(Comparator.comparingInt(IndexRelations::order))
                .flatMap(c -> c.relations().stream())
                .toList();
    }

    @GET
    public Response index() {
        String base = urls.base();
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", new Link(base, "Index", null, false));
        for (IndexRelation r : relations()) {
            links.put(r.rel(), new Link(base + r.path(), r.title(), r.name(), r.templated()));
        }
        List<Map<String, Object>> curies = new java.util.ArrayList<>();
        curies.add(Links.curie(base, "index"));
        if (relations().stream().anyMatch(r -> r.rel().startsWith("beta:"))) {
            // the Pact Broker's second curie, for its beta: relations
            Map<String, Object> beta = new LinkedHashMap<>(Links.curie(base, "index"));
            beta.put("name", "beta");
            curies.add(beta);
        }
        links.put("curies", curies);
        return Hal.ok(Map.of("_links", links));
    }

    /**
     * The documentation the curies point at: for an index relation its title and path, for the relations of other
     * resources (whose curies carry their {@code context}) a pointer to the API reference.
     */
    @GET
    @Path("doc/{rel}")
    public Response doc(@PathParam("rel") String rel, @QueryParam("context") String context) {
        String name = rel.startsWith("pb:") ? rel : "pb:" + rel;
        String body = relations().stream()
                .filter(r -> r.rel().equals(name))
                .findFirst()
                .map(r -> "<p>" + html(r.title()) + "</p><p><code>" + html(r.path()) + "</code></p>")
                .orElse("<p>A relation of the " + html(context == null ? "broker's" : context) + " resources.</p>");
        return Response.ok("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + html(name)
                        + "</title></head><body><h1>" + html(name) + "</h1>" + body
                        + "<p>Every resource, relation and error is described in docs/api.md of this broker.</p>"
                        + "</body></html>")
                .type("text/html;charset=utf-8")
                .build();
    }

    private static String html(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
