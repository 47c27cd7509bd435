package io.pactbroker.verifier;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of verifying one pact: its interactions' results, where it came from, and what the broker said about
 * it (pending, work in progress, notices).
 *
 * @param consumer the consumer
 * @param provider the provider
 * @param source where the pact came from ({@code file pacts/web-orders.json}, {@code Pact Broker ...})
 * @param shortDescription the broker's short description of why it is verified ({@code latest from main branch})
 * @param pending whether the broker said the pact is pending for this provider version (its failures do not fail
 *     the run)
 * @param wip whether the pact is a work-in-progress pact (pending too)
 * @param notices the broker's notices for the pact, in order
 * @param interactions the results, in the pact's order
 * @param verificationResultsUrl where the result is published ({@code pb:publish-verification-results}), for pacts
 *     read from a broker
 */
public record PactResult(
        String consumer,
        String provider,
        String source,
        Optional<String> shortDescription,
        boolean pending,
        boolean wip,
        List<Notice> notices,
        List<InteractionResult> interactions,
        Optional<URI> verificationResultsUrl) {

    public PactResult {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(shortDescription, "shortDescription");
        notices = List.copyOf(notices);
        interactions = List.copyOf(interactions);
        Objects.requireNonNull(verificationResultsUrl, "verificationResultsUrl");
    }

    /** Whether every interaction passed. */
    public boolean passed() {
        return interactions.stream().allMatch(InteractionResult::passed);
    }

    /** Whether a failure of this pact fails the run. */
    public boolean failsTheRun() {
        return interactions.stream().anyMatch(InteractionResult::failsTheRun);
    }

    /**
     * A notice of the broker about the pact.
     *
     * @param when when to show it: {@code before_verification}, {@code after_verification:success_true_published_false},
     *     ...
     * @param text the text
     */
    public record Notice(String when, String text) {}
}
