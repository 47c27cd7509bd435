package io.pactbroker.broker.common.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects validation messages per field, then throws one {@link ValidationException} with all of them. */
public final class Errors {

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    public Errors add(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
