package io.pactbroker.verifier;

import java.util.Objects;

/**
 * The verification could not run: the configuration is wrong (a missing pact file, no provider URL) or the broker
 * answered something a Pact Broker would not. Failing interactions are not exceptions: they are in the {@link
 * VerificationResult}. A broker that cannot be reached or refuses a request raises pact-core's {@code
 * BrokerUnreachableException} or {@code BrokerResponseException}.
 */
public final class VerificationException extends RuntimeException {

    /** What kind of problem stopped the run. */
    public enum Kind {
        /** The configuration or a pact file is wrong. */
        CONFIGURATION,
        /** The broker is not what the verifier needs. */
        BROKER
    }

    private final Kind kind;

    public VerificationException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public VerificationException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
