package io.pactbroker.broker.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * The broker's own settings. Each answers to its Pact Broker environment name: {@code pact-broker.base-url} is
 * {@code PACT_BROKER_BASE_URL}, {@code pact-broker.allow-dangerous-contract-modification} is
 * {@code PACT_BROKER_ALLOW_DANGEROUS_CONTRACT_MODIFICATION}, and so on (see docs/configuration.md).
 */
@ConfigMapping(prefix = "pact-broker")
public interface BrokerConfig {

    /**
     * The base URL(s) the broker is reached at, used for absolute links. Several may be given (comma-separated), as the
     * Ruby broker allows: the one whose host matches the request is used, otherwise the first. When empty, links are
     * derived from the request, honouring {@code X-Forwarded-*} headers.
     */
    Optional<List<String>> baseUrl();

    /** Allow publishing different content for an existing consumer version and provider (normally refused with 409). */
    @WithDefault("false")
    boolean allowDangerousContractModification();
}
