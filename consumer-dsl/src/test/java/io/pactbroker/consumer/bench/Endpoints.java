package io.pactbroker.consumer.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The consumer code of every benchmark class: GET /items/{i} for each item, with the same JDK client. */
final class Endpoints {

    private Endpoints() {}

    static void callAll(String baseUrl, int count) {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < count; i++) {
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/items/" + i))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200 || !response.body().contains("\"id\"")) {
                    throw new AssertionError("item " + i + ": " + response.statusCode() + " " + response.body());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The plain run's stand-in for a provider: a JDK server answering every item. */
    static HttpServer plainServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/items", exchange -> {
                String id = exchange.getRequestURI().getPath().substring("/items/".length());
                byte[] body = ("{\"id\":" + id + ",\"name\":\"item\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
