package io.pactbroker.broker.verifications;

import java.time.OffsetDateTime;

/**
 * A verification result: a provider version's verdict on a pact content. Results belong to the content (not to a
 * consumer version), so every consumer version that published the same content shares them.
 *
 * @param number the broker-wide verification number (its URL ends with it)
 * @param pactPending whether the pact was pending for the provider when verified (from the selection metadata)
 * @param wip whether the pact was verified as work in progress (from the selection metadata)
 * @param testResults the {@code testResults} as the verifier sent them (JSON text), or null
 * @param consumerVersionSelectors the selectors (with consumer version numbers) the pact was selected by (JSON text)
 */
public record Verification(
        Long id,
        int number,
        boolean success,
        Long providerId,
        String providerName,
        Long providerVersionId,
        String providerVersionNumber,
        Long consumerId,
        String consumerName,
        Long pactVersionId,
        String sha,
        String buildUrl,
        String testResults,
        OffsetDateTime executionDate,
        boolean wip,
        Boolean pactPending,
        String consumerVersionSelectors,
        String tagNames,
        String verifiedByImplementation,
        String verifiedByVersion,
        String verifiedByClientImplementation,
        String verifiedByClientVersion,
        String verifiedByClientTestFramework) {}
