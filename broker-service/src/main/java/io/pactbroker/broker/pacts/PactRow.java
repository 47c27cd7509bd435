package io.pactbroker.broker.pacts;

import java.time.OffsetDateTime;

/**
 * One pact as readers see it: the latest revision published by a consumer version for a provider, with the names and
 * numbers needed to render it. {@link #content} is only loaded when a single pact is read.
 */
public record PactRow(
        Long publicationId,
        Long consumerId,
        String consumerName,
        Long providerId,
        String providerName,
        Long consumerVersionId,
        String consumerVersionNumber,
        Long consumerVersionOrder,
        int revisionNumber,
        Long pactVersionId,
        String sha,
        OffsetDateTime createdAt,
        String content) {

    /** "Pact between Foo (1.0.0) and Bar", as the Pact Broker names a pact. */
    public String name() {
        return "Pact between " + consumerName + " (" + consumerVersionNumber + ") and " + providerName;
    }

    public PactRow withContent(String newContent) {
        return new PactRow(
                publicationId,
                consumerId,
                consumerName,
                providerId,
                providerName,
                consumerVersionId,
                consumerVersionNumber,
                consumerVersionOrder,
                revisionNumber,
                pactVersionId,
                sha,
                createdAt,
                newContent);
    }
}
