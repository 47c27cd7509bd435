package io.pactbroker.core.broker;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactbroker.core.internal.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * A HAL client for the Pact Broker on the JDK's {@link HttpClient}: read the index, follow relations (expanding
 * templated links), and GET, POST, PUT, PATCH or DELETE JSON. Errors say whether the broker could not be reached
 * ({@link BrokerUnreachableException}) or answered with an error ({@link BrokerResponseException}, with the broker's
 * own error text). Thread-safe; share one client.
 *
 * <pre>{@code
 * BrokerClient broker = BrokerClient.builder("https://broker.example.com")
 *     .auth(BrokerAuth.bearer(token))
 *     .build();
 * HalDocument result = broker.post(broker.index().requireLink("pb:publish-contracts").uri(), body);
 * HalDocument pacts = broker.follow("pb:latest-provider-pacts", Map.of("provider", "orders"));
 * }</pre>
 */
public final class BrokerClient {

    private final URI baseUrl;
    private final BrokerAuth auth;
    private final Duration timeout;
    private final HttpClient http;
    private final Map<String, String> headers;

    private BrokerClient(Builder builder) {
        this.baseUrl = builder.baseUrl;
        this.auth = builder.auth;
        this.timeout = builder.timeout;
        this.headers = Map.copyOf(builder.headers);
        this.http = builder.http != null
                ? builder.http
                : HttpClient.newBuilder()
                        .connectTimeout(builder.timeout)
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build();
    }

    /**
     * A builder for a broker at the base URL ({@code http://localhost:9292}, a trailing slash is fine).
     *
     * @throws IllegalArgumentException when the URL is not an absolute http(s) URL
     */
    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    /** The broker's base URL, without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The index (the entry point with every {@code pb:} relation). */
    public HalDocument index() {
        return get(baseUrl);
    }

    /** Follows a relation of the index, expanding its template with the values. */
    public HalDocument follow(String relation, Map<String, ?> values) {
        return follow(index(), relation, values);
    }

    /** Follows a relation of a document, expanding its template with the values. */
    public HalDocument follow(HalDocument from, String relation, Map<String, ?> values) {
        return get(from.requireLink(relation).expand(values));
    }

    public HalDocument get(URI uri) {
        return send("GET", uri, null);
    }

    public HalDocument post(URI uri, JsonNode body) {
        return send("POST", uri, body);
    }

    public HalDocument put(URI uri, JsonNode body) {
        return send("PUT", uri, body);
    }

    public HalDocument patch(URI uri, JsonNode body) {
        return send("PATCH", uri, body);
    }

    public HalDocument delete(URI uri) {
        return send("DELETE", uri, null);
    }

    /**
     * Sends a request and reads the JSON answer.
     *
     * @param method the HTTP method
     * @param uri where, absolute or relative to the base URL
     * @param body the JSON body, or {@code null}
     * @throws BrokerUnreachableException when no answer came
     * @throws BrokerResponseException when the answer has a status of 400 or more
     * @throws BrokerException when a successful answer is not JSON
     */
    public HalDocument send(String method, URI uri, JsonNode body) {
        URI target = uri.isAbsolute() ? uri : baseUrl.resolve(uri);
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Accept", "application/hal+json, application/json;q=0.9, */*;q=0.1");
        headers.forEach(request::header);
        auth.authorization().ifPresent(value -> request.header("Authorization", value));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.compact(body), StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnreachableException(target, "interrupted", e);
        } catch (IOException e) {
            throw new BrokerUnreachableException(target, reason(e), e);
        }
        String text = response.body() == null ? "" : response.body();
        Optional<JsonNode> json = parse(text);
        if (response.statusCode() >= 400) {
            throw new BrokerResponseException(
                    method,
                    target,
                    response.statusCode(),
                    text,
                    json,
                    json.map(BrokerClient::errors).orElse(List.of()),
                    json.map(HalDocument::notices).orElse(List.of()));
        }
        if (json.isEmpty() && !text.isBlank()) {
            throw new BrokerException("the answer to " + method + " " + target + " (" + response.statusCode()
                    + ") is not JSON: " + (text.length() > 200 ? text.substring(0, 200) + "..." : text.strip())
                    + "; is " + baseUrl + " a Pact Broker?");
        }
        return new HalDocument(target, response.statusCode(), json.orElseGet(() -> Json.NODES.objectNode()));
    }

    private static Optional<JsonNode> parse(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.parse(text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String reason(IOException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "the connection timed out";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within the timeout";
        }
        if (root instanceof ConnectException || e instanceof ConnectException) {
            return "connection refused (is the broker running, and is the URL right?)";
        }
        if (root instanceof UnknownHostException) {
            return "unknown host " + root.getMessage();
        }
        if (root instanceof SSLException) {
            return "TLS failed: " + root.getMessage();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** The error texts of the Pact Broker's error shapes, one line each. */
    static List<String> errors(JsonNode body) {
        List<String> out = new ArrayList<>();
        JsonNode errors = body.path("errors");
        if (errors.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = errors.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isArray()) {
                    e.getValue().forEach(v -> out.add(e.getKey() + ": " + text(v)));
                } else {
                    out.add(e.getKey() + ": " + text(e.getValue()));
                }
            }
        } else if (errors.isArray()) {
            errors.forEach(v -> out.add(text(v)));
        }
        JsonNode error = body.path("error");
        if (error.isObject() && error.path("message").isTextual()) {
            String reference = error.path("reference").asText("");
            out.add(error.get("message").textValue() + (reference.isEmpty() ? "" : " (reference " + reference + ")"));
        } else if (error.isTextual()) {
            out.add(error.textValue());
        }
        if (out.isEmpty() && body.path("detail").isTextual()) {
            out.add(body.get("detail").textValue());
        } else if (out.isEmpty() && body.path("title").isTextual()) {
            out.add(body.get("title").textValue());
        }
        if (out.isEmpty()) {
            HalDocument.notices(body).stream().filter(Notice::isProblem).forEach(n -> out.add(n.text()));
        }
        return out;
    }

    private static String text(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isObject() && value.path("message").isTextual()) {
            return value.get("message").textValue();
        }
        return value.toString();
    }

    /** Configures a {@link BrokerClient}. */
    public static final class Builder {
        private final URI baseUrl;
        private BrokerAuth auth = BrokerAuth.none();
        private Duration timeout = Duration.ofSeconds(30);
        private HttpClient http;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder(String url) {
            Objects.requireNonNull(url, "baseUrl");
            String trimmed = url.strip();
            while (trimmed.endsWith("/")) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            }
            URI uri;
            try {
                uri = URI.create(trimmed);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the broker URL \"" + url + "\" is not a URL: " + e.getMessage());
            }
            if (uri.getScheme() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("the broker URL \"" + url
                        + "\" must be an absolute http or https URL, such as" + " http://localhost:9292");
            }
            this.baseUrl = uri;
        }

        /** How to authenticate (none by default). */
        public Builder auth(BrokerAuth value) {
            this.auth = Objects.requireNonNull(value, "auth");
            return this;
        }

        /** The connect and request timeout (30 seconds by default). */
        public Builder timeout(Duration value) {
            this.timeout = Objects.requireNonNull(value, "timeout");
            return this;
        }

        /** An HTTP client of your own (for proxies, custom TLS); the timeout then applies to requests only. */
        public Builder httpClient(HttpClient client) {
            this.http = Objects.requireNonNull(client, "client");
            return this;
        }

        /** A header sent with every request. */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public BrokerClient build() {
            return new BrokerClient(this);
        }
    }
}
