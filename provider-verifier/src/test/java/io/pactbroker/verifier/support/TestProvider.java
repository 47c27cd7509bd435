package io.pactbroker.verifier.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP provider for the tests, on the JDK's server: routes answer canned or computed responses, and every
 * request (state changes included) is recorded.
 *
 * <pre>{@code
 * try (TestProvider provider = TestProvider.start()) {
 *     provider.route("GET /orders/7", exchange -> TestProvider.Reply.json(200, "{\"id\": 7}"));
 * }
 * }</pre>
 */
public final class TestProvider implements AutoCloseable {

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** A received request. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {}

    /** An answer. */
    public record Reply(int status, Map<String, String> headers, String body) {
        public static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body);
        }

        public static Reply status(int status) {
            return new Reply(status, Map.of(), "");
        }
    }

    /** Computes an answer. */
    @FunctionalInterface
    public interface Route {
        Reply answer(Received request);
    }

    private final HttpServer server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private TestProvider(HttpServer server) {
        this.server = server;
    }

    public static TestProvider start() {
        try {
            return serve(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A provider over HTTPS, with the certificate of the context (see {@link SelfSignedCertificate}). */
    public static TestProvider startHttps(SSLContext tls) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            return serve(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestProvider serve(HttpServer server) {
        TestProvider provider = new TestProvider(server);
        server.createContext("/", provider::handle);
        server.start();
        return provider;
    }

    /** Answers {@code "METHOD /path"} (exact path) with the route. */
    public TestProvider route(String methodAndPath, Route route) {
        routes.put(methodAndPath, route);
        return this;
    }

    public TestProvider route(String methodAndPath, Reply reply) {
        return route(methodAndPath, r -> reply);
    }

    public String url() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:"
                + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received request = new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body);
            received.add(request);
            Route route = routes.get(request.method() + " " + request.path());
            Reply reply = route == null
                    ? new Reply(
                            404,
                            Map.of("Content-Type", "text/plain"),
                            "no route for " + request.method() + " " + request.path())
                    : route.answer(request);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
