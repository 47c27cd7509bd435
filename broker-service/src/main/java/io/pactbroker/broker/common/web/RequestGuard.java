package io.pactbroker.broker.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses hostile requests before any resource sees them: control characters in the path (422, as the Pact Broker
 * does for new lines and tabs), empty path segments (404, as the Pact Broker does), {@code .} and {@code ..} segments,
 * plain or encoded (400: names cannot walk the path), and bodies announced larger than the limit (413 with a message;
 * bodies streamed without a length are cut off by the HTTP server at the same limit).
 *
 * <p>An encoded slash ({@code %2F}) inside a segment is part of the name, as in the Pact Broker (branch names such as
 * {@code feature/x} arrive that way), and never changes which resource is addressed.
 */
@ApplicationScoped
public class RequestGuard {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        router.route().order(-200).handler(this::check);
    }

    void check(RoutingContext ctx) {
        Optional<Refusal> refusal = refusal(rawPath(ctx.request().uri()));
        if (refusal.isEmpty()) {
            refusal = bodySize(ctx.request().getHeader("Content-Length"));
        }
        if (refusal.isPresent()) {
            respond(ctx, refusal.get());
        } else {
            ctx.next();
        }
    }

    /** The path of the request URI exactly as sent (the server may hand out a normalised one elsewhere). */
    static String rawPath(String uri) {
        if (uri == null) {
            return "";
        }
        String path = uri;
        int schemeEnd = path.indexOf("://");
        if (schemeEnd >= 0 && schemeEnd < path.indexOf('/') + 1) {
            int pathStart = path.indexOf('/', schemeEnd + 3);
            path = pathStart < 0 ? "/" : path.substring(pathStart);
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        int fragment = path.indexOf('#');
        return fragment >= 0 ? path.substring(0, fragment) : path;
    }

    /** Why a raw (still percent-encoded) path is refused, if it is. */
    static Optional<Refusal> refusal(String rawPath) {
        String decoded = decode(rawPath);
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c == '\n' || c == '\r') {
                return Optional.of(new Refusal(
                        422,
                        "Unprocessable",
                        "invalid-request-parameter-value",
                        "URL path cannot contain a new line character."));
            }
            if (c == '\t') {
                return Optional.of(new Refusal(
                        422,
                        "Unprocessable",
                        "invalid-request-parameter-value",
                        "URL path cannot contain a tab character."));
            }
            if (c < 0x20 || c == 0x7f) {
                return Optional.of(new Refusal(
                        422,
                        "Unprocessable",
                        "invalid-request-parameter-value",
                        String.format("URL path cannot contain control characters (found U+%04X).", (int) c)));
            }
        }
        if (rawPath.contains("//")) {
            return Optional.of(new Refusal(404, "Not Found", "not-found", "Empty path component found"));
        }
        for (String segment : rawPath.split("/", -1)) {
            String value = decode(segment);
            for (String part : value.split("[/\\\\]", -1)) {
                if (part.equals("..") || (part.equals(".") && !segment.isEmpty())) {
                    return Optional.of(new Refusal(
                            400,
                            "Invalid path segment",
                            "invalid-request-parameter-value",
                            "URL path segments cannot be '.' or '..' (plain or encoded): names must not contain "
                                    + "relative path parts."));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Refusal> bodySize(String contentLength) {
        if (contentLength == null) {
            return Optional.empty();
        }
        try {
            long length = Long.parseLong(contentLength.trim());
            if (length > maxBodySize.asLongValue()) {
                return Optional.of(new Refusal(
                        413,
                        "Request body too large",
                        "payload-too-large",
                        "The request body is " + length + " bytes, more than the limit of "
                                + maxBodySize.asLongValue()
                                + " bytes. Publish smaller contracts, or raise PACT_BROKER_MAX_BODY_SIZE."));
            }
        } catch (NumberFormatException e) {
            return Optional.of(new Refusal(
                    400, "Malformed request", "malformed-request", "The Content-Length header is not a number."));
        }
        return Optional.empty();
    }

    private static void respond(RoutingContext ctx, Refusal refusal) {
        Map<String, Object> body = new LinkedHashMap<>();
        String accept = ctx.request().getHeader("Accept");
        boolean problem = refusal.status() == 422 || (accept != null && accept.contains("application/problem+json"));
        if (problem) {
            body.put("type", "/problems/" + refusal.type());
            body.put("title", refusal.title());
            body.put("detail", refusal.detail());
            body.put("status", refusal.status());
        } else {
            body.put("error", refusal.detail());
        }
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            json = "{}";
        }
        ctx.response()
                .setStatusCode(refusal.status())
                .putHeader(
                        "Content-Type",
                        problem ? "application/problem+json;charset=utf-8" : "application/hal+json;charset=utf-8")
                .putHeader("Connection", refusal.status() == 413 ? "close" : "keep-alive")
                .end(json);
    }

    /** Decodes percent-escapes as UTF-8, leaving malformed escapes as they are. */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
                out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit((char) b, 16);
    }

    record Refusal(int status, String title, String type, String detail) {}
}
