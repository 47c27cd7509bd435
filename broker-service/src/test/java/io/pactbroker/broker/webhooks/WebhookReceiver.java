package io.pactbroker.broker.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * A real HTTP server on a free local port that records the webhook requests it receives and answers with the
 * statuses it is told to (200 once those run out).
 */
final class WebhookReceiver implements AutoCloseable {

    /** A request as received: header names lower case. */
    record Received(String method, String pathAndQuery, Map<String, String> headers, String body) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ConcurrentLinkedDeque<>();
    private volatile String responseBody = "{\"ok\": true}";

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) ->
                            headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(", ", values)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath()
                            + (exchange.getRequestURI().getRawQuery() == null
                                    ? ""
                                    : "?" + exchange.getRequestURI().getRawQuery()),
                    headers,
                    body));
            Integer status = statuses.poll();
            byte[] response = responseBody.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status == null ? 200 : status, response.length);
            exchange.getResponseBody().write(response);
            exchange.close();
        });
        server.start();
    }

    /** The URL of a path on this server. */
    String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    /** Answer the next requests with these statuses, in order. */
    WebhookReceiver respondWith(Integer... codes) {
        statuses.addAll(List.of(codes));
        return this;
    }

    WebhookReceiver respondWithBody(String body) {
        responseBody = body;
        return this;
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits until the server received this many requests, and returns them. */
    List<Received> awaitRequests(int count) {
        Eventually.until(
                () -> received.size() >= count,
                Duration.ofSeconds(20),
                () -> "expected " + count + " webhook requests, got " + received.size() + ": " + received);
        return received();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Waiting, with a deadline, for something that happens asynchronously. */
    static final class Eventually {
        private Eventually() {}

        static void until(BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> message) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Timed out after " + timeout + ": " + message.get());
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }
}
