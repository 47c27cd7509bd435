package io.pactbroker.broker.common.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Invalid input: 400 with {@code {"errors": {field: [message, ...]}}}, or, for the few resources where the Pact
 * Broker answers with a plain list (the matrix), {@code {"errors": [message, ...]}}.
 */
public class ValidationException extends BrokerException {

    private final Map<String, List<String>> errors;
    private final List<String> messages;
    private final int status;

    public ValidationException(Map<String, List<String>> errors) {
        this(errors, null, 400);
    }

    private ValidationException(Map<String, List<String>> errors, List<String> messages, int status) {
        super(messages == null ? summary(errors) : String.join("; ", messages));
        this.errors = errors == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        this.messages = messages == null ? null : List.copyOf(messages);
        this.status = status;
    }

    public static ValidationException of(String field, String message) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        errors.put(field, List.of(message));
        return new ValidationException(errors);
    }

    /** Messages not tied to a field, rendered as {@code {"errors": [message, ...]}}. */
    public static ValidationException messages(List<String> messages) {
        return new ValidationException(null, messages, 400);
    }

    /** A well-formed request the broker will not carry out: 422, as the Pact Broker answers some of them. */
    public static ValidationException unprocessable(String field, String message) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        errors.put(field, List.of(message));
        return new ValidationException(errors, null, 422);
    }

    public Map<String, List<String>> errors() {
        return errors;
    }

    /** The plain list of messages, or null when the errors are per field. */
    public List<String> messages() {
        return messages;
    }

    /** The body of the Pact Broker's response: errors per field, or the plain list. */
    public Object body() {
        return messages != null ? messages : errors;
    }

    @Override
    public int status() {
        return status;
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
