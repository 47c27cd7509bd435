package io.pactbroker.broker.pacts;

/**
 * A consumer version selector of the pacts-for-verification request, as the Pact Broker reads it: {@code mainBranch}
 * and {@code branch} (a name) imply {@code latest}; {@code matchingBranch} is a branch selector whose branch is the
 * provider version branch; {@code deployedOrReleased} is split into a deployed and a released selector before it gets
 * here.
 *
 * @param mainBranch the latest version from each consumer's main branch
 * @param tag versions with this tag (all of them, or the latest with {@code latest})
 * @param branch the latest version from this branch
 * @param allBranches {@code branch: true}: the latest version of every branch
 * @param matchingBranch the branch is the provider version branch
 * @param latest only the latest version (per consumer); null when not given
 * @param fallbackTag the tag to use when no consumer has a version with {@code tag}
 * @param fallbackBranch the branch to use when no consumer has a version on {@code branch}
 * @param consumer only this consumer
 * @param environment versions deployed or released to this environment (with {@code deployed}/{@code released}:
 *     only those)
 * @param deployed versions currently deployed (to any environment, or to {@code environment})
 * @param released versions released and still supported (in any environment, or in {@code environment})
 */
public record ConsumerVersionSelector(
        boolean mainBranch,
        String tag,
        String branch,
        boolean allBranches,
        boolean matchingBranch,
        Boolean latest,
        String fallbackTag,
        String fallbackBranch,
        String consumer,
        String environment,
        boolean deployed,
        boolean released) {

    /** What a selector asks for, in the order the Pact Broker tells the kinds apart. */
    public enum Type {
        LATEST_FOR_MAIN_BRANCH,
        LATEST_FOR_EACH_BRANCH,
        LATEST_FOR_BRANCH,
        MATCHING_BRANCH,
        CURRENTLY_DEPLOYED,
        CURRENTLY_SUPPORTED,
        IN_ENVIRONMENT,
        LATEST_FOR_TAG,
        ALL_FOR_TAG,
        OVERALL_LATEST,
        UNDEFINED
    }

    public static ConsumerVersionSelector empty() {
        return new ConsumerVersionSelector(false, null, null, false, false, null, null, null, null, null, false, false);
    }

    public static ConsumerVersionSelector latestOverall() {
        return empty().withLatest(true);
    }

    public static ConsumerVersionSelector forMainBranch() {
        return new ConsumerVersionSelector(true, null, null, false, false, true, null, null, null, null, false, false);
    }

    public static ConsumerVersionSelector latestForTag(String tag) {
        return new ConsumerVersionSelector(false, tag, null, false, false, true, null, null, null, null, false, false);
    }

    public static ConsumerVersionSelector latestForBranch(String branch) {
        return new ConsumerVersionSelector(
                false, null, branch, false, false, true, null, null, null, null, false, false);
    }

    public static ConsumerVersionSelector currentlyDeployed(String environment) {
        return new ConsumerVersionSelector(
                false, null, null, false, false, null, null, null, null, environment, true, false);
    }

    public static ConsumerVersionSelector currentlySupported(String environment) {
        return new ConsumerVersionSelector(
                false, null, null, false, false, null, null, null, null, environment, false, true);
    }

    public ConsumerVersionSelector withConsumer(String name) {
        return new ConsumerVersionSelector(
                mainBranch,
                tag,
                branch,
                allBranches,
                matchingBranch,
                latest,
                fallbackTag,
                fallbackBranch,
                name,
                environment,
                deployed,
                released);
    }

    public ConsumerVersionSelector withLatest(Boolean value) {
        return new ConsumerVersionSelector(
                mainBranch,
                tag,
                branch,
                allBranches,
                matchingBranch,
                value,
                fallbackTag,
                fallbackBranch,
                consumer,
                environment,
                deployed,
                released);
    }

    public ConsumerVersionSelector withBranch(String value) {
        return new ConsumerVersionSelector(
                mainBranch,
                tag,
                value,
                allBranches,
                matchingBranch,
                latest,
                fallbackTag,
                fallbackBranch,
                consumer,
                environment,
                deployed,
                released);
    }

    public ConsumerVersionSelector withDeployedAndReleased(boolean isDeployed, boolean isReleased) {
        return new ConsumerVersionSelector(
                mainBranch,
                tag,
                branch,
                allBranches,
                matchingBranch,
                latest,
                fallbackTag,
                fallbackBranch,
                consumer,
                environment,
                isDeployed,
                isReleased);
    }

    /** The selector as it applies to one selected version: without the fallbacks, which were not used. */
    public ConsumerVersionSelector withoutFallbacks() {
        return new ConsumerVersionSelector(
                mainBranch,
                tag,
                branch,
                allBranches,
                matchingBranch,
                latest,
                null,
                null,
                consumer,
                environment,
                deployed,
                released);
    }

    /** {@code branch: true} resolved to one branch: the latest version from that branch. */
    public ConsumerVersionSelector forOneBranch(String name) {
        return new ConsumerVersionSelector(
                false, null, name, false, false, true, null, null, consumer, null, false, false);
    }

    public boolean isLatest() {
        return Boolean.TRUE.equals(latest);
    }

    public boolean latestForMainBranch() {
        return mainBranch;
    }

    public boolean latestForEachBranch() {
        return isLatest() && allBranches;
    }

    public boolean latestForBranch() {
        return isLatest() && branch != null;
    }

    public boolean latestForTag() {
        return isLatest() && tag != null;
    }

    public boolean allForTag() {
        return tag != null && !isLatest();
    }

    public boolean allForTagAndConsumer() {
        return allForTag() && consumer != null;
    }

    public boolean inEnvironment() {
        return environment != null;
    }

    public boolean overallLatest() {
        return isLatest()
                && tag == null
                && branch == null
                && !allBranches
                && !mainBranch
                && !deployed
                && !released
                && environment == null;
    }

    public boolean hasFallbackTag() {
        return fallbackTag != null;
    }

    public boolean hasFallbackBranch() {
        return fallbackBranch != null;
    }

    public Type type() {
        if (latestForMainBranch()) {
            return Type.LATEST_FOR_MAIN_BRANCH;
        } else if (latestForEachBranch()) {
            return Type.LATEST_FOR_EACH_BRANCH;
        } else if (latestForBranch()) {
            return Type.LATEST_FOR_BRANCH;
        } else if (matchingBranch) {
            return Type.MATCHING_BRANCH;
        } else if (deployed) {
            return Type.CURRENTLY_DEPLOYED;
        } else if (released) {
            return Type.CURRENTLY_SUPPORTED;
        } else if (inEnvironment()) {
            return Type.IN_ENVIRONMENT;
        } else if (latestForTag()) {
            return Type.LATEST_FOR_TAG;
        } else if (allForTag()) {
            return Type.ALL_FOR_TAG;
        } else if (overallLatest()) {
            return Type.OVERALL_LATEST;
        }
        return Type.UNDEFINED;
    }
}
