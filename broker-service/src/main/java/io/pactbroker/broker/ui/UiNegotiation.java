package io.pactbroker.broker.ui;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * Browsers get the dashboard at {@code /}; HAL clients get the index. A GET of {@code /} whose {@code Accept} prefers
 * {@code text/html} to the JSON types is routed to the dashboard before matching, so the index resource knows
 * nothing of the UI. {@code application/hal+json}, {@code application/json}, {@code * / *} alone or no {@code Accept}
 * keep getting the index.
 */
@Provider
@PreMatching
public class UiNegotiation implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if ("GET".equals(request.getMethod())
                && "/".equals(request.getUriInfo().getRequestUri().getRawPath())
                && prefersHtml(request.getHeaderString("Accept"))) {
            URI uri = request.getUriInfo().getRequestUri();
            request.setRequestUri(uri.resolve("/ui" + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
        }
    }

    /**
     * Whether the header ranks {@code text/html} (or {@code application/xhtml+xml}) above the JSON types: the highest
     * quality wins, the first listed among equals. Wildcards do not count, so {@code * / *} is not a browser.
     */
    static boolean prefersHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double html = -1;
        double json = -1;
        for (String part : accept.split(",")) {
            String[] pieces = part.trim().split(";");
            String type = pieces[0].trim().toLowerCase(java.util.Locale.ROOT);
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (q <= 0) {
                continue;
            }
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html = Math.max(html, q);
            } else if (type.equals("application/hal+json") || type.equals("application/json")) {
                json = Math.max(json, q);
            }
        }
        return html > json || (html >= 0 && html == json && !firstIsJson(accept));
    }

    private static boolean firstIsJson(String accept) {
        String lower = accept.toLowerCase(java.util.Locale.ROOT);
        int html = lower.indexOf("html");
        int json = lower.indexOf("json");
        return json >= 0 && json < html;
    }
}
