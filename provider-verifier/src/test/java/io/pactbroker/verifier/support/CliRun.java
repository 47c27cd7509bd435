package io.pactbroker.verifier.support;

import io.pactbroker.verifier.cli.Main;
import io.pactbroker.verifier.internal.cli.Command;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CLI run in-process, as the tests run it: standard output and error captured, the environment given, and waits
 * recorded instead of slept.
 *
 * <pre>{@code
 * CliRun cli = new CliRun();
 * assertThat(cli.run("verify", "--file", pact.toString(), "--provider-name", "orders")).isZero();
 * assertThat(cli.out()).contains("passed");
 * }</pre>
 */
public final class CliRun {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Duration> sleeps = new ArrayList<>();
    private Map<String, String> env = Map.of();

    /** The environment of the next runs. */
    public CliRun env(Map<String, String> variables) {
        this.env = Map.copyOf(variables);
        return this;
    }

    /** Runs a command; returns its exit code. Output accumulates over runs. */
    public int run(String... args) {
        return Main.run(
                args,
                new Command.Io(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        env,
                        sleeps::add));
    }

    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Forgets the output so far. */
    public void reset() {
        out.reset();
        err.reset();
    }

    /** The waits the commands asked for. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
