package io.pactbroker.compatibility.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Our CLI jar ({@code provider-verifier/target/provider-verifier-<version>-cli.jar}) run as a separate process, as a
 * pipeline runs it: no inherited {@code PACT_BROKER_*} settings, output and exit code captured.
 *
 * <pre>{@code
 * VerifierCli.Run run = VerifierCli.run("describe-version", "-a", "web", "-b", broker.baseUrl().toString());
 * assertThat(run.exitCode()).isZero();
 * }</pre>
 */
public final class VerifierCli {

    private VerifierCli() {}

    /** What a command printed (stdout and stderr together) and its exit code. */
    public record Run(int exitCode, String output) {}

    /** Runs the command to its end (at most two minutes). */
    public static Run run(String... args) {
        try {
            Process process = start(args);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Run(-1, output + "\n(timed out)");
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A running command, for commands that wait (can-i-deploy --retry-while-unknown). */
    public static final class Running {
        private final Process process;
        private final BufferedReader reader;
        private final StringBuilder output = new StringBuilder();

        Running(Process process) {
            this.process = process;
            this.reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Reads output until a line contains the text; false when the process ended without printing it. */
        public boolean awaitLine(String text) throws IOException {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
                if (line.contains(text)) {
                    return true;
                }
            }
            return false;
        }

        /** Reads the rest of the output and waits for the exit (at most two minutes). */
        public Run finish() throws IOException, InterruptedException {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Run(-1, output + "\n(timed out)");
            }
            return new Run(process.exitValue(), output.toString());
        }
    }

    public static Running startRunning(String... args) throws IOException {
        return new Running(start(args));
    }

    private static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("PACT_BROKER_"));
        return builder.start();
    }

    /** The CLI jar built by the provider-verifier module. */
    public static Path jar() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            Path target = candidate.resolve("provider-verifier/target");
            if (Files.isDirectory(target)) {
                try (Stream<Path> files = Files.list(target)) {
                    return files.filter(f -> f.getFileName().toString().endsWith("-cli.jar"))
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException("no CLI jar in " + target
                                    + ": build it with ./mvnw -pl provider-verifier -am package"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("provider-verifier/target not found above " + dir);
    }
}
