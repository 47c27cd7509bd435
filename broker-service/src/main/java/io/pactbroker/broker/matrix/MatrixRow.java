package io.pactbroker.broker.matrix;

import java.time.OffsetDateTime;

/**
 * One row of the matrix: a pact published by a consumer version, and what a provider version made of it. Without a
 * provider version, nobody in the query's scope verified the pact; with a provider version but without a
 * verification, that provider version (one the query selected, such as a version live in the target environment) has
 * not verified it.
 */
public record MatrixRow(
        Long consumerId,
        String consumerName,
        Long consumerVersionId,
        String consumerVersionNumber,
        long consumerVersionOrder,
        Long providerId,
        String providerName,
        Long providerVersionId,
        String providerVersionNumber,
        Long providerVersionOrder,
        Long pactPublicationId,
        Long pactVersionId,
        String pactSha,
        int pactRevision,
        OffsetDateTime pactCreatedAt,
        Long verificationId,
        Integer verificationNumber,
        Boolean success,
        OffsetDateTime verifiedAt,
        OffsetDateTime verificationCreatedAt,
        String verificationBuildUrl) {

    public boolean verified() {
        return verificationId != null;
    }

    /** When something last happened to the row: the verification, or else the publication. */
    OffsetDateTime lastActionAt() {
        if (verificationCreatedAt != null && verificationCreatedAt.isAfter(pactCreatedAt)) {
            return verificationCreatedAt;
        }
        return pactCreatedAt;
    }

    MatrixRow withProvider(Long versionId, String number, Long order) {
        return new MatrixRow(
                consumerId,
                consumerName,
                consumerVersionId,
                consumerVersionNumber,
                consumerVersionOrder,
                providerId,
                providerName,
                versionId,
                number,
                order,
                pactPublicationId,
                pactVersionId,
                pactSha,
                pactRevision,
                pactCreatedAt,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    MatrixRow withVerification(
            Long versionId,
            String number,
            Long order,
            Long id,
            Integer verificationNumber,
            Boolean verificationSuccess,
            OffsetDateTime executedAt,
            OffsetDateTime createdAt,
            String buildUrl) {
        return new MatrixRow(
                consumerId,
                consumerName,
                consumerVersionId,
                consumerVersionNumber,
                consumerVersionOrder,
                providerId,
                providerName,
                versionId,
                number,
                order,
                pactPublicationId,
                pactVersionId,
                pactSha,
                pactRevision,
                pactCreatedAt,
                id,
                verificationNumber,
                verificationSuccess,
                executedAt,
                createdAt,
                buildUrl);
    }
}
