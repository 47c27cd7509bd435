package io.pactbroker.core.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request: the expected one in a pact, or an actual one a mock server received.
 *
 * <pre>{@code
 * // what a mock server received, in one call
 * HttpRequest actual = HttpRequest.fromRaw(
 *     exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(), exchange.getRequestHeaders(), bodyBytes);
 *
 * // or step by step
 * HttpRequest expected = HttpRequest.of("POST", "/orders")
 *     .withQuery(Query.of("dryRun", "true"))
 *     .withBody(Body.json(tree));
 * }</pre>
 *
 * @param method the method, upper case
 * @param path the path (percent-decoded), {@code /} when absent in a pact
 * @param query the query parameters
 * @param headers the headers
 * @param body the body
 * @param matchingRules the matching rules (expected requests only)
 * @param generators the generators (expected requests only)
 */
public record HttpRequest(
        String method,
        String path,
        Query query,
        Headers headers,
        Body body,
        MatchingRules matchingRules,
        Generators generators) {

    public HttpRequest {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(matchingRules, "matchingRules");
        Objects.requireNonNull(generators, "generators");
    }

    /** A request with no query, headers or body. */
    public static HttpRequest of(String method, String path) {
        return new HttpRequest(
                method,
                path,
                Query.empty(),
                Headers.empty(),
                Body.missing(),
                MatchingRules.empty(),
                Generators.empty());
    }

    /**
     * A request as an HTTP server received it.
     *
     * @param method the method
     * @param path the decoded path ({@code URI.getPath()}, not the raw path)
     * @param rawQuery the raw query string without {@code ?} ({@code URI.getRawQuery()}), or {@code null}
     * @param headers the headers as a multi-map, one value per header line
     * @param body the body bytes, or {@code null} when there was none; its content type is the {@code Content-Type}
     *     header's (or detected from the bytes)
     */
    public static HttpRequest fromRaw(
            String method, String path, String rawQuery, Map<String, ? extends List<String>> headers, byte[] body) {
        Headers h = Headers.of(headers);
        return new HttpRequest(
                method,
                path,
                rawQuery == null ? Query.empty() : Query.parse(rawQuery),
                h,
                body == null
                        ? Body.missing()
                        : Body.fromBytes(body, h.first("Content-Type").orElse(null)),
                MatchingRules.empty(),
                Generators.empty());
    }

    public HttpRequest withMethod(String newMethod) {
        return new HttpRequest(newMethod, path, query, headers, body, matchingRules, generators);
    }

    public HttpRequest withPath(String newPath) {
        return new HttpRequest(method, newPath, query, headers, body, matchingRules, generators);
    }

    public HttpRequest withQuery(Query newQuery) {
        return new HttpRequest(method, path, newQuery, headers, body, matchingRules, generators);
    }

    /** The query from a raw query string as received ({@code a=1&b=2}, without the {@code ?}). */
    public HttpRequest withRawQuery(String rawQuery) {
        return withQuery(Query.parse(rawQuery));
    }

    public HttpRequest withHeaders(Headers newHeaders) {
        return new HttpRequest(method, path, query, newHeaders, body, matchingRules, generators);
    }

    public HttpRequest withBody(Body newBody) {
        return new HttpRequest(method, path, query, headers, newBody, matchingRules, generators);
    }

    public HttpRequest withMatchingRules(MatchingRules newRules) {
        return new HttpRequest(method, path, query, headers, body, newRules, generators);
    }

    public HttpRequest withGenerators(Generators newGenerators) {
        return new HttpRequest(method, path, query, headers, body, matchingRules, newGenerators);
    }

    /** The content type: the body's own, else the {@code Content-Type} header's. */
    public Optional<ContentType> contentType() {
        Optional<ContentType> own = body.contentType();
        return own.isPresent() ? own : headers.contentType();
    }
}
