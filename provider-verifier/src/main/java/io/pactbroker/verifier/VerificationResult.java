package io.pactbroker.verifier;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a verification run: one {@link PactResult} per pact, and what publishing the results did.
 *
 * <pre>{@code
 * VerificationResult result = verifier.verify();
 * Files.writeString(Path.of("target/pact-verification.xml"), Reports.junitXml(result));
 * System.exit(result.exitCode().code());
 * }</pre>
 *
 * @param provider the provider verified
 * @param pacts the pacts, in the order verified
 * @param publications what publishing did, one entry per pact published (empty when not publishing)
 */
public record VerificationResult(String provider, List<PactResult> pacts, List<Publication> publications) {

    public VerificationResult {
        Objects.requireNonNull(provider, "provider");
        pacts = List.copyOf(pacts);
        publications = List.copyOf(publications);
    }

    /** Every interaction result, pact after pact. */
    public List<InteractionResult> interactions() {
        return pacts.stream().flatMap(p -> p.interactions().stream()).toList();
    }

    /** Whether the run succeeds: no failure other than pending ones, and every publication went through. */
    public boolean succeeded() {
        return pacts.stream().noneMatch(PactResult::failsTheRun)
                && publications.stream().allMatch(Publication::ok);
    }

    /** {@link ExitCode#SUCCESS} or {@link ExitCode#FAILURE}. */
    public ExitCode exitCode() {
        return succeeded() ? ExitCode.SUCCESS : ExitCode.FAILURE;
    }

    /** How many interactions passed. */
    public long passedCount() {
        return interactions().stream().filter(InteractionResult::passed).count();
    }

    /** How many interactions failed and fail the run. */
    public long failedCount() {
        return interactions().stream().filter(InteractionResult::failsTheRun).count();
    }

    /** How many interactions failed but are pending. */
    public long pendingFailedCount() {
        return interactions().stream().filter(r -> !r.passed() && r.pending()).count();
    }

    /** One line: {@code 12 interactions in 3 pacts: 10 passed, 1 failed, 1 failed but pending}. */
    public String summary() {
        long total = interactions().size();
        return total + " interaction" + (total == 1 ? "" : "s") + " in " + pacts.size() + " pact"
                + (pacts.size() == 1 ? "" : "s") + ": " + passedCount() + " passed, " + failedCount() + " failed"
                + (pendingFailedCount() > 0 ? ", " + pendingFailedCount() + " failed but pending" : "");
    }

    /**
     * What publishing one pact's result did.
     *
     * @param consumer the pact's consumer
     * @param url where the result was posted
     * @param ok whether the broker accepted it
     * @param message what happened, in a sentence
     */
    public record Publication(String consumer, String url, boolean ok, String message) {}
}
