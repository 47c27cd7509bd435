package io.pactbroker.compatibility.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The official Pact CLI ({@code @pact-foundation/pact-cli}, the Rust {@code pact} binary with its {@code broker},
 * {@code verifier} and other subcommands), installed with npm into {@code target/pact-cli} on first use and run as a
 * process. When npm is missing or the registry cannot be reached, the calling tests are skipped (aborted), not failed.
 *
 * <pre>{@code
 * PactCli cli = PactCli.installed();
 * PactCli.Run run = cli.run("broker", "describe-version", "-a", "web", "-b", broker.baseUrl().toString());
 * assertThat(run.exitCode()).as(run.output()).isZero();
 * }</pre>
 */
public final class PactCli {

    public static final String PACKAGE = "@pact-foundation/pact-cli@18.1.2";

    private static PactCli installed;
    private static String unavailable;

    private final Path executable;

    private PactCli(Path executable) {
        this.executable = executable;
    }

    /** What a command printed (stdout and stderr together) and its exit code. */
    public record Run(int exitCode, String output) {}

    /**
     * The CLI, installing it first when needed; aborts (skips) the calling test when it cannot be installed. Call it
     * from each test (or {@code @BeforeEach}), so every test is reported as skipped; the install is tried only once.
     */
    public static synchronized PactCli installed() {
        if (installed == null && unavailable == null) {
            Path prefix = Path.of("target", "pact-cli").toAbsolutePath();
            Path bin = prefix.resolve("node_modules/.bin/pact");
            unavailable = Files.isExecutable(bin) ? null : install(prefix, bin);
            if (unavailable == null) {
                installed = new PactCli(bin);
            }
        }
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
        return installed;
    }

    /** Installs the package; returns why it could not, or null. */
    private static String install(Path prefix, Path bin) {
        Run npmVersion = exec(List.of("npm", "--version"), 30);
        if (npmVersion.exitCode() != 0) {
            return "npm is not installed: the Pact CLI tests are skipped";
        }
        Run npm = exec(
                List.of(
                        "npm",
                        "install",
                        "--prefix",
                        prefix.toString(),
                        "--no-audit",
                        "--no-fund",
                        "--no-save",
                        "--loglevel=error",
                        PACKAGE),
                240);
        if (npm.exitCode() != 0 || !Files.isExecutable(bin)) {
            return "npm could not install " + PACKAGE + " (is the registry reachable?): the Pact CLI tests are"
                    + " skipped. npm said:\n" + npm.output();
        }
        return null;
    }

    /** Runs {@code pact ARGS...} with anonymous usage tracking off and no PACT_BROKER_* settings inherited. */
    public Run run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        return exec(command, 120);
    }

    private static Run exec(List<String> command, int timeoutSeconds) {
        try {
            Path output = Files.createTempFile("pact-cli", ".out");
            try {
                ProcessBuilder builder =
                        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
                Map<String, String> env = builder.environment();
                env.keySet().removeIf(key -> key.startsWith("PACT_BROKER_"));
                env.put("PACT_DO_NOT_TRACK", "true");
                Process process = builder.start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    return new Run(-1, "timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
                }
                return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            return new Run(-1, "could not run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(-1, "interrupted");
        }
    }
}
