package io.pactbroker.verifier;

import io.pactbroker.core.matching.Mismatch;
import io.pactbroker.core.model.Interaction;
import io.pactbroker.core.model.ProviderState;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of verifying one interaction: passed or failed, why it failed (mismatches with their JSON paths, or an
 * error such as a missing state handler or a refused connection), a compact diff of the bodies, and whether a failure
 * is pending (reported, but not failing the run).
 *
 * <pre>{@code
 * for (InteractionResult r : result.interactions()) {
 *     System.out.println(r.displayName() + ": " + (r.passed() ? "OK" : r.failureText()));
 * }
 * }</pre>
 *
 * @param consumer the consumer of the pact the interaction is in
 * @param interaction the interaction
 * @param passed whether the provider did what the interaction expects
 * @param pending whether a failure does not fail the run (a pending or WIP pact, or a pending V4 interaction)
 * @param mismatches the differences between the expected and the actual response or message
 * @param error what prevented the check (no handler for a provider state, provider unreachable, ...), if anything
 * @param diff a compact line diff of the expected and actual bodies, when the bodies differ
 * @param warnings things worth knowing that did not fail the interaction (a header the JDK could not send, ...)
 * @param duration how long the interaction took, provider states included
 */
public record InteractionResult(
        String consumer,
        Interaction interaction,
        boolean passed,
        boolean pending,
        List<Mismatch> mismatches,
        Optional<String> error,
        List<String> diff,
        List<String> warnings,
        Duration duration) {

    public InteractionResult {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(interaction, "interaction");
        mismatches = List.copyOf(mismatches);
        Objects.requireNonNull(error, "error");
        diff = List.copyOf(diff);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(duration, "duration");
    }

    /** Whether this result fails the run: it failed and is not pending. */
    public boolean failsTheRun() {
        return !passed && !pending;
    }

    /** {@code web › get order 7 [given order 7 exists]}: the name of the JUnit test and of report entries. */
    public String displayName() {
        return displayName(consumer, interaction);
    }

    /** The display name of an interaction of a consumer's pact. */
    public static String displayName(String consumer, Interaction interaction) {
        return consumer + " › " + interaction.description() + states(interaction);
    }

    /** {@code  [given a and b]}, or nothing when the interaction has no provider state. */
    static String states(Interaction interaction) {
        List<ProviderState> states = interaction.providerStates();
        if (states.isEmpty()) {
            return "";
        }
        return " [given " + states.stream().map(ProviderState::name).collect(Collectors.joining(" and ")) + "]";
    }

    /**
     * The failure in the house style, one problem per line, each naming the interaction and its provider states,
     * followed by the body diff; empty when the interaction passed.
     */
    public String failureText() {
        if (passed) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        error.ifPresent(e -> out.append(e).append(context()).append('\n'));
        for (Mismatch m : mismatches) {
            out.append(m.render(interaction)).append('\n');
        }
        if (!diff.isEmpty()) {
            out.append("body diff (- expected, + actual):\n");
            diff.forEach(line -> out.append("  ").append(line).append('\n'));
        }
        return out.toString().stripTrailing();
    }

    private String context() {
        StringBuilder out = new StringBuilder(" (interaction \"" + interaction.description() + '"');
        if (!interaction.providerStates().isEmpty()) {
            out.append(", given ")
                    .append(interaction.providerStates().stream()
                            .map(s -> '"' + s.name() + '"')
                            .collect(Collectors.joining(" and ")));
        }
        return out.append(')').toString();
    }
}
