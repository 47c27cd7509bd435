package io.pactbroker.broker.common.hal;

import io.pactbroker.broker.common.paging.Page;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Pact Broker's pagination members: {@code page} and the {@code next}/{@code previous} links. */
public final class PageLinks {

    private PageLinks() {}

    /** The {@code page} object, or null when the collection was not paged. */
    public static Map<String, Object> page(Page<?> page) {
        if (!page.request().paged()) {
            return null;
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("number", page.request().number());
        p.put("size", page.request().size());
        p.put("totalElements", page.total());
        p.put("totalPages", page.totalPages());
        return p;
    }

    /** Adds {@code next} and {@code previous} links to a paged collection. */
    public static void add(Links links, Page<?> page, String resourceUrl, String extraQuery) {
        if (!page.request().paged()) {
            return;
        }
        String extra = extraQuery == null || extraQuery.isEmpty() ? "" : "&" + extraQuery;
        int number = page.request().number();
        if (number < page.totalPages()) {
            links.add(
                    "next",
                    Link.of(
                            resourceUrl + "?size=" + page.request().size() + "&page=" + (number + 1) + extra,
                            "Next page"));
        }
        if (number > 1) {
            links.add(
                    "previous",
                    Link.of(
                            resourceUrl + "?size=" + page.request().size() + "&page=" + (number - 1) + extra,
                            "Previous page"));
        }
    }
}
