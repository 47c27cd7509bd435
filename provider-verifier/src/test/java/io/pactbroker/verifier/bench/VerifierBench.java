package io.pactbroker.verifier.bench;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.sun.net.httpserver.HttpServer;
import io.pactbroker.verifier.PactSource;
import io.pactbroker.verifier.ProviderVerifier;
import io.pactbroker.verifier.VerificationResult;
import io.pactbroker.verifier.junit.ProviderVerification;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The provider verifier benchmark (not a test: bench/provider-verifier.sh runs it). One JVM (this one, {@code main
 * orchestrate}) writes a pact of N interactions and serves them from a JDK HTTP server; each verifier runs in a fresh
 * process against it: this verifier's library, its JUnit 5 integration, its CLI jar, pact-jvm's JUnit 5 verifier, and
 * the Pact CLI's {@code pact verifier} when installed. Medians of wall time from process start to exit.
 */
public final class VerifierBench {

    static final String PROVIDER = "bench-provider";

    private VerifierBench() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "orchestrate" -> orchestrate(args);
            case "library" -> library(Path.of(args[1]), Integer.parseInt(args[2]));
            case "junit" -> junit(args[1], Integer.parseInt(args[2]), OurJUnit.class);
            case "pact-jvm" -> junit(args[1], Integer.parseInt(args[2]), PactJvmJUnit.class);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static Path writePact(Path dir, int interactions) throws IOException {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < interactions; i++) {
            list.append(i == 0 ? "" : ",\n").append("""
                            {"description": "get item %d", "request": {"method": "GET", "path": "/items/%d", "headers": {"Accept": "application/json"}},
                             "response": {"status": 200, "headers": {"Content-Type": "application/json"},
                               "body": {"id": %d, "name": "item %d", "price": 9.99, "tags": ["a", "b"]},
                               "matchingRules": {"body": {"$.id": {"matchers": [{"match": "integer"}]},
                                 "$.name": {"matchers": [{"match": "type"}]}, "$.price": {"matchers": [{"match": "decimal"}]},
                                 "$.tags": {"matchers": [{"match": "type", "min": 1}]}}}}}""".formatted(i, i, i, i));
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("bench-consumer-" + PROVIDER + ".json");
        Files.writeString(file, """
                {"consumer": {"name": "bench-consumer"}, "provider": {"name": "%s"}, "interactions": [%s],
                 "metadata": {"pactSpecification": {"version": "3.0.0"}}}
                """.formatted(PROVIDER, list));
        return file;
    }

    static HttpServer provider() throws IOException {
        // Without it the JDK server delays each response by ~40 ms (Nagle), for every verifier alike.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/items/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/items/".length());
            byte[] body = ("{\"id\": " + id + ", \"name\": \"thing " + id + "\", \"price\": 1.25, \"tags\": [\"x\"]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        // Daemon threads: server.stop does not end an executor of our own, and the orchestrator must exit (it runs
        // under the shared build lock).
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "bench-provider");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return server;
    }

    static void library(Path pact, int port) {
        VerificationResult result = ProviderVerifier.forProvider(PROVIDER)
                .providerUrl("http://127.0.0.1:" + port)
                .pacts(PactSource.file(pact))
                .output(new PrintStream(PrintStream.nullOutputStream()))
                .build()
                .verify();
        System.out.println(result.summary());
        System.exit(result.succeeded() ? 0 : 1);
    }

    static void junit(String dir, int port, Class<?> testClass) {
        System.setProperty("bench.dir", dir);
        System.setProperty("bench.port", Integer.toString(port));
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(testClass))
                        .build(),
                listener);
        var summary = listener.getSummary();
        System.out.println(summary.getTestsSucceededCount() + " passed, " + summary.getTestsFailedCount() + " failed");
        System.exit(summary.getTestsFailedCount() == 0 && summary.getTestsSucceededCount() > 0 ? 0 : 1);
    }

    /** This verifier through its JUnit 5 integration. */
    public static class OurJUnit {
        @org.junit.jupiter.api.extension.RegisterExtension
        static io.pactbroker.verifier.junit.PactVerificationExtension pact =
                io.pactbroker.verifier.junit.PactVerificationExtension.builder(PROVIDER)
                        .pacts(PactSource.directory(Path.of(System.getProperty("bench.dir"))))
                        .build();

        @TestFactory
        Stream<DynamicTest> pacts(ProviderVerification verification) {
            return verification
                    .configure(v -> v.output(new PrintStream(PrintStream.nullOutputStream())))
                    .providerUrl("http://127.0.0.1:" + System.getProperty("bench.port"))
                    .dynamicTests();
        }
    }

    /** pact-jvm's JUnit 5 provider verification, as its documentation writes it. */
    @Provider(PROVIDER)
    @PactFolder("${bench.dir}")
    public static class PactJvmJUnit {
        @TestTemplate
        @ExtendWith(PactVerificationInvocationContextProvider.class)
        void verify(PactVerificationContext context) {
            context.verifyInteraction();
        }

        @BeforeEach
        void target(PactVerificationContext context) {
            context.setTarget(new HttpTestTarget("127.0.0.1", Integer.parseInt(System.getProperty("bench.port"))));
        }
    }

    private record Runner(String name, List<String> command) {}

    private static void orchestrate(String[] args) throws Exception {
        int interactions = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        String classpath = args[3];
        String cliJar = args[4];
        String pactCli = args.length > 5 ? args[5] : "";
        Path dir = Path.of("target/bench/pacts");
        Path pact = writePact(dir, interactions);
        HttpServer server = provider();
        int port = server.getAddress().getPort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Runner> runners = new ArrayList<>();
        runners.add(new Runner(
                "this verifier, library (java -cp, main)",
                List.of(java, "-cp", classpath, VerifierBench.class.getName(), "library", pact.toString(), "" + port)));
        runners.add(new Runner(
                "this verifier, JUnit 5 (@PactVerificationTest)",
                List.of(java, "-cp", classpath, VerifierBench.class.getName(), "junit", dir.toString(), "" + port)));
        runners.add(new Runner(
                "this verifier, CLI jar (pact-jvm-verifier verify)",
                List.of(
                        java,
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-jar",
                        cliJar,
                        "verify",
                        "--file",
                        pact.toString(),
                        "--provider-name",
                        PROVIDER,
                        "--port",
                        "" + port,
                        "--hostname",
                        "127.0.0.1")));
        runners.add(new Runner(
                "pact-jvm 4.6.17, JUnit 5 (@Provider @PactFolder)",
                List.of(java, "-cp", classpath, VerifierBench.class.getName(), "pact-jvm", dir.toString(), "" + port)));
        if (!pactCli.isEmpty() && new File(pactCli).canExecute()) {
            runners.add(new Runner(
                    "Pact CLI 18.1.2 (pact verifier, Rust)",
                    List.of(
                            pactCli,
                            "verifier",
                            "--file",
                            pact.toString(),
                            "--provider-name",
                            PROVIDER,
                            "--hostname",
                            "127.0.0.1",
                            "--port",
                            "" + port)));
        }
        List<List<Long>> times = new ArrayList<>();
        runners.forEach(r -> times.add(new ArrayList<>()));
        for (int i = 0; i < runs + 1; i++) {
            for (int r = 0; r < runners.size(); r++) {
                long start = System.nanoTime();
                Process process = new ProcessBuilder(runners.get(r).command())
                        .redirectErrorStream(true)
                        .redirectOutput(new File("target/bench/" + r + ".log"))
                        .start();
                int code = process.waitFor();
                long millis = (System.nanoTime() - start) / 1_000_000;
                if (code != 0) {
                    System.err.println(
                            runners.get(r).name() + " exited with " + code + ": see target/bench/" + r + ".log");
                }
                if (i > 0) {
                    times.get(r).add(millis);
                }
            }
        }
        server.stop(0);
        long pactJvm = median(times.get(3));
        StringBuilder table =
                new StringBuilder("| verifier | median wall time (ms) | min | max | share of pact-jvm's |\n");
        table.append("|---|---:|---:|---:|---:|\n");
        for (int r = 0; r < runners.size(); r++) {
            List<Long> t = times.get(r);
            table.append("| ")
                    .append(runners.get(r).name())
                    .append(" | ")
                    .append(median(t))
                    .append(" | ")
                    .append(t.stream().mapToLong(Long::longValue).min().orElse(0))
                    .append(" | ")
                    .append(t.stream().mapToLong(Long::longValue).max().orElse(0))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", median(t) / (double) pactJvm))
                    .append(" |\n");
        }
        System.out.println(table);
        Files.writeString(Path.of("target/bench/provider-verifier.md"), table.toString());
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }
}
