package io.pactbroker.broker.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Authentication, with the Pact Broker's environment names: {@code PACT_BROKER_BASIC_AUTH_USERNAME},
 * {@code PACT_BROKER_BASIC_AUTH_PASSWORD}, {@code PACT_BROKER_BASIC_AUTH_READ_ONLY_USERNAME},
 * {@code PACT_BROKER_BASIC_AUTH_READ_ONLY_PASSWORD}, {@code PACT_BROKER_ALLOW_PUBLIC_READ},
 * {@code PACT_BROKER_PUBLIC_HEARTBEAT}, and the bearer tokens {@code PACT_BROKER_BEARER_TOKEN} and
 * {@code PACT_BROKER_READ_ONLY_BEARER_TOKEN}. With no credentials configured, the broker is open.
 */
@ConfigMapping(prefix = "pact-broker")
public interface AuthConfig {

    Optional<String> basicAuthUsername();

    Optional<String> basicAuthPassword();

    Optional<String> basicAuthReadOnlyUsername();

    Optional<String> basicAuthReadOnlyPassword();

    /** A token accepted as {@code Authorization: Bearer <token>} for reading and writing. */
    Optional<String> bearerToken();

    /** A token accepted as {@code Authorization: Bearer <token>} for reading only. */
    Optional<String> readOnlyBearerToken();

    /** Let anyone read (GET, HEAD, OPTIONS) without credentials; writing still needs the read/write user. */
    @WithDefault("false")
    boolean allowPublicRead();

    /** Let anyone call the heartbeat without credentials (for load balancers). */
    @WithDefault("false")
    boolean publicHeartbeat();
}
