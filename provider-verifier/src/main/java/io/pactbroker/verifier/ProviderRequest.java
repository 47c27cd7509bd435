package io.pactbroker.verifier;

import io.pactbroker.core.model.Headers;
import io.pactbroker.core.model.Interaction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP request the verifier is about to send to the provider, as a {@link RequestFilter} sees and changes it.
 * Immutable: each {@code with} method returns a changed copy.
 *
 * <pre>{@code
 * RequestFilter auth = request -> request.withHeader("Authorization", "Bearer " + tokens.issue());
 * RequestFilter placeholders = request -> request.path().startsWith("/PLACEHOLDER-")
 *     ? request.withPath(realPath(request.path()))
 *     : request;
 * }</pre>
 *
 * @param method the method
 * @param path the path as in the pact, without the provider's base path: encoded when sent, except for the
 *     percent-escapes it holds ({@code /pacticipants/Pricing%20Service}), which are sent as they are
 * @param rawQuery the query string, encoded, without {@code ?} (empty when there is none)
 * @param headers the headers
 * @param body the body bytes (empty when there is none)
 * @param interaction the interaction being verified
 */
public record ProviderRequest(
        String method, String path, String rawQuery, Headers headers, byte[] body, Interaction interaction) {

    public ProviderRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rawQuery, "rawQuery");
        Objects.requireNonNull(headers, "headers");
        body = body == null ? new byte[0] : body.clone();
        Objects.requireNonNull(interaction, "interaction");
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header, ignoring the case of the name. */
    public Optional<String> header(String name) {
        return headers.first(name);
    }

    public ProviderRequest withMethod(String value) {
        return new ProviderRequest(value, path, rawQuery, headers, body, interaction);
    }

    public ProviderRequest withPath(String value) {
        return new ProviderRequest(method, value, rawQuery, headers, body, interaction);
    }

    /** With another query string (encoded, without {@code ?}). */
    public ProviderRequest withRawQuery(String value) {
        return new ProviderRequest(method, path, value == null ? "" : value, headers, body, interaction);
    }

    /** With the header set to the value, replacing any value it had. */
    public ProviderRequest withHeader(String name, String value) {
        return new ProviderRequest(method, path, rawQuery, headers.with(name, List.of(value)), body, interaction);
    }

    public ProviderRequest withoutHeader(String name) {
        return new ProviderRequest(method, path, rawQuery, headers.without(name), body, interaction);
    }

    public ProviderRequest withBody(byte[] value) {
        return new ProviderRequest(method, path, rawQuery, headers, value, interaction);
    }

    public ProviderRequest withBody(String value) {
        return withBody(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProviderRequest r
                && r.method.equals(method)
                && r.path.equals(path)
                && r.rawQuery.equals(rawQuery)
                && r.headers.equals(headers)
                && java.util.Arrays.equals(r.body, body)
                && r.interaction.equals(interaction);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, rawQuery, headers, java.util.Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return method + " " + path + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
    }
}
