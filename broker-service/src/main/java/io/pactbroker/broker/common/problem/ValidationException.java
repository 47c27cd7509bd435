package io.pactbroker.broker.common.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Invalid input: 400 with {@code {"errors": {field: [message, ...]}}}. */
public class ValidationException extends BrokerException {

    private final Map<String, List<String>> errors;

    public ValidationException(Map<String, List<String>> errors) {
        super(summary(errors));
        this.errors = Map.copyOf(errors);
    }

    public static ValidationException of(String field, String message) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        errors.put(field, List.of(message));
        return new ValidationException(errors);
    }

    public Map<String, List<String>> errors() {
        return errors;
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Validation errors";
    }

    @Override
    public String type() {
        return "validation-error";
    }

    private static String summary(Map<String, List<String>> errors) {
        StringBuilder text = new StringBuilder();
        errors.forEach((field, messages) -> messages.forEach(m -> {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(field).append(' ').append(m);
        }));
        return text.toString();
    }
}
