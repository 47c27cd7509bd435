package io.pactbroker.broker.common.paging;

import io.pactbroker.broker.common.problem.Errors;

/**
 * The page asked for with {@code ?page=&size=} (or {@code ?pageNumber=&pageSize=}), as the Pact Broker reads them.
 * Without either, {@link #all()}: the Pact Broker returns whole collections unless asked to page them.
 */
public record PageRequest(int number, int size, boolean paged) {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;

    public static PageRequest all() {
        return new PageRequest(1, Integer.MAX_VALUE, false);
    }

    public static PageRequest of(int number, int size) {
        return new PageRequest(number, size, true);
    }

    /** Parses the query parameters, refusing with 400 values that are not whole numbers of at least 1. */
    public static PageRequest parse(String page, String size, String pageNumber, String pageSize) {
        String p = page != null ? page : pageNumber;
        String s = size != null ? size : pageSize;
        if (p == null && s == null) {
            return all();
        }
        Errors errors = new Errors();
        int number = parse(p, 1, "page", errors);
        int pageSizeValue = parse(s, DEFAULT_SIZE, "size", errors);
        if (pageSizeValue > MAX_SIZE) {
            errors.add("size", "must be less than or equal to " + MAX_SIZE);
        }
        errors.throwIfAny();
        return of(number, pageSizeValue);
    }

    private static int parse(String value, int defaultValue, String name, Errors errors) {
        if (value == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 1) {
                errors.add(name, "must be greater than or equal to 1");
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(name, "must be an integer");
            return defaultValue;
        }
    }

    public int offset() {
        return paged ? (number - 1) * size : 0;
    }
}
