package io.pactbroker.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP response: the expected one in a pact, or an actual one a provider returned.
 *
 * <pre>{@code
 * // what a provider answered, in one call
 * HttpResponse actual = HttpResponse.fromRaw(response.statusCode(), response.headers().map(), response.body());
 * }</pre>
 *
 * @param status the status code
 * @param headers the headers
 * @param body the body
 * @param matchingRules the matching rules (expected responses only)
 * @param generators the generators (expected responses only)
 */
public record HttpResponse(int status, Headers headers, Body body, MatchingRules matchingRules, Generators generators) {

    public HttpResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(matchingRules, "matchingRules");
        Objects.requireNonNull(generators, "generators");
    }

    /** A response with no headers and no body. */
    public static HttpResponse of(int status) {
        return new HttpResponse(status, Headers.empty(), Body.missing(), MatchingRules.empty(), Generators.empty());
    }

    /**
     * A response as an HTTP client received it.
     *
     * @param status the status code
     * @param headers the headers as a multi-map, one value per header line (a {@code null} key, as {@code
     *     HttpURLConnection} gives for the status line, is skipped)
     * @param body the body bytes, or {@code null} when there was none
     */
    public static HttpResponse fromRaw(int status, Map<String, ? extends List<String>> headers, byte[] body) {
        Map<String, List<String>> named = new java.util.LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (name != null) {
                named.put(name, values);
            }
        });
        Headers h = Headers.of(named);
        return new HttpResponse(
                status,
                h,
                body == null
                        ? Body.missing()
                        : Body.fromBytes(body, h.first("Content-Type").orElse(null)),
                MatchingRules.empty(),
                Generators.empty());
    }

    public HttpResponse withStatus(int newStatus) {
        return new HttpResponse(newStatus, headers, body, matchingRules, generators);
    }

    public HttpResponse withHeaders(Headers newHeaders) {
        return new HttpResponse(status, newHeaders, body, matchingRules, generators);
    }

    public HttpResponse withBody(Body newBody) {
        return new HttpResponse(status, headers, newBody, matchingRules, generators);
    }

    public HttpResponse withMatchingRules(MatchingRules newRules) {
        return new HttpResponse(status, headers, body, newRules, generators);
    }

    public HttpResponse withGenerators(Generators newGenerators) {
        return new HttpResponse(status, headers, body, matchingRules, newGenerators);
    }

    /** The content type: the body's own, else the {@code Content-Type} header's. */
    public Optional<ContentType> contentType() {
        Optional<ContentType> own = body.contentType();
        return own.isPresent() ? own : headers.contentType();
    }
}
