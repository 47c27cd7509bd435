package io.pactbroker.broker.common.problem;

/**
 * An error the broker reports to its client. Each subclass knows its HTTP status; {@link ProblemMapper} renders it in
 * the Pact Broker's shapes or as RFC 9457 problem+json.
 */
public abstract class BrokerException extends RuntimeException {

    protected BrokerException(String message) {
        super(message);
    }

    /** The HTTP status of the response. */
    public abstract int status();

    /** A short, human-readable summary of the kind of problem (problem+json {@code title}). */
    public abstract String title();

    /** The last segment of the problem type URI (problem+json {@code type}). */
    public abstract String type();
}
