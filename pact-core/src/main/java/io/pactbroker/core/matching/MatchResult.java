package io.pactbroker.core.matching;

import io.pactbroker.core.model.Interaction;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of matching: the mismatches in a fixed order (for requests method, path, query, headers, body; for
 * responses status, headers, body; for messages metadata, contents; within a body in document order).
 *
 * <pre>{@code
 * MatchResult result = Matching.matchResponse(expected, actual);
 * if (!result.matched()) {
 *     throw new AssertionError(result.render(interaction));
 * }
 * }</pre>
 *
 * @param mismatches what differs, empty when everything matched
 */
public record MatchResult(List<Mismatch> mismatches) {

    private static final MatchResult MATCHED = new MatchResult(List.of());

    public MatchResult {
        mismatches = List.copyOf(mismatches);
    }

    /** A result of the mismatches (none meaning everything matched). */
    public static MatchResult of(List<Mismatch> mismatches) {
        return mismatches.isEmpty() ? MATCHED : new MatchResult(mismatches);
    }

    /** Whether everything matched. */
    public boolean matched() {
        return mismatches.isEmpty();
    }

    /** The mismatches of one kind. */
    public List<Mismatch> mismatches(Mismatch.Kind kind) {
        return mismatches.stream().filter(m -> m.kind() == kind).toList();
    }

    /** One line per mismatch. */
    public String render() {
        return mismatches.stream().map(Mismatch::render).collect(Collectors.joining("\n"));
    }

    /** One line per mismatch, each naming the interaction and its provider states. */
    public String render(Interaction interaction) {
        return mismatches.stream().map(m -> m.render(interaction)).collect(Collectors.joining("\n"));
    }
}
