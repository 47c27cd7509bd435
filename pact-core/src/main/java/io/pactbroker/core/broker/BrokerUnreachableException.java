package io.pactbroker.core.broker;

import java.net.URI;

/** No HTTP answer came from the broker: it is down, the URL is wrong, or the network or TLS failed. */
public final class BrokerUnreachableException extends BrokerException {

    private final URI uri;

    public BrokerUnreachableException(URI uri, String reason, Throwable cause) {
        super("cannot reach the Pact Broker at " + uri + ": " + reason, cause);
        this.uri = uri;
    }

    /** The URI that could not be reached. */
    public URI uri() {
        return uri;
    }
}
