package io.pactbroker.broker.pacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.broker.common.problem.NotFoundException;
import io.pactbroker.broker.environments.DeploymentService;
import io.pactbroker.broker.environments.Environment;
import io.pactbroker.broker.environments.EnvironmentService;
import io.pactbroker.broker.environments.LiveVersion;
import io.pactbroker.broker.pacticipants.Pacticipant;
import io.pactbroker.broker.pacticipants.PacticipantService;
import io.pactbroker.broker.verifications.ProviderScope;
import io.pactbroker.broker.verifications.VerificationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Pacts for verification, as the Pact Broker answers them: the pacts the consumer version selectors (or the defaults)
 * select, one per content and consumer with every selector that selected it, their pending status for the provider
 * version branch (or tags), and the work-in-progress pacts.
 *
 * <p>Pending: a content is pending for a provider branch until a provider version on that branch verified it
 * successfully, or a version on another branch did so before this branch was created (so a new branch inherits what
 * main had verified when the branch was cut). With tags instead of a branch, the same per tag; with neither, until any
 * provider version verified it successfully.
 *
 * <p>WIP: with {@code includeWipPactsSince} and a provider branch (or tags), the pacts published since then whose
 * consumer version heads a consumer branch (or is the newest with one of its tags), that were not selected explicitly,
 * and that the provider branch (tag) has not yet verified successfully other than as WIP.
 */
@ApplicationScoped
public class PactsForVerificationService {

    @Inject
    PactsForVerificationRepository repository;

    @Inject
    PacticipantService pacticipants;

    @Inject
    VerificationService verifications;

    @Inject
    EnvironmentService environments;

    @Inject
    DeploymentService deployments;

    /** Reads and validates the POST body (400 with the Pact Broker's messages). */
    public PactsForVerificationRequest parse(ObjectNode body) {
        return PactsForVerificationRequest.fromJson(
                body, name -> environments.findByName(name).isPresent());
    }

    /** The pacts the provider must verify: those selected, then the WIP ones. 404 for an unknown provider. */
    public List<VerifiablePact> find(String providerName, PactsForVerificationRequest request) {
        Pacticipant provider = pacticipants
                .findByName(providerName)
                .orElseThrow(() -> new NotFoundException("provider", providerName));
        List<VerifiablePact> selected = select(provider, request.selectors());
        if (request.includePendingStatus()) {
            selected = withPendingStatus(provider, selected, request);
        }
        List<VerifiablePact> result = new ArrayList<>(selected);
        if (request.includeWipPactsSince() != null) {
            result.addAll(wip(provider, request, selected));
        }
        return result;
    }

    /** The selectors used when the request gives none (as in the Pact Broker). */
    public List<ConsumerVersionSelector> defaultSelectors(Long providerId) {
        List<ConsumerVersionSelector> selectors = new ArrayList<>();
        for (PactsForVerificationRepository.Consumer c : repository.consumers(providerId)) {
            if (c.mainBranch() != null && c.mainBranchHasVersion()) {
                selectors.add(ConsumerVersionSelector.forMainBranch().withConsumer(c.name()));
            } else if (c.mainBranch() != null && c.tagNamedMainBranch()) {
                selectors.add(
                        ConsumerVersionSelector.latestForTag(c.mainBranch()).withConsumer(c.name()));
            } else {
                selectors.add(ConsumerVersionSelector.latestOverall().withConsumer(c.name()));
            }
        }
        selectors.add(ConsumerVersionSelector.currentlyDeployed(null));
        selectors.add(ConsumerVersionSelector.currentlySupported(null));
        return selectors;
    }

    // selection

    private List<VerifiablePact> select(Pacticipant provider, List<ConsumerVersionSelector> requested) {
        List<ConsumerVersionSelector> selectors = requested.isEmpty() ? defaultSelectors(provider.id) : requested;
        List<VerifiablePact> selected = new ArrayList<>();
        for (ConsumerVersionSelector s : selectors) {
            for (PactsForVerificationRepository.Row row : rows(provider.id, s)) {
                ConsumerVersionSelector applied =
                        s.latestForEachBranch() ? s.forOneBranch(row.headName()) : s.withoutFallbacks();
                selected.add(VerifiablePact.selected(row.pact(), row.consumerMainBranch(), resolve(applied, row)));
            }
        }
        selected.addAll(fallbacks(provider, selectors, selected));
        return mergeByContent(selected);
    }

    /**
     * The pacts the selector selects (its fallbacks aside). The versions live in environments come from the
     * deployments feature, which owns deployments and releases; their pacts, like every other selector's, from the
     * latest publication read model.
     */
    List<PactsForVerificationRepository.Row> rows(Long providerId, ConsumerVersionSelector s) {
        if (!s.deployed() && !s.released() && !s.inEnvironment()) {
            return repository.select(providerId, s);
        }
        List<Long> consumerIds = repository.consumerIds(providerId, s.consumer());
        List<LiveVersion> live;
        if (s.environment() == null) {
            live = deployments.liveVersions(consumerIds);
        } else {
            Optional<Environment> environment = environments.findByName(s.environment());
            if (environment.isEmpty()) {
                return List.of();
            }
            live = deployments.liveVersions(environment.get(), consumerIds);
        }
        boolean either = s.deployed() == s.released();
        return repository.pactsOfLiveVersions(
                providerId,
                live.stream()
                        .filter(v -> either || v.deployed() == s.deployed())
                        .map(v -> new PactsForVerificationRepository.LiveCandidate(
                                v.versionId(), v.environmentName(), v.production(), v.applicationInstance()))
                        .toList());
    }

    /**
     * The pacts for the fallback tag (branch) of each selector whose tag (branch) selected nothing at all, as in the
     * Pact Broker, which falls back when no consumer has a pact for the tag, not per consumer.
     */
    private List<VerifiablePact> fallbacks(
            Pacticipant provider, List<ConsumerVersionSelector> selectors, List<VerifiablePact> selected) {
        List<VerifiablePact> result = new ArrayList<>();
        for (ConsumerVersionSelector s : selectors) {
            if (s.hasFallbackTag()
                    && noneSelectedBy(selected, r -> r.latestForTag() && s.tag().equals(r.tag()))) {
                for (PactsForVerificationRepository.Row row :
                        repository.latestForTag(provider.id, s.fallbackTag(), s.consumer())) {
                    result.add(VerifiablePact.selected(row.pact(), row.consumerMainBranch(), resolve(s, row)));
                }
            }
            if (s.hasFallbackBranch()
                    && s.branch() != null
                    && noneSelectedBy(
                            selected, r -> r.latestForBranch() && s.branch().equals(r.branch()))) {
                for (PactsForVerificationRepository.Row row :
                        repository.latestForBranch(provider.id, s.fallbackBranch(), s.consumer())) {
                    result.add(VerifiablePact.selected(row.pact(), row.consumerMainBranch(), resolve(s, row)));
                }
            }
        }
        return result;
    }

    private static boolean noneSelectedBy(
            List<VerifiablePact> selected, java.util.function.Predicate<ConsumerVersionSelector> test) {
        return selected.stream()
                .flatMap(p -> p.selectors().stream())
                .map(ResolvedSelector::selector)
                .noneMatch(test);
    }

    private static ResolvedSelector resolve(ConsumerVersionSelector selector, PactsForVerificationRepository.Row row) {
        return new ResolvedSelector(
                selector,
                row.pact().consumerVersionId(),
                row.pact().consumerVersionNumber(),
                row.pact().consumerVersionOrder(),
                row.environmentName(),
                row.environmentProduction(),
                row.target());
    }

    /** One entry per consumer and content: the newest consumer version, with every selector merged. */
    static List<VerifiablePact> mergeByContent(List<VerifiablePact> pacts) {
        Map<String, VerifiablePact> merged = new LinkedHashMap<>();
        for (VerifiablePact p : pacts) {
            merged.merge(p.consumerName() + "\u0000" + p.sha(), sorted(p), VerifiablePact::merge);
        }
        List<VerifiablePact> result = new ArrayList<>(merged.values());
        result.sort(VerifiablePact.ORDER);
        return result;
    }

    private static VerifiablePact sorted(VerifiablePact p) {
        List<ResolvedSelector> selectors = new ArrayList<>(p.selectors());
        selectors.sort(ResolvedSelector.ORDER);
        return new VerifiablePact(
                p.pact(),
                p.consumerMainBranch(),
                List.copyOf(selectors),
                p.pending(),
                p.pendingProviderTags(),
                p.nonPendingProviderTags(),
                p.providerBranch(),
                p.wip());
    }

    // pending

    private List<VerifiablePact> withPendingStatus(
            Pacticipant provider, List<VerifiablePact> pacts, PactsForVerificationRequest request) {
        List<Long> ids =
                pacts.stream().map(p -> p.pact().pactVersionId()).distinct().toList();
        String branch = request.branch();
        if (branch != null) {
            Set<Long> verified =
                    verifications.verifiedSuccessfully(ids, provider.id, ProviderScope.branch(branch), true);
            return pacts.stream()
                    .map(p -> p.withPending(
                            !verified.contains(p.pact().pactVersionId()),
                            List.of(),
                            request.providerVersionTags(),
                            branch))
                    .toList();
        }
        if (!request.providerVersionTags().isEmpty()) {
            Map<String, Set<Long>> verifiedByTag = new LinkedHashMap<>();
            for (String tag : request.providerVersionTags()) {
                verifiedByTag.put(
                        tag, verifications.verifiedSuccessfully(ids, provider.id, ProviderScope.tag(tag), true));
            }
            return pacts.stream()
                    .map(p -> {
                        List<String> pendingTags = request.providerVersionTags().stream()
                                .filter(t ->
                                        !verifiedByTag.get(t).contains(p.pact().pactVersionId()))
                                .distinct()
                                .toList();
                        List<String> nonPending = request.providerVersionTags().stream()
                                .filter(t -> !pendingTags.contains(t))
                                .toList();
                        return p.withPending(!pendingTags.isEmpty(), pendingTags, nonPending, null);
                    })
                    .toList();
        }
        Set<Long> verified = verifications.verifiedSuccessfully(ids, provider.id, ProviderScope.any(), true);
        return pacts.stream()
                .map(p -> p.withPending(!verified.contains(p.pact().pactVersionId()), List.of(), List.of(), null))
                .toList();
    }

    // work in progress

    private List<VerifiablePact> wip(
            Pacticipant provider, PactsForVerificationRequest request, List<VerifiablePact> explicit) {
        String branch = request.branch();
        if (branch == null && request.providerVersionTags().isEmpty()) {
            return List.of();
        }
        Set<String> selectedExplicitly = new java.util.HashSet<>();
        explicit.forEach(p -> selectedExplicitly.add(p.pact().consumerId() + "\u0000" + p.sha()));
        List<PactsForVerificationRepository.Row> candidates =
                repository.heads(provider.id, request.includeWipPactsSince()).stream()
                        .filter(r -> !selectedExplicitly.contains(
                                r.pact().consumerId() + "\u0000" + r.pact().sha()))
                        .toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Long> ids = candidates.stream()
                .map(r -> r.pact().pactVersionId())
                .distinct()
                .toList();
        Function<PactsForVerificationRepository.Row, VerifiablePact> candidate = r -> VerifiablePact.selected(
                r.pact(),
                r.consumerMainBranch(),
                resolve(
                        "tag".equals(r.headKind())
                                ? ConsumerVersionSelector.latestForTag(r.headName())
                                : ConsumerVersionSelector.latestForBranch(r.headName()),
                        r));
        List<VerifiablePact> wip = new ArrayList<>();
        if (branch != null) {
            Set<Long> verified =
                    verifications.verifiedSuccessfully(ids, provider.id, ProviderScope.branch(branch), false);
            candidates.stream()
                    .filter(r -> !verified.contains(r.pact().pactVersionId()))
                    .forEach(r -> wip.add(candidate.apply(r).asWip(List.of(), branch)));
        } else {
            for (String tag : request.providerVersionTags()) {
                Set<Long> verified =
                        verifications.verifiedSuccessfully(ids, provider.id, ProviderScope.tag(tag), false);
                candidates.stream()
                        .filter(r -> !verified.contains(r.pact().pactVersionId()))
                        .forEach(r -> wip.add(candidate.apply(r).asWip(List.of(tag), null)));
            }
        }
        return mergeByContent(wip);
    }
}
