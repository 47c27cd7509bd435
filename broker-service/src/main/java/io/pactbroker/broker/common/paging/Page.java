package io.pactbroker.broker.common.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a collection, with the total across all pages. */
public record Page<T>(List<T> items, PageRequest request, long total) {

    public int totalPages() {
        if (!request.paged()) {
            return 1;
        }
        return (int) Math.max(1, (total + request.size() - 1) / request.size());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), request, total);
    }
}
