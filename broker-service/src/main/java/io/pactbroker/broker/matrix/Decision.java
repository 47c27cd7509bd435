package io.pactbroker.broker.matrix;

import java.util.List;

/**
 * The verdict of a matrix query: {@code deployable} true, false or null (unknown: something is not verified yet), the
 * Pact Broker's reasons and counts, and this broker's explanation of what to do about it.
 */
public record Decision(Boolean deployable, List<Reason> reasons, Counts counts, Explanation explanation) {

    /**
     * The rows by outcome. {@code ignored} is null unless the query had ignore selectors (the Pact Broker only
     * shows it then).
     */
    public record Counts(int success, int failed, int unknown, Integer ignored) {}

    /** The reasons as one text, one per line (the Pact Broker's {@code summary.reason}). */
    public String reasonText() {
        return String.join("\n", reasons.stream().map(Reason::text).toList());
    }
}
