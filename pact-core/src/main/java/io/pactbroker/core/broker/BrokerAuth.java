package io.pactbroker.core.broker;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * How to authenticate to a Pact Broker: not at all, with a bearer token ({@code PACT_BROKER_TOKEN}) or with basic
 * authentication ({@code PACT_BROKER_USERNAME} and {@code PACT_BROKER_PASSWORD}).
 *
 * <pre>{@code
 * BrokerAuth auth = BrokerAuth.bearer(System.getenv("PACT_BROKER_TOKEN"));
 * }</pre>
 */
public sealed interface BrokerAuth {

    /** The value of the {@code Authorization} header, if any. */
    Optional<String> authorization();

    /** No authentication. */
    static BrokerAuth none() {
        return new None();
    }

    /** A bearer token. */
    static BrokerAuth bearer(String token) {
        return new Bearer(token);
    }

    /** Basic authentication. */
    static BrokerAuth basic(String username, String password) {
        return new Basic(username, password);
    }

    /** No authentication. */
    record None() implements BrokerAuth {
        @Override
        public Optional<String> authorization() {
            return Optional.empty();
        }
    }

    /**
     * A bearer token.
     *
     * @param token the token
     */
    record Bearer(String token) implements BrokerAuth {
        public Bearer {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public Optional<String> authorization() {
            return Optional.of("Bearer " + token);
        }

        @Override
        public String toString() {
            return "Bearer[***]";
        }
    }

    /**
     * Basic authentication.
     *
     * @param username the user
     * @param password the password
     */
    record Basic(String username, String password) implements BrokerAuth {
        public Basic {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public Optional<String> authorization() {
            return Optional.of("Basic "
                    + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public String toString() {
            return "Basic[" + username + ", ***]";
        }
    }
}
