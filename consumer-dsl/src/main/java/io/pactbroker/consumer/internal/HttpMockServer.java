package io.pactbroker.consumer.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.pactbroker.core.generators.Generation;
import io.pactbroker.core.generators.GeneratorContext;
import io.pactbroker.core.matching.ClosestMatch;
import io.pactbroker.core.matching.Matching;
import io.pactbroker.core.model.HttpInteraction;
import io.pactbroker.core.model.HttpRequest;
import io.pactbroker.core.model.HttpResponse;
import io.pactbroker.core.model.MatchingRules;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The mock server: a JDK {@link HttpServer} (or {@link HttpsServer}) that answers requests matching one of the
 * expected interactions with its response (generators applied) and records everything else. Thread-safe.
 */
public final class HttpMockServer implements AutoCloseable {

    /** A request that matched no interaction, with the closest interaction and how it differed. */
    public record Unexpected(HttpRequest request, Optional<ClosestMatch> closest) {}

    private static final AtomicInteger THREADS = new AtomicInteger();

    static {
        // The JDK server leaves Nagle's algorithm on; with the client's delayed ACKs every response then waits about
        // 40 ms. The setting is read once, when the JVM's first HttpServer starts, so set it before that.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String url;
    private final boolean tls;
    private final Optional<SelfSignedCertificate> certificate;

    /** Expected interactions with how often each was requested (a list: hashing whole interactions costs more). */
    private final List<Expectation> expected = new ArrayList<>();

    private static final class Expectation {
        final HttpInteraction interaction;
        int received;

        Expectation(HttpInteraction interaction) {
            this.interaction = interaction;
        }
    }

    private final List<Unexpected> unexpected = new ArrayList<>();

    private HttpMockServer(
            HttpServer server, ExecutorService executor, String url, Optional<SelfSignedCertificate> certificate) {
        this.server = server;
        this.executor = executor;
        this.url = url;
        this.tls = certificate.isPresent();
        this.certificate = certificate;
    }

    /**
     * Starts a server.
     *
     * @param host the address to listen on
     * @param port the port, 0 for any free one
     * @param certificate the certificate for TLS, empty for plain HTTP
     */
    public static HttpMockServer start(String host, int port, Optional<SelfSignedCertificate> certificate) {
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(host), port);
            HttpServer server;
            if (certificate.isPresent()) {
                HttpsServer https = HttpsServer.create(address, 0);
                https.setHttpsConfigurator(
                        new HttpsConfigurator(certificate.get().serverContext()));
                server = https;
            } else {
                server = HttpServer.create(address, 0);
            }
            ExecutorService executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "pact-mock-server-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            int actualPort = server.getAddress().getPort();
            String hostPart = host.contains(":") ? "[" + host + "]" : host;
            String url = (certificate.isPresent() ? "https" : "http") + "://" + hostPart + ":" + actualPort;
            HttpMockServer mock = new HttpMockServer(server, executor, url, certificate);
            server.createContext("/", mock::handle);
            server.start();
            return mock;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start the mock server on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public String url() {
        return url;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public boolean isTls() {
        return tls;
    }

    public SSLContext clientSslContext() {
        return certificate
                .orElseThrow(() -> new IllegalStateException(
                        "the mock server does not use TLS; enable it with @PactConsumerTest(tls = true)"))
                .clientContext();
    }

    /** Adds expected interactions. */
    public synchronized void expect(List<HttpInteraction> interactions) {
        for (HttpInteraction interaction : interactions) {
            boolean known = false;
            for (Expectation e : expected) {
                if (e.interaction.description().equals(interaction.description())
                        && e.interaction.equals(interaction)) {
                    known = true;
                    break;
                }
            }
            if (!known) {
                expected.add(new Expectation(interaction));
            }
        }
    }

    /** Forgets expectations and what was received. */
    public synchronized void reset() {
        expected.clear();
        unexpected.clear();
    }

    /** The expected interactions that were not requested. */
    public synchronized List<HttpInteraction> missing() {
        return expected.stream()
                .filter(e -> e.received == 0)
                .map(e -> e.interaction)
                .toList();
    }

    /** The requests that matched no interaction. */
    public synchronized List<Unexpected> unexpected() {
        return List.copyOf(unexpected);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            URI uri = exchange.getRequestURI();
            HttpRequest actual = HttpRequest.fromRaw(
                    exchange.getRequestMethod(),
                    uri.getPath(),
                    uri.getRawQuery(),
                    exchange.getRequestHeaders(),
                    bytes.length == 0 ? null : bytes);
            Optional<HttpInteraction> match = Optional.empty();
            Optional<ClosestMatch> closest = Optional.empty();
            synchronized (this) {
                for (Expectation e : candidates(actual)) {
                    if (Matching.matchRequest(e.interaction.request(), actual).matched()) {
                        e.received++;
                        match = Optional.of(e.interaction);
                        break;
                    }
                }
                if (match.isEmpty()) {
                    closest = Matching.closestInteraction(
                            expected.stream().map(e -> e.interaction).toList(), actual);
                    unexpected.add(new Unexpected(actual, closest));
                }
            }
            if (match.isPresent()) {
                respond(exchange, Generation.response(match.get().response(), GeneratorContext.consumer(url)));
            } else {
                String explanation = Reports.unexpected(new Unexpected(actual, closest));
                byte[] body = explanation.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
                exchange.sendResponseHeaders(500, body.length);
                exchange.getResponseBody().write(body);
            }
        } catch (RuntimeException e) {
            byte[] body = ("pact mock server error: " + e).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /**
     * The interactions that can match at all: same method, and the same path unless a rule decides the path. Matching
     * only these keeps a request's cost flat however many interactions a test declares.
     */
    private List<Expectation> candidates(HttpRequest actual) {
        List<Expectation> out = new ArrayList<>();
        for (Expectation e : expected) {
            HttpRequest request = e.interaction.request();
            if (request.method().equalsIgnoreCase(actual.method())
                    && (request.path().equals(actual.path())
                            || !request.matchingRules()
                                    .category(MatchingRules.PATH)
                                    .isEmpty())) {
                out.add(e);
            }
        }
        return out;
    }

    private static void respond(HttpExchange exchange, HttpResponse response) throws IOException {
        response.headers().asMap().forEach((name, values) -> exchange.getResponseHeaders()
                .put(name, List.copyOf(values)));
        byte[] body = response.body().bytes();
        if (body.length > 0 && !response.headers().contains("Content-Type")) {
            response.body().contentType().ifPresent(t -> exchange.getResponseHeaders()
                    .set("Content-Type", t.toString()));
        }
        boolean noBody = body.length == 0
                || exchange.getRequestMethod().equalsIgnoreCase("HEAD")
                || response.status() == 204
                || response.status() == 304
                || response.status() < 200;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
