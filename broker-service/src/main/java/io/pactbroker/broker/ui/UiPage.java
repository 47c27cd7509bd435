package io.pactbroker.broker.ui;

import jakarta.ws.rs.core.Response;

/**
 * The frame of every page: a skip link, the navigation, the main content, and a footer that links the page's JSON
 * (the API resource it shows) in the HAL browser and as raw JSON. Styles and script come from the broker itself
 * ({@code /ui/assets}), never from outside, so the UI works offline.
 */
final class UiPage {

    static final String HTML = "text/html;charset=utf-8";

    private UiPage() {}

    /**
     * A whole page.
     *
     * @param section the navigation entry to mark as current
     * @param api the API resource the page shows (absolute URL), or null
     */
    static String render(UiUrls urls, String title, String section, String api, String content) {
        Html h = new Html();
        h.raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .el("title", title + " · Pact Broker")
                .open("link", "rel", "stylesheet", "href", urls.asset("ui.css"))
                .open("script", "src", urls.asset("ui.js"), "defer", "defer")
                .close("script")
                .raw("</head><body>")
                .raw("<a class=\"skip\" href=\"#main\">Skip to content</a>")
                .raw("<header class=\"top\"><nav aria-label=\"Main\"><ul>");
        item(h, urls.dashboard(), "Dashboard", "dashboard", section);
        item(h, urls.matrix(), "Can I deploy?", "matrix", section);
        item(h, urls.environments(), "Environments", "environments", section);
        item(h, urls.network(), "Network", "network", section);
        item(h, urls.hal(urls.base() + "/"), "API", "api", section);
        h.raw("</ul></nav></header>")
                .open("main", "id", "main", "tabindex", "-1")
                .el("h1", title)
                .raw(content)
                .close("main")
                .raw("<footer>");
        if (api != null) {
            h.text("This page as JSON: ")
                    .link(urls.hal(api), "browse in the HAL browser", "class", "json-link")
                    .text(" · ")
                    .link(api, "raw JSON", "class", "raw-json", "type", "application/hal+json");
        }
        h.raw("</footer></body></html>");
        return h.toString();
    }

    private static void item(Html h, String href, String label, String name, String section) {
        h.raw("<li>")
                .link(href, label, "aria-current", name.equals(section) ? "page" : null)
                .raw("</li>");
    }

    static Response ok(String html) {
        return Response.ok(html).type(HTML).build();
    }
}
