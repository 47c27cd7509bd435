package io.pactbroker.broker.pacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One pact to verify: a content (shown with the newest of the consumer versions that selected it), every selector
 * that selected it, and how the provider should treat a failure.
 *
 * @param pact the pact, shown with the newest selected consumer version
 * @param consumerMainBranch the consumer's main branch (for the notices)
 * @param selectors the selectors that selected it, in the Pact Broker's order
 * @param pending whether a failure must not fail the provider's build; null when the pending status was not asked for
 * @param pendingProviderTags the provider tags (older clients) for which it is pending
 * @param nonPendingProviderTags the provider tags for which it is not pending
 * @param providerBranch the provider version branch the pending status is for
 * @param wip whether it is a work-in-progress pact
 */
public record VerifiablePact(
        PactRow pact,
        String consumerMainBranch,
        List<ResolvedSelector> selectors,
        Boolean pending,
        List<String> pendingProviderTags,
        List<String> nonPendingProviderTags,
        String providerBranch,
        boolean wip) {

    /** By consumer name (ignoring case), then consumer version order, as the Pact Broker sorts pacts. */
    public static final Comparator<VerifiablePact> ORDER = Comparator.comparing(
                    (VerifiablePact v) -> v.pact().consumerName().toLowerCase())
            .thenComparing(v -> v.pact().providerName().toLowerCase())
            .thenComparingLong(v -> v.pact().consumerVersionOrder());

    public static VerifiablePact selected(PactRow pact, String consumerMainBranch, ResolvedSelector selector) {
        return new VerifiablePact(pact, consumerMainBranch, List.of(selector), null, List.of(), List.of(), null, false);
    }

    public String consumerName() {
        return pact.consumerName();
    }

    public String sha() {
        return pact.sha();
    }

    public VerifiablePact withPending(
            Boolean isPending, List<String> pendingTags, List<String> nonPendingTags, String branch) {
        return new VerifiablePact(
                pact, consumerMainBranch, selectors, isPending, pendingTags, nonPendingTags, branch, wip);
    }

    public VerifiablePact asWip(List<String> pendingTags, String branch) {
        return new VerifiablePact(pact, consumerMainBranch, selectors, true, pendingTags, List.of(), branch, true);
    }

    /** The same content selected in two ways: the newer consumer version, every selector, either flag. */
    public VerifiablePact merge(VerifiablePact other) {
        PactRow newer = other.pact.consumerVersionOrder() > pact.consumerVersionOrder() ? other.pact : pact;
        List<ResolvedSelector> all = new ArrayList<>(selectors);
        for (ResolvedSelector s : other.selectors) {
            if (all.stream().noneMatch(s::sameAs)) {
                all.add(s);
            }
        }
        all.sort(ResolvedSelector.ORDER);
        return new VerifiablePact(
                newer,
                consumerMainBranch,
                List.copyOf(all),
                pending == null && other.pending == null
                        ? null
                        : Boolean.TRUE.equals(pending) || Boolean.TRUE.equals(other.pending),
                union(pendingProviderTags, other.pendingProviderTags),
                union(nonPendingProviderTags, other.nonPendingProviderTags),
                providerBranch,
                wip || other.wip);
    }

    private static List<String> union(List<String> a, List<String> b) {
        LinkedHashSet<String> set = new LinkedHashSet<>(a);
        set.addAll(b);
        return List.copyOf(set);
    }
}
