package io.pactbroker.broker.common.problem;

import java.util.Map;

/**
 * A request that conflicts with the stored state: 409. The Pact Broker answers some conflicts with a body of its own
 * (the publish endpoint's notices), which {@link #body()} carries; otherwise the body is {@code {"error": message}}.
 */
public class ConflictException extends BrokerException {

    private final Map<String, Object> body;

    public ConflictException(String message) {
        this(message, null);
    }

    public ConflictException(String message, Map<String, Object> body) {
        super(message);
        this.body = body;
    }

    public Map<String, Object> body() {
        return body;
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String title() {
        return "Conflict";
    }

    @Override
    public String type() {
        return "conflict";
    }
}
