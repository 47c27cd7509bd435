package io.pactbroker.broker.common.hal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a {@code _links} object in a stable order: {@code rel -> Link} or {@code rel -> [Link, ...]}. */
public final class Links {

    private final Map<String, Object> links = new LinkedHashMap<>();

    public static Links create() {
        return new Links();
    }

    public Links add(String rel, Link link) {
        links.put(rel, link);
        return this;
    }

    public Links add(String rel, List<Link> list) {
        links.put(rel, List.copyOf(list));
        return this;
    }

    /** A relation whose links carry more than the standard members (the Pact Broker adds some to a few links). */
    public Links addObjects(String rel, List<?> objects) {
        links.put(rel, List.copyOf(objects));
        return this;
    }

    /** The curies for the {@code pb:} relations, documented under {@code /doc/{rel}?context=...}. */
    public Links curies(BrokerUrls urls, String context) {
        links.put("curies", List.of(curie(urls.base(), context)));
        return this;
    }

    /** The {@code pb} curie pointing at the relation documentation for a context. */
    public static Map<String, Object> curie(String base, String context) {
        Map<String, Object> curie = new LinkedHashMap<>();
        curie.put("name", "pb");
        curie.put("href", base + "/doc/{rel}?context=" + context);
        curie.put("templated", true);
        return curie;
    }

    public Map<String, Object> build() {
        return links;
    }
}
