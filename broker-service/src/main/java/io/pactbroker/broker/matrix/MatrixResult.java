package io.pactbroker.broker.matrix;

import java.util.List;
import java.util.stream.Stream;

/**
 * What a matrix query found: the selectors as resolved (specified and inferred), the ignore selectors, the
 * integrations involved, and the rows, split into those considered and those ignored.
 */
public record MatrixResult(
        MatrixQuery query,
        List<ResolvedSelector> selectors,
        List<ResolvedSelector> ignoreSelectors,
        List<Integration> integrations,
        List<MatrixRow> considered,
        List<MatrixRow> ignored) {

    /** Every row, considered ones first. */
    public List<MatrixRow> rows() {
        return Stream.concat(considered.stream(), ignored.stream()).toList();
    }
}
