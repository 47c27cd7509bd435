package io.pactbroker.broker.verifications;

import io.pactbroker.broker.pacts.PactMetadata;
import io.pactbroker.broker.pacts.PactRow;

/**
 * A verification result was published: fired as a CDI event inside the publishing transaction, so whatever an
 * observer writes (the webhooks feature writes its triggered webhooks) commits or rolls back with the result.
 *
 * @param pact the pact the result was published for (the newest consumer version with the verified content)
 * @param metadata the selection metadata of the URL it was published to: which consumer versions selected the content
 */
public record VerificationPublication(Verification verification, PactRow pact, PactMetadata.Decoded metadata) {}
