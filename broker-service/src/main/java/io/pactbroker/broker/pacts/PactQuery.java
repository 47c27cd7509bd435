package io.pactbroker.broker.pacts;

/**
 * Which pacts to read. Every query reads the latest revision per consumer version (the
 * {@code latest_pact_publication_ids_for_consumer_versions} read model) and narrows it down.
 *
 * @param providerId the provider (always given)
 * @param consumerId only this consumer, or all when null
 * @param consumerVersionNumber only this consumer version
 * @param tag only consumer versions with this tag
 * @param untagged only consumer versions without tags
 * @param branch only consumer versions on this branch
 * @param mainBranch only consumer versions on their consumer's main branch
 * @param sha only this content
 * @param beforeOrder only consumer versions older than this order
 * @param excludePactVersionId only other contents than this one
 * @param latestPerConsumer only the newest matching pact of each consumer
 * @param withContent load the pact content
 * @param limit at most this many (newest first), 0 for all
 */
public record PactQuery(
        Long providerId,
        Long consumerId,
        String consumerVersionNumber,
        String tag,
        boolean untagged,
        String branch,
        boolean mainBranch,
        String sha,
        Long beforeOrder,
        Long excludePactVersionId,
        boolean latestPerConsumer,
        boolean withContent,
        int limit) {

    public static PactQuery forProvider(Long providerId) {
        return new PactQuery(providerId, null, null, null, false, null, false, null, null, null, false, false, 0);
    }

    public static PactQuery between(Long consumerId, Long providerId) {
        return forProvider(providerId).consumer(consumerId);
    }

    public PactQuery consumer(Long id) {
        return new PactQuery(
                providerId,
                id,
                consumerVersionNumber,
                tag,
                untagged,
                branch,
                mainBranch,
                sha,
                beforeOrder,
                excludePactVersionId,
                latestPerConsumer,
                withContent,
                limit);
    }

    public PactQuery consumerVersion(String number) {
        return new PactQuery(
                providerId,
                consumerId,
                number,
                tag,
                untagged,
                branch,
                mainBranch,
                sha,
                beforeOrder,
                excludePactVersionId,
                latestPerConsumer,
                withContent,
                limit);
    }

    public PactQuery tag(String name) {
        return new PactQuery(
                providerId,
                consumerId,
                consumerVersionNumber,
                name,
                untagged,
                branch,
                mainBranch,
                sha,
                beforeOrder,
                excludePactVersionId,
                latestPerConsumer,
                withContent,
                limit);
    }

    public PactQuery onlyUntagged() {
        return new PactQuery(
                providerId,
                consumerId,
                consumerVersionNumber,
                tag,
                true,
                branch,
                mainBranch,
                sha,
                beforeOrder,
                excludePactVersionId,
                latestPerConsumer,
                withContent,
                limit);
    }

    public PactQuery branch(String name) {
        return new PactQuery(
                providerId,
                consumerId,
                consumerVersionNumber,
                tag,
                untagged,
                name,
                mainBranch,
                sha,
                beforeOrder,
                excludePactVersionId,
                latestPerConsumer,
                withContent,
                limit);
    }

    public PactQuery onMainBranch() {
        return new PactQuery(
                providerId,
                consumerId,
                consumerVersionNumber,
                tag,
                untagged,
                branch,
                true,
                sha,
                beforeOrder,
                excludePactVersionId,
                latestPerConsumer,
                withContent,
                limit);
    }

    public PactQuery sha(String value) {
        return new PactQuery(
                providerId,
                consumerId,
                consumerVersionNumber,
                tag,
                untagged,
                branch,
                mainBranch,
                value,
                beforeOrder,
                excludePactVersionId,
                latestPerConsumer,
                withContent,
                limit);
    }

    public PactQuery before(Long order, Long otherThanPactVersionId) {
        return new PactQuery(
                providerId,
                consumerId,
                consumerVersionNumber,
                tag,
                untagged,
                branch,
                mainBranch,
                sha,
                order,
                otherThanPactVersionId,
                latestPerConsumer,
                withContent,
                limit);
    }

    public PactQuery latestOfEachConsumer() {
        return new PactQuery(
                providerId,
                consumerId,
                consumerVersionNumber,
                tag,
                untagged,
                branch,
                mainBranch,
                sha,
                beforeOrder,
                excludePactVersionId,
                true,
                withContent,
                limit);
    }

    public PactQuery includingContent() {
        return new PactQuery(
                providerId,
                consumerId,
                consumerVersionNumber,
                tag,
                untagged,
                branch,
                mainBranch,
                sha,
                beforeOrder,
                excludePactVersionId,
                latestPerConsumer,
                true,
                limit);
    }

    public PactQuery limit(int n) {
        return new PactQuery(
                providerId,
                consumerId,
                consumerVersionNumber,
                tag,
                untagged,
                branch,
                mainBranch,
                sha,
                beforeOrder,
                excludePactVersionId,
                latestPerConsumer,
                withContent,
                n);
    }
}
