package io.pactbroker.broker.verifications;

import java.time.OffsetDateTime;

/**
 * A verification as lists of many (the matrix) show it: its verdict and the provider version that gave it, without
 * the test results and client details a single {@link Verification} carries.
 */
public record VerificationRef(
        Long id,
        Long pactVersionId,
        Long providerVersionId,
        String providerVersionNumber,
        Long providerVersionOrder,
        Integer number,
        boolean success,
        OffsetDateTime executedAt,
        OffsetDateTime createdAt,
        String buildUrl) {}
