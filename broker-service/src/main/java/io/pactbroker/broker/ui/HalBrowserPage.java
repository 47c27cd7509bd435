package io.pactbroker.broker.ui;

/**
 * The HAL browser for developers: the JSON of an API resource, fetched by the page's script with
 * {@code Accept: application/hal+json}, pretty-printed, its links made browsable. Without script, the raw JSON link
 * still works.
 */
final class HalBrowserPage {

    private HalBrowserPage() {}

    static String render(UiUrls urls, String path) {
        String api = urls.base() + path;
        Html h = new Html();
        h.open("form", "class", "filters", "method", "get", "action", urls.base() + "/ui/hal")
                .raw("<div class=\"field wide\">")
                .el("label", "API path", "for", "path")
                .open("input", "id", "path", "name", "path", "value", path, "size", "60")
                .raw("</div><button type=\"submit\">Go</button></form>")
                .open(
                        "div",
                        "id",
                        "hal",
                        "class",
                        "hal",
                        "data-url",
                        api,
                        "data-browser",
                        urls.base() + "/ui/hal?path=",
                        "data-base",
                        urls.base(),
                        "aria-live",
                        "polite")
                .el("p", "Loading " + path + " …")
                .close("div")
                .raw("<noscript><p>")
                .link(api, "Open the JSON")
                .raw("</p></noscript>");
        return UiPage.render(urls, "API: " + path, "api", api, h.toString());
    }
}
