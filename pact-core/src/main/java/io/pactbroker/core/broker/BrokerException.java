package io.pactbroker.core.broker;

/**
 * A failure talking to a Pact Broker. {@link BrokerUnreachableException} means no HTTP answer came (wrong URL,
 * broker down, network, TLS); {@link BrokerResponseException} means the broker answered with an error status; the
 * base class is used when an answer is not what a Pact Broker would send (a missing relation, a body that is not
 * JSON).
 */
public class BrokerException extends RuntimeException {

    public BrokerException(String message) {
        super(message);
    }

    public BrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
