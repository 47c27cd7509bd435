package io.pactbroker.compatibility.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The real, packaged broker ({@code broker-service/target/quarkus-app/quarkus-run.jar}) running as a separate process
 * with its own embedded PostgreSQL in a temporary folder, exactly as a user starts it.
 *
 * <p>One broker serves the whole test run: the extension starts it on first use and stops it when the run ends. Tests
 * receive it as a parameter and keep their data apart by using their own pacticipant names ({@link #unique(String)}).
 *
 * <pre>{@code
 * @ExtendWith(RunningBroker.Extension.class)
 * class PublishTest {
 *     @Test
 *     void shouldPublish(RunningBroker broker) { ... broker.baseUrl() ... }
 * }
 * }</pre>
 */
public final class RunningBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final URI baseUrl;
    private final Map<String, String> extraEnv;

    private RunningBroker(Process process, Path dataDir, Path log, URI baseUrl, Map<String, String> extraEnv) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.baseUrl = baseUrl;
        this.extraEnv = extraEnv;
    }

    /** The broker's base URL, for example {@code http://localhost:41234}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The broker's log so far, for failure messages. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** A name no other test uses, so tests sharing the broker never see each other's data. */
    public static String unique(String name) {
        return name + "-" + Long.toString(System.nanoTime(), 36);
    }

    /** Starts a broker with the given extra environment (for example {@code PACT_BROKER_BASIC_AUTH_USERNAME}). */
    public static RunningBroker start(Map<String, String> extraEnv) {
        try {
            return startIn(Files.createTempDirectory("pact-broker-e2e"), extraEnv);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the broker's folder", e);
        }
    }

    /**
     * Stops this broker and starts a new one on the same data folder, which the returned broker then owns (close it,
     * not this one). With {@code crash}, the process is killed ({@code SIGKILL}) as an out-of-memory killer or a
     * container runtime without grace would, leaving its embedded PostgreSQL running; otherwise it stops gracefully.
     */
    public RunningBroker restart(boolean crash) {
        try {
            if (crash) {
                process.destroyForcibly().waitFor();
            } else {
                stopProcess();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the broker", e);
        }
        return startIn(dataDir, extraEnv);
    }

    private static RunningBroker startIn(Path dataDir, Map<String, String> extraEnv) {
        Path jar = brokerJar();
        try {
            Path log = Files.createTempFile("pact-broker-e2e", ".log");
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(key -> key.startsWith("PACT_BROKER_") || key.startsWith("QUARKUS_"));
            env.put("PACT_BROKER_PORT", Integer.toString(port));
            env.put("PACT_BROKER_HOST", "127.0.0.1");
            env.put("PACT_BROKER_DATA_DIR", dataDir.resolve("db").toString());
            env.putAll(extraEnv);
            RunningBroker broker =
                    new RunningBroker(builder.start(), dataDir, log, URI.create("http://127.0.0.1:" + port), extraEnv);
            broker.awaitHeartbeat();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the broker from " + jar, e);
        }
    }

    private static Path brokerJar() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            Path jar = candidate.resolve("broker-service/target/quarkus-app/quarkus-run.jar");
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        throw new IllegalStateException("The packaged broker was not found above " + dir
                + ". Build it first: ./mvnw -pl broker-service -am package -DskipTests");
    }

    private void awaitHeartbeat() {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "The broker exited with " + process.exitValue() + " while starting. Its log:\n" + log());
            }
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(baseUrl.resolve("/diagnostic/status/heartbeat"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the broker", e);
            }
            sleep(Duration.ofMillis(200));
        }
        close();
        throw new IllegalStateException(
                "The broker did not answer its heartbeat within " + START_TIMEOUT + ". Its log:\n" + log());
    }

    @Override
    public void close() {
        try {
            stopProcess();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteRecursively(dataDir);
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a leftover temp file is harmless
        }
    }

    private void stopProcess() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Injects the run's shared {@link RunningBroker}, starting it on first use; it stops when the test run ends.
     */
    public static final class Extension implements ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE =
                ExtensionContext.Namespace.create(RunningBroker.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == RunningBroker.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot()
                    .getStore(NAMESPACE)
                    .getOrComputeIfAbsent(Shared.class, key -> new Shared(RunningBroker.start(Map.of())), Shared.class)
                    .broker();
        }

        /** Closed by JUnit when the root context closes, at the end of the run. */
        private record Shared(RunningBroker broker) implements AutoCloseable {
            @Override
            public void close() {
                broker.close();
            }
        }
    }
}
