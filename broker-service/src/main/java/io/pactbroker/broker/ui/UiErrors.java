package io.pactbroker.broker.ui;

import io.pactbroker.broker.common.hal.BrokerUrls;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * A readable error page for browsers: an error answer to a GET whose {@code Accept} prefers HTML gets the error as a
 * page (same status) instead of the JSON the API clients read. The JSON error comes from the one exception mapper; this
 * only re-renders its message.
 */
@Provider
public class UiErrors implements ContainerResponseFilter {

    @Inject
    BrokerUrls brokerUrls;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400
                || !"GET".equals(request.getMethod())
                || !UiNegotiation.prefersHtml(request.getHeaderString("Accept"))
                || (response.getMediaType() != null
                        && response.getMediaType().isCompatible(MediaType.TEXT_HTML_TYPE))) {
            return;
        }
        String message = message(response.getEntity());
        response.setEntity(render(new UiUrls(brokerUrls), status, message), null, MediaType.valueOf(UiPage.HTML));
    }

    static String render(UiUrls urls, int status, String message) {
        String title =
                switch (status) {
                    case 400 -> "Bad request";
                    case 401 -> "Sign in needed";
                    case 403 -> "Not allowed";
                    case 404 -> "Not found";
                    case 409 -> "Conflict";
                    default -> status >= 500 ? "Something went wrong" : "Error";
                };
        Html h = new Html();
        h.open("div", "class", "error", "role", "alert")
                .el("p", "Error " + status + (message == null ? "" : ": " + message))
                .close("div")
                .raw("<p>")
                .link(urls.dashboard(), "Back to the dashboard")
                .raw("</p>");
        return UiPage.render(urls, title, null, null, h.toString());
    }

    /** The message of the mapper's body: {@code error}, {@code error.message}, or the validation messages. */
    static String message(Object entity) {
        if (entity instanceof Map<?, ?> map) {
            Object error = map.get("error");
            if (error instanceof String s) {
                return s;
            }
            if (error instanceof Map<?, ?> e && e.get("message") != null) {
                return String.valueOf(e.get("message"));
            }
            Object errors = map.get("errors");
            if (errors instanceof List<?> list) {
                return String.join("; ", list.stream().map(String::valueOf).toList());
            }
            if (errors instanceof Map<?, ?> e) {
                StringBuilder b = new StringBuilder();
                e.forEach((field, messages) -> {
                    for (Object m : messages instanceof List<?> l ? l : List.of(messages)) {
                        b.append(b.length() == 0 ? "" : "; ")
                                .append(field == null || "".equals(field) ? "" : field + " ")
                                .append(m);
                    }
                });
                return b.toString();
            }
            Object detail = map.get("detail");
            if (detail != null) {
                return String.valueOf(detail);
            }
        }
        return entity instanceof String s && !s.isBlank() && s.length() < 500 ? s : null;
    }
}
