package io.pactbroker.broker.matrix;

/**
 * A consumer/provider pair involved in a matrix query. {@code required}: a selected version is the consumer, so the
 * provider must be there (verified) before it can be deployed; a selected provider does not need its consumers.
 */
public record Integration(
        Long consumerId, String consumerName, Long providerId, String providerName, boolean required) {}
