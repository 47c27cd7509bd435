package io.pactbroker.broker.pacts;

import java.util.Comparator;
import java.util.Objects;

/**
 * A selector together with the consumer version it selected (and, for environment selectors, the environment and
 * application instance the version is in).
 *
 * <p>Selectors of one verifiable pact are listed in the Pact Broker's order ({@link #ORDER}): overall latest first,
 * then latest from a branch (by branch name), latest with a tag (by tag), all with a tag, deployed (non-production
 * environments before production ones, then by name), released, with a consumer, and, among equals, older consumer
 * versions first.
 */
public record ResolvedSelector(
        ConsumerVersionSelector selector,
        Long consumerVersionId,
        String consumerVersionNumber,
        long consumerVersionOrder,
        String environmentName,
        Boolean environmentProduction,
        String target) {

    public static final Comparator<ResolvedSelector> ORDER = ResolvedSelector::compare;

    /** Equal but for the application instance: the same selector selecting the same version. */
    public boolean sameAs(ResolvedSelector other) {
        return selector.equals(other.selector)
                && consumerVersionId.equals(other.consumerVersionId)
                && Objects.equals(environmentName, other.environmentName);
    }

    private static int compare(ResolvedSelector a, ResolvedSelector b) {
        int c = compareSelectors(a, b);
        return c != 0 ? c : Long.compare(a.consumerVersionOrder, b.consumerVersionOrder);
    }

    private static int compareSelectors(ResolvedSelector ra, ResolvedSelector rb) {
        ConsumerVersionSelector a = ra.selector;
        ConsumerVersionSelector b = rb.selector;
        if (a.overallLatest() || b.overallLatest()) {
            return a.overallLatest() == b.overallLatest() ? 0 : (a.overallLatest() ? -1 : 1);
        }
        if (a.latestForBranch() || b.latestForBranch()) {
            return a.latestForBranch() == b.latestForBranch()
                    ? nullsFirst(a.branch(), b.branch())
                    : (a.latestForBranch() ? -1 : 1);
        }
        if (a.latestForTag() || b.latestForTag()) {
            return a.latestForTag() == b.latestForTag() ? nullsFirst(a.tag(), b.tag()) : (a.latestForTag() ? -1 : 1);
        }
        if (a.tag() != null || b.tag() != null) {
            if (a.tag() != null && b.tag() != null) {
                return a.tag().equals(b.tag())
                        ? compareConsumers(a, b)
                        : a.tag().compareTo(b.tag());
            }
            return a.tag() != null ? -1 : 1;
        }
        if (a.deployed() || b.deployed()) {
            return a.deployed() == b.deployed() ? compareEnvironments(ra, rb) : (a.deployed() ? -1 : 1);
        }
        if (a.released() || b.released()) {
            return a.released() == b.released() ? compareEnvironments(ra, rb) : (a.released() ? -1 : 1);
        }
        if (a.consumer() != null || b.consumer() != null) {
            return compareConsumers(a, b);
        }
        return 0;
    }

    private static int compareConsumers(ConsumerVersionSelector a, ConsumerVersionSelector b) {
        if (a.consumer() != null && b.consumer() != null) {
            return a.consumer().compareTo(b.consumer());
        }
        if (a.consumer() == null && b.consumer() == null) {
            return 0;
        }
        return a.consumer() != null ? -1 : 1;
    }

    /** Non-production environments first, then by name. */
    private static int compareEnvironments(ResolvedSelector a, ResolvedSelector b) {
        boolean ap = Boolean.TRUE.equals(a.environmentProduction);
        boolean bp = Boolean.TRUE.equals(b.environmentProduction);
        if (ap != bp) {
            return ap ? 1 : -1;
        }
        return nullsFirst(a.environmentName, b.environmentName);
    }

    private static int nullsFirst(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }
}
