package io.pactbroker.broker.matrix;

import io.pactbroker.broker.common.problem.ValidationException;
import io.pactbroker.broker.environments.DeploymentService;
import io.pactbroker.broker.environments.Environment;
import io.pactbroker.broker.environments.EnvironmentService;
import io.pactbroker.broker.environments.LiveVersion;
import io.pactbroker.broker.matrix.MatrixRepository.PactCriteria;
import io.pactbroker.broker.matrix.MatrixRepository.Pair;
import io.pactbroker.broker.matrix.MatrixRepository.VersionRef;
import io.pactbroker.broker.matrix.ResolvedSelector.Kind;
import io.pactbroker.broker.pacticipants.Pacticipant;
import io.pactbroker.broker.pacticipants.PacticipantService;
import io.pactbroker.broker.verifications.VerificationRef;
import io.pactbroker.broker.verifications.VerificationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The matrix and can-i-deploy: resolves the selectors of a query, infers the versions of the integrated pacticipants
 * from the query's target, finds the rows (pacts and the verifications by the selected provider versions) and decides
 * whether the selected versions can be deployed.
 *
 * <p>With a target, every provider version selected for an integration is checked against every consumer version:
 * a consumer going to an environment where two provider versions are live (two application instances, or two
 * supported releases) must have been verified by both.
 */
@ApplicationScoped
public class MatrixService {

    @Inject
    MatrixRepository repository;

    @Inject
    PacticipantService pacticipants;

    @Inject
    EnvironmentService environments;

    @Inject
    DecisionMaker decisions;

    @Inject
    DeploymentService deployments;

    @Inject
    VerificationService verifications;

    /**
     * The answer to a matrix or can-i-deploy query: what was found, the verdict with its reasons, the rows to list
     * (at most {@code limit}, considered ones first) and what to show about their versions.
     */
    public record Answer(
            MatrixResult result,
            Decision decision,
            List<MatrixRow> listed,
            List<MatrixRow> listedIgnored,
            Map<Long, VersionDetails> versions) {}

    /** What a matrix row shows about a version: its branches, its tags and the environments it is live in. */
    public record VersionDetails(
            List<MatrixRepository.BranchOfVersion> branches,
            List<MatrixRepository.TagOfVersion> tags,
            List<Environment> environments) {}

    /** Validates the query as {@code GET /matrix} does (400 with the list of problems), then answers it. */
    @Transactional
    public Answer matrix(MatrixQuery sent) {
        MatrixQuery query = disambiguate(sent);
        List<String> errors = validate(query);
        if (!errors.isEmpty()) {
            throw ValidationException.messages(errors);
        }
        return answer(query);
    }

    /**
     * {@code GET /matrix/provider/{p}/consumer/{c}}: every version of the consumer with every version of the
     * provider, with the query's options; 404 when either does not exist.
     */
    @Transactional
    public Answer integration(String providerName, String consumerName, MatrixQuery options) {
        Pacticipant consumer = pacticipants.getByName(consumerName);
        Pacticipant provider = pacticipants.getByName(providerName);
        MatrixQuery query = options.withSelectors(
                List.of(Selector.pacticipant(consumer.name), Selector.pacticipant(provider.name)));
        List<String> errors = validate(query);
        if (!errors.isEmpty()) {
            throw ValidationException.messages(errors);
        }
        return answer(query);
    }

    /**
     * {@code GET /can-i-deploy}: can the version of the pacticipant go to the environment (every version live there
     * is checked), or be deployed with the latest versions that have the {@code to} tag? Validated as the Pact
     * Broker does (400 with the problems per field).
     */
    @Transactional
    public Answer canIDeploy(CanIDeployRequest request) {
        request.validate(pacticipants, environments);
        MatrixQuery query = request.environment() != null
                ? MatrixQuery.of(
                        List.of(Selector.version(request.pacticipant(), request.version())),
                        request.ignore(),
                        "cvpv",
                        MatrixQuery.Target.environment(request.environment()))
                : MatrixQuery.of(
                        List.of(Selector.version(request.pacticipant(), request.version())),
                        request.ignore(),
                        "cvp",
                        MatrixQuery.Target.latestWithTag(request.to()));
        return answer(query);
    }

    /**
     * Can the latest version of the pacticipant with a tag be deployed with the latest versions with the {@code to}
     * tag? Empty when the pacticipant has no version with the tag.
     */
    @Transactional
    public Optional<Answer> canIDeployLatestTagged(String pacticipant, String tag, String to) {
        Selector selector = new Selector(pacticipant, null, null, false, tag, true, null);
        if (!anyVersion(selector)) {
            return Optional.empty();
        }
        return Optional.of(
                answer(MatrixQuery.of(List.of(selector), List.of(), "cvp", MatrixQuery.Target.latestWithTag(to))));
    }

    /**
     * Can the head of the pacticipant's branch be deployed to the environment? Empty when the branch has no version or
     * the environment does not exist.
     */
    @Transactional
    public Optional<Answer> canIDeployBranchHead(String pacticipant, String branch, String environment) {
        Selector selector = new Selector(pacticipant, null, branch, false, null, true, null);
        if (!anyVersion(selector) || environments.findByName(environment).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(answer(
                MatrixQuery.of(List.of(selector), List.of(), "cvpv", MatrixQuery.Target.environment(environment))));
    }

    /**
     * Can the head of the pacticipant's main branch be merged: is it compatible with the heads of the main branches of
     * the pacticipants it integrates with? Empty when the pacticipant has no main branch version.
     */
    @Transactional
    public Optional<Answer> canIMerge(String pacticipant) {
        Selector selector = new Selector(pacticipant, null, null, true, null, true, null);
        if (!anyVersion(selector)) {
            return Optional.empty();
        }
        return Optional.of(
                answer(MatrixQuery.of(List.of(selector), List.of(), "cvp", MatrixQuery.Target.latestOnMainBranch())));
    }

    private boolean anyVersion(Selector selector) {
        return pacticipants
                .findByName(selector.pacticipant())
                .map(p -> !versions(List.of(p.id), selector, environments::findByName)
                        .isEmpty())
                .orElse(false);
    }

    /** Answers an already validated query. */
    @Transactional
    public Answer answer(MatrixQuery query) {
        MatrixResult result = find(query);
        Decision decision = decisions.decide(result);
        Integer limit = parseLimit(query.limit());
        List<MatrixRow> listed = result.considered();
        List<MatrixRow> listedIgnored = result.ignored();
        if (limit != null && listed.size() + listedIgnored.size() > limit) {
            listed = listed.subList(0, Math.min(limit, listed.size()));
            listedIgnored = listedIgnored.subList(0, Math.max(0, limit - listed.size()));
        }
        Set<Long> versionIds = new LinkedHashSet<>();
        for (List<MatrixRow> rows : List.of(listed, listedIgnored)) {
            for (MatrixRow row : rows) {
                versionIds.add(row.consumerVersionId());
                if (row.providerVersionId() != null) {
                    versionIds.add(row.providerVersionId());
                }
            }
        }
        return new Answer(result, decision, listed, listedIgnored, details(versionIds));
    }

    /** The branches, tags and environments of the versions: one query each. */
    private Map<Long, VersionDetails> details(Set<Long> versionIds) {
        Map<Long, List<MatrixRepository.BranchOfVersion>> branches = new HashMap<>();
        repository.branchesOf(versionIds).forEach(b -> branches.computeIfAbsent(b.versionId(), id -> new ArrayList<>())
                .add(b));
        Map<Long, List<MatrixRepository.TagOfVersion>> tags = new HashMap<>();
        repository.tagsOf(versionIds).forEach(t -> tags.computeIfAbsent(t.versionId(), id -> new ArrayList<>())
                .add(t));
        Map<Long, List<Long>> live = deployments.liveEnvironmentsOf(versionIds);
        Set<Long> environmentIds = new LinkedHashSet<>();
        live.values().forEach(environmentIds::addAll);
        Map<Long, Environment> byId = new HashMap<>();
        environments.findByIds(new ArrayList<>(environmentIds)).forEach(e -> byId.put(e.id(), e));
        Map<Long, VersionDetails> result = new HashMap<>();
        for (Long id : versionIds) {
            result.put(
                    id,
                    new VersionDetails(
                            branches.getOrDefault(id, List.of()),
                            tags.getOrDefault(id, List.of()),
                            live.getOrDefault(id, List.of()).stream()
                                    .map(byId::get)
                                    .filter(e -> e != null)
                                    .toList()));
        }
        return result;
    }

    /** At most this many ways of sharing out sorted selector values are tried. */
    static final int MAX_ASSIGNMENTS = 1000;

    /**
     * Works out the selectors of a query whose parameters came sorted by name ({@code q[][latest]=true&
     * q[][pacticipant]=Foo&q[][pacticipant]=Bar&q[][tag]=prod&q[][version]=1.2.3}, as a client that keeps parameters
     * in a map sends them): of every way to share the values out among the pacticipants (each pacticipant taking at
     * most one value of each key), the first valid one under which most selectors select an existing version. Order
     * is the tie-break: the n-th value goes to the n-th pacticipant when nothing else decides.
     */
    MatrixQuery disambiguate(MatrixQuery query) {
        Map<String, List<String>> columns = query.selectorColumns();
        if (columns == null) {
            return query;
        }
        List<String> names = columns.get("pacticipant");
        List<Map.Entry<String, List<String>>> others = columns.entrySet().stream()
                .filter(e -> !e.getKey().equals("pacticipant"))
                .toList();
        List<List<Selector>> candidates = new ArrayList<>();
        share(names, others, 0, new ArrayList<>(), candidates);
        Map<Selector, Boolean> resolves = new HashMap<>();
        List<Selector> best = null;
        int bestScore = -1;
        for (List<Selector> candidate : candidates) {
            if (candidate.stream().anyMatch(s -> s.version() != null && s.latest())) {
                continue;
            }
            int score = 0;
            for (Selector s : candidate) {
                if (resolves.computeIfAbsent(s, this::selectsAVersion)) {
                    score++;
                }
            }
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best == null ? query : query.withSelectors(best);
    }

    /** Every way of giving each key's values to distinct pacticipants (positional order first). */
    private static void share(
            List<String> names,
            List<Map.Entry<String, List<String>>> keys,
            int key,
            List<List<Integer>> chosen,
            List<List<Selector>> out) {
        if (out.size() >= MAX_ASSIGNMENTS) {
            return;
        }
        if (key == keys.size()) {
            List<Map<String, String>> objects = new ArrayList<>();
            names.forEach(n -> {
                Map<String, String> o = new LinkedHashMap<>();
                o.put("pacticipant", n);
                objects.add(o);
            });
            for (int k = 0; k < keys.size(); k++) {
                List<String> values = keys.get(k).getValue();
                for (int v = 0; v < values.size(); v++) {
                    objects.get(chosen.get(k).get(v)).put(keys.get(k).getKey(), values.get(v));
                }
            }
            out.add(objects.stream().map(MatrixQuery::selector).toList());
            return;
        }
        for (List<Integer> placement : placements(values(keys, key).size(), names.size())) {
            chosen.add(placement);
            share(names, keys, key + 1, chosen, out);
            chosen.remove(chosen.size() - 1);
        }
    }

    private static List<String> values(List<Map.Entry<String, List<String>>> keys, int key) {
        return keys.get(key).getValue();
    }

    /** The ordered ways of placing k values at distinct positions among n, the identity first. */
    private static List<List<Integer>> placements(int k, int n) {
        List<List<Integer>> result = new ArrayList<>();
        placements(k, n, new ArrayList<>(), result);
        return result;
    }

    private static void placements(int k, int n, List<Integer> current, List<List<Integer>> out) {
        if (current.size() == k) {
            out.add(List.copyOf(current));
            return;
        }
        for (int i = 0; i < n; i++) {
            if (!current.contains(i)) {
                current.add(i);
                placements(k, n, current, out);
                current.remove(current.size() - 1);
            }
        }
    }

    /** Whether the selector's pacticipant exists and the selector selects at least one of its versions. */
    private boolean selectsAVersion(Selector s) {
        Optional<Pacticipant> p = pacticipants.findByName(s.pacticipant());
        if (p.isEmpty()) {
            return false;
        }
        if (s.onlyPacticipant()) {
            return true;
        }
        return !versions(List.of(p.get().id), s, environments::findByName).isEmpty();
    }

    /** The Pact Broker's checks of a matrix query, in its words. */
    public List<String> validate(MatrixQuery query) {
        List<String> errors = new ArrayList<>();
        for (Selector s : query.selectors()) {
            if (s.pacticipant() == null) {
                errors.add("Please specify the pacticipant name");
            } else if (s.version() != null && s.latest()) {
                errors.add("A version number and latest flag cannot both be specified for " + s.pacticipant());
            }
        }
        for (String name : new LinkedHashSet<>(query.selectors().stream()
                .map(Selector::pacticipant)
                .filter(n -> n != null)
                .toList())) {
            if (pacticipants.findByName(name).isEmpty()) {
                errors.add("Pacticipant " + name + " not found");
            }
        }
        if (query.selectors().isEmpty()) {
            errors.add("Please provide 1 or more version selectors.");
        }
        for (Selector s : query.ignore()) {
            if (s.pacticipant() == null) {
                errors.add("Please specify the pacticipant name to ignore");
            } else if (s.version() != null && s.latest()) {
                errors.add("A version number and latest flag cannot both be specified for " + s.pacticipant()
                        + " to ignore");
            }
        }
        long destinations = java.util.stream.Stream.of(
                        query.tag(), query.environment(), query.mainBranch() == null ? null : "mainBranch")
                .filter(d -> d != null)
                .count();
        if (destinations > 1) {
            errors.add("Cannot specify more than one of tag, environment and mainBranch.");
        }
        if (Boolean.TRUE.equals(query.latest()) && query.environment() != null) {
            errors.add("Cannot specify both latest=true and an environment.");
        }
        if (query.environment() != null
                && environments.findByName(query.environment()).isEmpty()) {
            errors.add("Environment with name '" + query.environment() + "' does not exist");
        }
        if (query.limit() != null) {
            Integer limit = parseLimit(query.limit());
            if (limit == null || limit < 1) {
                errors.add("The limit must be 1 or greater.");
            }
        }
        if (query.latestby() != null && !List.of("cvp", "cvpv", "cp").contains(query.latestby())) {
            errors.add("The latestby must be one of cvpv, cvp and cp.");
        }
        return errors;
    }

    /** Resolves the selectors and finds the rows. */
    public MatrixResult find(MatrixQuery query) {
        Map<String, Optional<Environment>> environmentsByName = new HashMap<>();
        Function<String, Optional<Environment>> environment =
                name -> environmentsByName.computeIfAbsent(name, environments::findByName);
        List<ResolvedSelector> ignore = resolve(query.ignore(), Kind.IGNORE, List.of(), environment);
        List<ResolvedSelector> specified = resolve(query.selectors(), Kind.SPECIFIED, ignore, environment);
        boolean infer = query.hasTarget();
        boolean single = query.selectors().size() == 1;
        List<Integration> integrations = infer || single ? involving(specified) : between(specified);
        List<ResolvedSelector> all = new ArrayList<>(specified);
        if (infer) {
            all.addAll(inferred(specified, integrations, query, ignore, environment));
        }
        boolean every = query.latestby() == null;
        Integer sqlLimit = all.stream().anyMatch(s -> s.allVersions() && s.pacticipantExists())
                ? Optional.ofNullable(parseLimit(query.limit())).orElse(MatrixQuery.DEFAULT_LIMIT)
                : null;
        List<MatrixRow> rows = !infer && single
                ? rowsForOneSelector(specified, every, sqlLimit)
                : rowsForSelectors(all, infer ? specifiedIds(specified) : null, every, sqlLimit);
        rows = latestBy(rows, effectiveLatestby(query));
        if (query.success() != null) {
            rows = rows.stream()
                    .filter(r -> query.success().contains(r.success()))
                    .toList();
        }
        rows = new ArrayList<>(rows);
        rows.sort(ROW_ORDER);
        List<MatrixRow> considered = new ArrayList<>();
        List<MatrixRow> ignored = new ArrayList<>();
        for (MatrixRow row : rows) {
            (ignoreRow(ignore, row) ? ignored : considered).add(row);
        }
        return new MatrixResult(query, all, ignore, integrations, considered, ignored);
    }

    /**
     * The {@code latestby} the rows are reduced with. With an environment target every live version counts, so {@code
     * cvp} and {@code cp} (which keep only the newest provider version, or consumer version) become {@code cvpv}:
     * the Pact CLI sends {@code latestby=cvp} with {@code environment}, and would otherwise hide a live provider
     * version that is incompatible (or has not verified) behind a newer one that is fine.
     */
    static String effectiveLatestby(MatrixQuery query) {
        if (query.environment() != null && query.latestby() != null) {
            return "cvpv";
        }
        return query.latestby();
    }

    /** Newest first: by the last thing that happened to the row, then the pact, then the verification. */
    static final Comparator<MatrixRow> ROW_ORDER = Comparator.comparing(MatrixRow::lastActionAt)
            .thenComparing(MatrixRow::pactPublicationId)
            .thenComparing(r -> r.verificationId() == null ? Long.MAX_VALUE : r.verificationId())
            .reversed();

    static Integer parseLimit(String limit) {
        if (limit == null) {
            return null;
        }
        try {
            return Integer.valueOf(limit.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // resolving selectors

    private List<ResolvedSelector> resolve(
            List<Selector> selectors,
            Kind kind,
            List<ResolvedSelector> ignore,
            Function<String, Optional<Environment>> environment) {
        List<ResolvedSelector> result = new ArrayList<>();
        for (Selector s : selectors) {
            Optional<Pacticipant> p =
                    s.pacticipant() == null ? Optional.empty() : pacticipants.findByName(s.pacticipant());
            if (p.isEmpty()) {
                result.add(ResolvedSelector.missingPacticipant(s, kind));
            } else if (s.onlyPacticipant()) {
                result.add(ResolvedSelector.allVersions(
                        p.get().id, p.get().name, s, kind, ignoresPacticipant(ignore, p.get().id)));
            } else {
                List<VersionRef> versions = versions(List.of(p.get().id), s, environment);
                result.addAll(selectorsFor(p.get().id, p.get().name, s, kind, versions, ignore, p.get().mainBranch));
            }
        }
        return result;
    }

    /**
     * The versions of the pacticipants that the selector's criteria select. The versions live in its environment are
     * asked of the deployments feature, which keeps them in {@code currently_deployed_version_ids} and the partial
     * index on supported releases; the other criteria are conditions on the versions.
     */
    private List<VersionRef> versions(
            Collection<Long> pacticipantIds, Selector s, Function<String, Optional<Environment>> environment) {
        List<LiveVersion> live = s.environment() == null
                ? null
                : environment
                        .apply(s.environment())
                        .map(e -> deployments.liveVersions(e, pacticipantIds))
                        .orElse(List.of());
        return repository.versions(pacticipantIds, s, live);
    }

    private static List<ResolvedSelector> selectorsFor(
            Long pacticipantId,
            String name,
            Selector s,
            Kind kind,
            List<VersionRef> versions,
            List<ResolvedSelector> ignore,
            String mainBranch) {
        if (versions.isEmpty()) {
            return List.of(ResolvedSelector.noVersion(
                    pacticipantId, name, s, kind, ignoresPacticipant(ignore, pacticipantId)));
        }
        boolean many = versions.size() > 1;
        return versions.stream()
                .map(v -> new ResolvedSelector(
                        pacticipantId,
                        name,
                        v.id(),
                        v.number(),
                        v.order(),
                        kind,
                        ignoresVersion(ignore, pacticipantId, v.id()),
                        many,
                        mainBranch,
                        s))
                .toList();
    }

    private static boolean ignoresPacticipant(List<ResolvedSelector> ignore, Long pacticipantId) {
        return ignore.stream()
                .anyMatch(i -> pacticipantId.equals(i.pacticipantId()) && i.onlyPacticipantNameSpecified());
    }

    private static boolean ignoresVersion(List<ResolvedSelector> ignore, Long pacticipantId, Long versionId) {
        return ignore.stream()
                .anyMatch(i -> pacticipantId.equals(i.pacticipantId())
                        && (i.onlyPacticipantNameSpecified() || versionId.equals(i.versionId())));
    }

    private static boolean ignoreRow(List<ResolvedSelector> ignore, MatrixRow row) {
        for (ResolvedSelector i : ignore) {
            boolean consumer = row.consumerId().equals(i.pacticipantId())
                    && (i.onlyPacticipantNameSpecified()
                            || row.consumerVersionId().equals(i.versionId()));
            boolean provider = row.providerId().equals(i.pacticipantId())
                    && (i.onlyPacticipantNameSpecified()
                            || (row.providerVersionId() != null
                                    && row.providerVersionId().equals(i.versionId())));
            if (consumer || provider) {
                return true;
            }
        }
        return false;
    }

    // integrations

    /**
     * Every integration a selected version takes part in: the providers of the pacts a selected consumer version
     * published (required: the consumer needs them), and the consumers of a selected provider (not required: a
     * provider can go where its consumers are not).
     */
    private List<Integration> involving(List<ResolvedSelector> specified) {
        SelectedIds selected = SelectedIds.of(specified);
        List<Pair> required = new ArrayList<>(repository.providersOfVersions(selected.versionIds()));
        required.addAll(repository.integrationsOfConsumers(selected.allVersionPacticipantIds()));
        List<Pair> optional = repository.integrationsOfProviders(selected.pacticipantIds());
        return integrations(required, optional);
    }

    /** The integrations between the selected versions only (several selectors, no target). */
    private List<Integration> between(List<ResolvedSelector> specified) {
        SelectedIds selected = SelectedIds.of(specified);
        return integrations(
                repository.pairsBetween(
                        selected.versionIds(), selected.allVersionPacticipantIds(), selected.pacticipantIds()),
                List.of());
    }

    /**
     * The ids the selectors name: the versions of those that select one, the pacticipants of those that select every
     * version, and every pacticipant that exists.
     */
    private record SelectedIds(Set<Long> versionIds, Set<Long> allVersionPacticipantIds, Set<Long> pacticipantIds) {
        static SelectedIds of(List<ResolvedSelector> specified) {
            SelectedIds ids = new SelectedIds(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
            for (ResolvedSelector s : specified) {
                if (!s.pacticipantExists()) {
                    continue;
                }
                ids.pacticipantIds().add(s.pacticipantId());
                if (s.allVersions()) {
                    ids.allVersionPacticipantIds().add(s.pacticipantId());
                } else if (s.versionExists()) {
                    ids.versionIds().add(s.versionId());
                }
            }
            return ids;
        }
    }

    private List<Integration> integrations(List<Pair> required, List<Pair> optional) {
        Map<Pair, Boolean> pairs = new LinkedHashMap<>();
        required.forEach(p -> pairs.put(p, true));
        optional.forEach(p -> pairs.putIfAbsent(p, false));
        Set<Long> ids = new LinkedHashSet<>();
        pairs.keySet().forEach(p -> {
            ids.add(p.consumerId());
            ids.add(p.providerId());
        });
        Map<Long, String> names = repository.names(ids);
        return pairs.entrySet().stream()
                .map(e -> new Integration(
                        e.getKey().consumerId(),
                        names.get(e.getKey().consumerId()),
                        e.getKey().providerId(),
                        names.get(e.getKey().providerId()),
                        e.getValue()))
                .sorted(Comparator.comparing(Integration::consumerName).thenComparing(Integration::providerName))
                .toList();
    }

    /**
     * The selectors of the integrated pacticipants that the query did not name, from its target: their versions in
     * the environment, the latest with the tag, the head of their main branch, and so on. One query for all of them.
     */
    private List<ResolvedSelector> inferred(
            List<ResolvedSelector> specified,
            List<Integration> integrations,
            MatrixQuery query,
            List<ResolvedSelector> ignore,
            Function<String, Optional<Environment>> environment) {
        Set<String> specifiedNames = new LinkedHashSet<>();
        specified.forEach(s -> specifiedNames.add(s.pacticipantName()));
        Map<Long, String> others = new LinkedHashMap<>();
        for (Integration i : integrations) {
            if (!specifiedNames.contains(i.consumerName())) {
                others.put(i.consumerId(), i.consumerName());
            }
            if (!specifiedNames.contains(i.providerName())) {
                others.put(i.providerId(), i.providerName());
            }
        }
        if (others.isEmpty()) {
            return List.of();
        }
        Selector criteria = new Selector(
                null,
                null,
                query.branch(),
                Boolean.TRUE.equals(query.mainBranch()),
                query.tag(),
                Boolean.TRUE.equals(query.latest()),
                query.environment());
        Map<Long, List<VersionRef>> byPacticipant = new HashMap<>();
        for (VersionRef v : versions(others.keySet(), criteria, environment)) {
            byPacticipant
                    .computeIfAbsent(v.pacticipantId(), id -> new ArrayList<>())
                    .add(v);
        }
        Map<Long, String> mainBranches = criteria.mainBranch() ? repository.mainBranches(others.keySet()) : Map.of();
        List<ResolvedSelector> result = new ArrayList<>();
        others.forEach((id, name) -> result.addAll(selectorsFor(
                id,
                name,
                criteria.withPacticipant(name),
                Kind.INFERRED,
                byPacticipant.getOrDefault(id, List.of()),
                ignore,
                mainBranches.get(id))));
        return result;
    }

    private static Set<Long> specifiedIds(List<ResolvedSelector> specified) {
        Set<Long> ids = new LinkedHashSet<>();
        specified.stream().filter(ResolvedSelector::pacticipantExists).forEach(s -> ids.add(s.pacticipantId()));
        return ids;
    }

    // rows

    /**
     * The rows of a query with several selectors (named, or inferred from a target): the pacts the selected consumer
     * versions published for the selected providers, each with what the selected provider versions made of it.
     */
    private List<MatrixRow> rowsForSelectors(
            List<ResolvedSelector> selectors, Set<Long> specifiedIds, boolean every, Integer limit) {
        Set<Long> versionIds = new LinkedHashSet<>();
        Set<Long> allVersionIds = new LinkedHashSet<>();
        Set<Long> pacticipantIds = new LinkedHashSet<>();
        for (ResolvedSelector s : selectors) {
            if (!s.pacticipantExists()) {
                continue;
            }
            pacticipantIds.add(s.pacticipantId());
            if (s.allVersions()) {
                allVersionIds.add(s.pacticipantId());
            } else if (s.versionExists()) {
                versionIds.add(s.versionId());
            }
        }
        List<MatrixRow> pacts = repository.pacts(
                new PactCriteria(versionIds, allVersionIds, pacticipantIds, specifiedIds, null, null, every, limit));
        return withProviders(pacts, selectors, every, false);
    }

    /**
     * The rows of a query with one selector and no target (browsing): the pacts the selected versions published,
     * with every verification of them, and the pacts the selected versions verified.
     */
    private List<MatrixRow> rowsForOneSelector(List<ResolvedSelector> selectors, boolean every, Integer limit) {
        Set<Long> versionIds = new LinkedHashSet<>();
        Set<Long> allVersionIds = new LinkedHashSet<>();
        for (ResolvedSelector s : selectors) {
            if (!s.pacticipantExists()) {
                continue;
            }
            if (s.allVersions()) {
                allVersionIds.add(s.pacticipantId());
            } else if (s.versionExists()) {
                versionIds.add(s.versionId());
            }
        }
        List<MatrixRow> asConsumer = withProviders(
                repository.pacts(new PactCriteria(versionIds, allVersionIds, null, null, null, null, every, limit)),
                List.of(),
                every,
                false);
        List<MatrixRow> asProvider = withProviders(
                repository.pacts(new PactCriteria(null, null, null, null, versionIds, allVersionIds, every, limit)),
                selectors,
                every,
                true);
        Map<List<Object>, MatrixRow> unique = new LinkedHashMap<>();
        for (MatrixRow r : asConsumer) {
            unique.put(key(r), r);
        }
        for (MatrixRow r : asProvider) {
            if (selectors.stream().anyMatch(s -> r.providerId().equals(s.pacticipantId()))) {
                unique.putIfAbsent(key(r), r);
            }
        }
        return new ArrayList<>(unique.values());
    }

    private static List<Object> key(MatrixRow r) {
        return java.util.Arrays.asList(r.pactPublicationId(), r.providerVersionId(), r.verificationId());
    }

    /**
     * Adds the provider side to the pacts. For a provider whose selectors name versions, every pact meets every one
     * of those versions (with its newest verification by that version, or none); for a provider selected as a whole
     * (or not selected at all), every verification of the pact is a row, or one row without a provider version when
     * nobody verified it. With {@code verifiedOnly}, rows without a verification are left out.
     */
    private List<MatrixRow> withProviders(
            List<MatrixRow> pacts, List<ResolvedSelector> selectors, boolean every, boolean verifiedOnly) {
        if (pacts.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ResolvedSelector>> byPacticipant = new HashMap<>();
        for (ResolvedSelector s : selectors) {
            if (s.pacticipantExists()) {
                byPacticipant
                        .computeIfAbsent(s.pacticipantId(), id -> new ArrayList<>())
                        .add(s);
            }
        }
        Set<Long> wholeContents = new LinkedHashSet<>();
        Set<Long> versionContents = new LinkedHashSet<>();
        Set<Long> providerVersionIds = new LinkedHashSet<>();
        for (MatrixRow pact : pacts) {
            List<ResolvedSelector> provider = byPacticipant.getOrDefault(pact.providerId(), List.of());
            if (provider.isEmpty() || provider.stream().anyMatch(ResolvedSelector::allVersions)) {
                wholeContents.add(pact.pactVersionId());
            } else {
                versionContents.add(pact.pactVersionId());
                provider.stream().filter(s -> s.versionExists()).forEach(s -> providerVersionIds.add(s.versionId()));
            }
        }
        Map<Long, List<VerificationRef>> byContent = new HashMap<>();
        for (VerificationRef v : verificationsOf(wholeContents, null, every)) {
            byContent
                    .computeIfAbsent(v.pactVersionId(), id -> new ArrayList<>())
                    .add(v);
        }
        Map<List<Long>, List<VerificationRef>> byPair = new HashMap<>();
        for (VerificationRef v : verificationsOf(versionContents, providerVersionIds, every)) {
            byPair.computeIfAbsent(List.of(v.pactVersionId(), v.providerVersionId()), k -> new ArrayList<>())
                    .add(v);
        }
        List<MatrixRow> rows = new ArrayList<>();
        for (MatrixRow pact : pacts) {
            List<ResolvedSelector> provider = byPacticipant.getOrDefault(pact.providerId(), List.of());
            if (provider.isEmpty() || provider.stream().anyMatch(ResolvedSelector::allVersions)) {
                List<VerificationRef> verifications = byContent.getOrDefault(pact.pactVersionId(), List.of());
                verifications.forEach(v -> rows.add(verified(pact, v)));
                if (verifications.isEmpty() && !verifiedOnly) {
                    rows.add(pact);
                }
                continue;
            }
            List<ResolvedSelector> versions = provider.stream()
                    .filter(ResolvedSelector::versionExists)
                    .filter(distinctVersions())
                    .toList();
            if (versions.isEmpty() && !verifiedOnly) {
                rows.add(pact);
            }
            for (ResolvedSelector pv : versions) {
                List<VerificationRef> verifications =
                        byPair.getOrDefault(List.of(pact.pactVersionId(), pv.versionId()), List.of());
                verifications.forEach(v -> rows.add(verified(pact, v)));
                if (verifications.isEmpty() && !verifiedOnly) {
                    rows.add(pact.withProvider(pv.versionId(), pv.versionNumber(), pv.versionOrder()));
                }
            }
        }
        return rows;
    }

    /**
     * The verifications of the contents by the provider versions (any when null): every one, or the newest per
     * content and provider version, which the verifications feature keeps in its read model.
     */
    private List<VerificationRef> verificationsOf(Set<Long> contents, Set<Long> providerVersionIds, boolean every) {
        return every
                ? verifications.allByProviderVersion(contents, providerVersionIds)
                : verifications.latestByProviderVersion(contents, providerVersionIds);
    }

    private static java.util.function.Predicate<ResolvedSelector> distinctVersions() {
        Set<Long> seen = new java.util.HashSet<>();
        return s -> seen.add(s.versionId());
    }

    private static MatrixRow verified(MatrixRow pact, VerificationRef v) {
        return pact.withVerification(
                v.providerVersionId(),
                v.providerVersionNumber(),
                v.providerVersionOrder(),
                v.id(),
                v.number(),
                v.success(),
                v.executedAt(),
                v.createdAt(),
                v.buildUrl());
    }

    /**
     * The Pact Broker's {@code latestby}: one row per consumer version, provider and provider version ({@code
     * cvpv}), per consumer version and provider ({@code cvp}: the newest provider version) or per consumer and
     * provider ({@code cp}).
     */
    static List<MatrixRow> latestBy(List<MatrixRow> rows, String latestby) {
        if (latestby == null) {
            return rows;
        }
        Map<List<Object>, MatrixRow> groups = new LinkedHashMap<>();
        for (MatrixRow row : rows) {
            List<Object> key =
                    switch (latestby) {
                        case "cvpv" ->
                            java.util.Arrays.asList(
                                    row.consumerId(),
                                    row.consumerVersionId(),
                                    row.providerId(),
                                    row.providerVersionId());
                        case "cvp" -> List.of(row.consumerId(), row.consumerVersionId(), row.providerId());
                        default -> List.of(row.consumerId(), row.providerId());
                    };
            groups.merge(key, row, MatrixService::newer);
        }
        return new ArrayList<>(groups.values());
    }

    /** Of two rows of a group, the one with the newer provider version, then the newer verification and pact. */
    private static MatrixRow newer(MatrixRow a, MatrixRow b) {
        long ao = a.providerVersionOrder() == null ? Long.MIN_VALUE : a.providerVersionOrder();
        long bo = b.providerVersionOrder() == null ? Long.MIN_VALUE : b.providerVersionOrder();
        if (ao != bo) {
            return ao > bo ? a : b;
        }
        long av = a.verificationId() == null ? Long.MIN_VALUE : a.verificationId();
        long bv = b.verificationId() == null ? Long.MIN_VALUE : b.verificationId();
        if (av != bv) {
            return av > bv ? a : b;
        }
        return a.pactPublicationId() >= b.pactPublicationId() ? a : b;
    }
}
