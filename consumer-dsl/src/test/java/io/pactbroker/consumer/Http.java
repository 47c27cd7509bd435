package io.pactbroker.consumer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** A tiny HTTP client for tests. */
public final class Http {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {}

    public static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build(), CLIENT);
    }

    public static HttpResponse<String> get(String url, String... headers) {
        return send(
                HttpRequest.newBuilder(URI.create(url)).headers(headers).GET().build(), CLIENT);
    }

    public static HttpResponse<String> postJson(String url, String json) {
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                CLIENT);
    }

    public static HttpResponse<String> get(String url, SSLContext ssl) {
        return send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpClient.newBuilder().sslContext(ssl).build());
    }

    public static HttpResponse<String> send(HttpRequest request, HttpClient client) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
