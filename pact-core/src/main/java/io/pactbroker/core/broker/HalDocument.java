package io.pactbroker.core.broker;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A HAL resource the broker returned: where it came from, the status, and the JSON body with its {@code _links} and
 * {@code _embedded}.
 *
 * <pre>{@code
 * HalDocument index = client.index();
 * Link publish = index.requireLink("pb:publish-contracts");
 * index.notices();   // the broker's notices, when the body has any
 * }</pre>
 *
 * @param uri the URI the document was read from
 * @param status the HTTP status
 * @param body the JSON body (an empty object when there was none)
 */
public record HalDocument(URI uri, int status, JsonNode body) {

    public HalDocument {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(body, "body");
    }

    /** The first link of a relation. */
    public Optional<Link> link(String relation) {
        List<Link> links = links(relation);
        return links.isEmpty() ? Optional.empty() : Optional.of(links.get(0));
    }

    /** All links of a relation (HAL allows an array). */
    public List<Link> links(String relation) {
        JsonNode node = body.path("_links").path(relation);
        List<Link> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> read(n).ifPresent(out::add));
        } else {
            read(node).ifPresent(out::add);
        }
        return out;
    }

    /** The relations the document links to, in order. */
    public List<String> relations() {
        List<String> out = new ArrayList<>();
        body.path("_links").fieldNames().forEachRemaining(out::add);
        return out;
    }

    /**
     * The first link of a relation.
     *
     * @throws BrokerException naming the relation and the ones the document has
     */
    public Link requireLink(String relation) {
        return link(relation)
                .orElseThrow(() -> new BrokerException("the resource at " + uri + " has no '" + relation
                        + "' link (it has " + (relations().isEmpty() ? "none" : String.join(", ", relations()))
                        + "); is this a Pact Broker, and a recent enough one?"));
    }

    /** The embedded resources of a name (one or an array), empty when there are none. */
    public List<JsonNode> embedded(String name) {
        JsonNode node = body.path("_embedded").path(name);
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.add(node);
        }
        return out;
    }

    /** The {@code notices} of the body ({@code [{"type": "success", "text": "..."}]}), in order. */
    public List<Notice> notices() {
        return notices(body);
    }

    static List<Notice> notices(JsonNode body) {
        List<Notice> out = new ArrayList<>();
        for (Iterator<JsonNode> it = body.path("notices").elements(); it.hasNext(); ) {
            JsonNode n = it.next();
            out.add(new Notice(n.path("type").asText("info"), n.path("text").asText("")));
        }
        return out;
    }

    private static Optional<Link> read(JsonNode node) {
        if (!node.isObject() || !node.path("href").isTextual()) {
            return Optional.empty();
        }
        return Optional.of(new Link(
                node.get("href").textValue(),
                node.path("templated").asBoolean(false),
                Optional.ofNullable(node.path("title").textValue()),
                Optional.ofNullable(node.path("name").textValue())));
    }
}
