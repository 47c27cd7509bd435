package io.pactbroker.broker.pacts;

import io.pactbroker.broker.common.config.BrokerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The rules for changing published contracts, from configuration. */
@ApplicationScoped
public class ContractPolicy {

    @Inject
    BrokerConfig config;

    /**
     * Whether different content may be published for an existing consumer version and provider
     * ({@code PACT_BROKER_ALLOW_DANGEROUS_CONTRACT_MODIFICATION}); normally refused with 409.
     */
    public boolean allowsContentModification() {
        return config.allowDangerousContractModification();
    }
}
