package io.pactbroker.broker.matrix;

import io.pactbroker.broker.matrix.FailedInteractions.FailedInteraction;
import java.util.List;

/**
 * What a person needs to act on the verdict: one sentence, then each problem (which integration, which versions, what
 * failed or is missing, with the interactions that failed when the verifier published its test results), and the next
 * steps. Rendered as {@code explanation} in the JSON and after the table in the text.
 *
 * @param summary one sentence: the verdict and why
 * @param problems what blocks the deployment, most serious first; empty when deployable
 * @param warnings what weakens the answer without blocking it (unknown ignore selectors, no target named)
 * @param nextSteps what to do, in order, without repeats
 * @param omittedProblems how many further problems were left out to keep the explanation readable
 */
public record Explanation(
        String summary, List<Problem> problems, List<String> warnings, List<String> nextSteps, int omittedProblems) {

    /** The kinds of problems. */
    public enum Type {
        /** A named version does not exist: nothing was published for it. */
        VERSION_NOT_FOUND("version_not_found"),
        /** A provider version verified the pact and the verification failed. */
        VERIFICATION_FAILED("verification_failed"),
        /** The provider version that counts has not verified the pact (or no provider version has). */
        NOT_VERIFIED("not_verified"),
        /** The target has no version of the provider the consumer version needs. */
        NO_VERSION_IN_TARGET("no_version_in_target");

        private final String json;

        Type(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    /** One side of a problem: a pacticipant, the version (when there is one) and how the query selected it. */
    public record Party(String name, String version, String selectedAs) {}

    /**
     * One problem.
     *
     * @param subject the pacticipant and version that do not exist (only for {@link Type#VERSION_NOT_FOUND})
     * @param consumer the consumer of the pact
     * @param provider the provider of the pact, its version null when there is none
     * @param failedInteractions the interactions that failed, from the verification's test results
     * @param interactionsReported how many interactions the test results reported, null without test results
     * @param row the matrix row of the problem (for links to the pact and the verification), null for none
     */
    public record Problem(
            Type type,
            Party subject,
            Party consumer,
            Party provider,
            String message,
            List<FailedInteraction> failedInteractions,
            Integer interactionsReported,
            List<String> nextSteps,
            MatrixRow row) {}
}
