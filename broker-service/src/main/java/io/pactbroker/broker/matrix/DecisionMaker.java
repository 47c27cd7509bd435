package io.pactbroker.broker.matrix;

import io.pactbroker.broker.matrix.Explanation.Party;
import io.pactbroker.broker.matrix.Explanation.Problem;
import io.pactbroker.broker.matrix.FailedInteractions.FailedInteraction;
import io.pactbroker.broker.matrix.Reason.Type;
import io.pactbroker.broker.verifications.VerificationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether the selected versions can be deployed, gives the Pact Broker's reasons and counts, and explains the
 * answer in terms a person can act on.
 *
 * <p>The verdict: false when a version named in the query does not exist or a considered verification failed; null
 * (unknown) when a considered pact is not verified by the provider version that counts; true otherwise (also when
 * nothing needs verifying). Unlike the Pact Broker, a failure beats a missing verification: no verification still to
 * come can make the answer yes while a failed one stands.
 */
@ApplicationScoped
public class DecisionMaker {

    /** At most this many problems are explained in detail; the rest are counted. */
    static final int MAX_PROBLEMS = 20;

    @Inject
    MatrixRepository repository;

    @Inject
    VerificationService verifications;

    public Decision decide(MatrixResult r) {
        List<MatrixRow> considered = r.considered();
        List<Integration> missing = requiredWithoutRow(r);
        int success = (int) considered.stream()
                .filter(x -> Boolean.TRUE.equals(x.success()))
                .count();
        int failed = (int) considered.stream()
                .filter(x -> Boolean.FALSE.equals(x.success()))
                .count();
        int unknown = (int) considered.stream().filter(x -> x.success() == null).count() + missing.size();
        Integer ignored = r.ignoreSelectors().isEmpty() ? null : r.ignored().size();
        List<ResolvedSelector> notFound = r.selectors().stream()
                .filter(ResolvedSelector::specifiedVersionThatDoesNotExist)
                .filter(s -> !s.ignore())
                .toList();
        Boolean deployable;
        if (!notFound.isEmpty() || failed > 0) {
            deployable = false;
        } else if (unknown > 0) {
            deployable = null;
        } else {
            deployable = true;
        }
        List<Reason> reasons = new ArrayList<>(warnings(r));
        List<Reason> errors = errors(r, notFound, missing);
        if (errors.isEmpty()) {
            reasons.add(Reason.of(considered.isEmpty() ? Type.NO_DEPENDENCIES_MISSING : Type.SUCCESSFUL));
        } else {
            reasons.addAll(errors);
        }
        Decision.Counts counts = new Decision.Counts(success, failed, unknown, ignored);
        return new Decision(deployable, reasons, counts, explain(r, deployable, counts, notFound, missing, reasons));
    }

    // the Pact Broker's reasons

    private static List<Integration> requiredWithoutRow(MatrixResult r) {
        List<MatrixRow> rows = r.rows();
        return r.integrations().stream()
                .filter(Integration::required)
                .filter(i -> rows.stream()
                        .noneMatch(row -> row.consumerId().equals(i.consumerId())
                                && row.providerId().equals(i.providerId())))
                .toList();
    }

    private static List<Reason> warnings(MatrixResult r) {
        List<Reason> warnings = new ArrayList<>();
        r.ignoreSelectors().stream()
                .filter(ResolvedSelector::pacticipantOrVersionMissing)
                .forEach(s -> warnings.add(Reason.about(Type.IGNORE_SELECTOR_DOES_NOT_EXIST, s)));
        List<ResolvedSelector> specified =
                r.selectors().stream().filter(ResolvedSelector::specified).toList();
        MatrixQuery q = r.query();
        boolean noTarget = q.tag() == null
                && q.environment() == null
                && q.branch() == null
                && !Boolean.TRUE.equals(q.mainBranch());
        if (specified.size() == 1 && noTarget) {
            warnings.add(Reason.of(Type.NO_ENVIRONMENT_SPECIFIED));
        }
        boolean versionSelectors = specified.stream().anyMatch(s -> !s.onlyPacticipantNameSpecified());
        if (versionSelectors && specified.stream().noneMatch(s -> s.original().version() != null)) {
            warnings.add(Reason.of(Type.SELECTOR_WITHOUT_PACTICIPANT_VERSION_NUMBER_SPECIFIED));
        }
        return warnings;
    }

    private static List<Reason> errors(MatrixResult r, List<ResolvedSelector> notFound, List<Integration> missing) {
        List<Reason> errors = new ArrayList<>();
        if (!notFound.isEmpty()) {
            notFound.forEach(s -> errors.add(Reason.about(Type.SPECIFIED_VERSION_DOES_NOT_EXIST, s)));
            return unique(errors);
        }
        for (Integration i : missing) {
            errors.add(Reason.between(
                    Type.PACT_NOT_VERIFIED_BY_REQUIRED_PROVIDER_VERSION,
                    selectorFor(r, i.consumerName(), null),
                    selectorFor(r, i.providerName(), null)));
        }
        for (MatrixRow row : r.considered()) {
            if (Boolean.FALSE.equals(row.success())) {
                errors.add(Reason.between(Type.VERIFICATION_FAILED, consumerOf(r, row), providerOf(r, row)));
            }
        }
        for (MatrixRow row : r.considered()) {
            if (row.success() == null) {
                errors.add(Reason.between(
                        Type.PACT_NOT_EVER_VERIFIED_BY_PROVIDER, consumerOf(r, row), providerOf(r, row)));
            }
        }
        return unique(errors);
    }

    private static List<Reason> unique(List<Reason> reasons) {
        Map<String, Reason> byText = new LinkedHashMap<>();
        reasons.forEach(reason -> byText.putIfAbsent(reason.text(), reason));
        return new ArrayList<>(byText.values());
    }

    static ResolvedSelector consumerOf(MatrixResult r, MatrixRow row) {
        return selectorFor(r, row.consumerName(), row.consumerVersionNumber());
    }

    static ResolvedSelector providerOf(MatrixResult r, MatrixRow row) {
        return selectorFor(r, row.providerName(), row.providerVersionNumber());
    }

    /**
     * The selector that selected a pacticipant's version: the only one for the pacticipant, or the one for that
     * version; otherwise one describing the version (or "any version") plainly.
     */
    static ResolvedSelector selectorFor(MatrixResult r, String name, String versionNumber) {
        List<ResolvedSelector> candidates = r.selectors().stream()
                .filter(s -> name.equals(s.pacticipantName()))
                .toList();
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (versionNumber != null) {
            for (ResolvedSelector s : candidates) {
                if (versionNumber.equals(s.versionNumber()) && s.versionExists()) {
                    return s;
                }
            }
        }
        return ResolvedSelector.describing(name, versionNumber);
    }

    // the explanation

    private Explanation explain(
            MatrixResult r,
            Boolean deployable,
            Decision.Counts counts,
            List<ResolvedSelector> notFound,
            List<Integration> missing,
            List<Reason> reasons) {
        List<Problem> problems = new ArrayList<>();
        for (ResolvedSelector s : notFound) {
            problems.add(versionNotFound(s));
        }
        List<MatrixRow> failedRows = r.considered().stream()
                .filter(x -> Boolean.FALSE.equals(x.success()))
                .limit(MAX_PROBLEMS)
                .toList();
        Map<Long, String> testResults = verifications.testResults(
                failedRows.stream().map(MatrixRow::verificationId).toList());
        Map<Long, String> contents = repository.pactContents(failedRows.stream()
                .filter(x -> testResults.containsKey(x.verificationId()))
                .map(MatrixRow::pactVersionId)
                .distinct()
                .toList());
        for (MatrixRow row : failedRows) {
            FailedInteractions.Result result =
                    FailedInteractions.read(testResults.get(row.verificationId()), contents.get(row.pactVersionId()));
            problems.add(verificationFailed(r, row, result, testResults.containsKey(row.verificationId())));
        }
        int unverified = 0;
        for (MatrixRow row : r.considered()) {
            if (row.success() == null && unverified++ < MAX_PROBLEMS) {
                problems.add(notVerified(r, row));
            }
        }
        for (Integration i : missing) {
            problems.add(requiredMissing(r, i));
        }
        int total = notFound.size()
                + (int) r.considered().stream()
                        .filter(x -> !Boolean.TRUE.equals(x.success()))
                        .count()
                + missing.size();
        List<Problem> shown = problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems;
        Set<String> nextSteps = new LinkedHashSet<>();
        shown.forEach(p -> nextSteps.addAll(p.nextSteps()));
        if (deployable == null) {
            nextSteps.add("Ask again once the missing verification results are published (the Pact CLI waits for"
                    + " them with can-i-deploy --retry-while-unknown).");
        }
        List<String> warnings = reasons.stream()
                .filter(x -> x.type().noticeType().equals("warning"))
                .map(Reason::text)
                .toList();
        return new Explanation(
                summary(r, deployable, counts, notFound),
                List.copyOf(shown),
                warnings,
                List.copyOf(nextSteps),
                Math.max(0, total - shown.size()));
    }

    private static Problem versionNotFound(ResolvedSelector s) {
        String name = s.pacticipantName();
        Selector o = s.original();
        String message;
        List<String> steps = new ArrayList<>();
        if (o.version() != null) {
            message = name + " has no version " + o.version()
                    + ": no pacts, verification results, tags, branches or deployments were recorded for it.";
            steps.add("Check the version number the pipeline passes: it must be the version " + name
                    + " published its pacts (or verification results) with.");
            steps.add("Publish " + name + "'s pacts for version " + o.version()
                    + " (or verify with it, for a provider) before asking whether it can be deployed.");
        } else {
            message = s.versionDoesNotExistDescription() + ".";
            steps.add("Name the version of " + name + " to deploy by its number (pacticipant and version), as the"
                    + " pipeline that built it knows it.");
        }
        return new Problem(
                Explanation.Type.VERSION_NOT_FOUND,
                new Party(name, o.version(), s.description()),
                null,
                null,
                message,
                List.of(),
                null,
                List.copyOf(steps),
                null);
    }

    private Problem verificationFailed(
            MatrixResult r, MatrixRow row, FailedInteractions.Result result, boolean hasTestResults) {
        ResolvedSelector consumer = consumerOf(r, row);
        ResolvedSelector provider = providerOf(r, row);
        String c = version(row.consumerName(), row.consumerVersionNumber()) + role(consumer);
        String p = version(row.providerName(), row.providerVersionNumber()) + role(provider);
        StringBuilder message =
                new StringBuilder("The verification of the pact between " + c + " and " + p + " failed");
        List<FailedInteraction> failed = result.failed();
        if (!failed.isEmpty()) {
            message.append(": ")
                    .append(failed.size())
                    .append(result.reported() > 0 ? " of " + result.reported() : "")
                    .append(failed.size() == 1 && result.reported() <= 1 ? " interaction" : " interactions")
                    .append(" failed (")
                    .append(String.join(
                            "; ",
                            failed.stream()
                                    .limit(5)
                                    .map(FailedInteraction::label)
                                    .toList()))
                    .append(failed.size() > 5 ? "; ..." : "")
                    .append(")");
        } else if (!hasTestResults) {
            message.append(" (the verifier published no test results, so the failed interactions are not known:"
                    + " see the verification's build)");
        }
        message.append(".");
        List<String> steps = new ArrayList<>();
        String cv = version(row.consumerName(), row.consumerVersionNumber());
        String pv = version(row.providerName(), row.providerVersionNumber());
        if (consumer.specified() && !provider.specified()) {
            steps.add("See what " + pv + " answered in the failed interactions (the verification result and its"
                    + " build have the details).");
            steps.add("Either change " + row.consumerName() + " so that its pact matches what " + pv
                    + " does, publish the new pact and ask again, or first deploy a version of "
                    + row.providerName() + " that verifies this pact successfully" + targetPhrase(r.query()) + ".");
        } else if (provider.specified() && !consumer.specified()) {
            steps.add(pv + " breaks " + cv + role(consumer) + ": fix " + row.providerName()
                    + " so that the failed interactions pass, verify again and publish the result.");
            steps.add("If " + row.consumerName() + " no longer needs these interactions, deploy a version of "
                    + row.consumerName() + " without them first.");
        } else {
            steps.add("Fix the failed interactions (in " + row.providerName() + ", or in " + row.consumerName()
                    + "'s pact), verify again with " + pv + " and publish the result.");
        }
        return new Problem(
                Explanation.Type.VERIFICATION_FAILED,
                null,
                party(row.consumerName(), row.consumerVersionNumber(), consumer),
                party(row.providerName(), row.providerVersionNumber(), provider),
                message.toString(),
                failed,
                hasTestResults ? result.reported() : null,
                List.copyOf(steps),
                row);
    }

    private Problem notVerified(MatrixResult r, MatrixRow row) {
        ResolvedSelector consumer = consumerOf(r, row);
        ResolvedSelector provider = providerOf(r, row);
        String cv = version(row.consumerName(), row.consumerVersionNumber());
        List<String> steps = new ArrayList<>();
        if (row.providerVersionNumber() == null && provider.inferred() && !provider.versionExists()) {
            String where = absentPhrase(r.query(), row.providerName(), provider);
            steps.add(deployFirstStep(r.query(), row.providerName()));
            steps.add("If " + cv + " can run without " + row.providerName() + " for now, ask again ignoring it"
                    + " (ignore[]=" + row.providerName() + ", or can-i-deploy --ignore " + row.providerName() + ").");
            return new Problem(
                    Explanation.Type.NO_VERSION_IN_TARGET,
                    null,
                    party(row.consumerName(), row.consumerVersionNumber(), consumer),
                    new Party(row.providerName(), null, provider.description()),
                    cv + role(consumer) + " has a pact with " + row.providerName() + ", but " + where + ".",
                    List.of(),
                    null,
                    List.copyOf(steps),
                    row);
        }
        String message;
        if (row.providerVersionNumber() == null) {
            message = "No version of " + row.providerName() + " has verified the pact of " + cv + role(consumer)
                    + " yet.";
            steps.add("Verify the pact in " + row.providerName() + "'s build (pacts for verification, or the pact"
                    + " URL) and publish the results with the provider version.");
        } else {
            String pv = version(row.providerName(), row.providerVersionNumber());
            message = pv + role(provider) + " has not verified the pact of " + cv + role(consumer) + ".";
            if (provider.specified() && !consumer.specified()) {
                steps.add("Run the verification of " + pv + " with the consumer version selector "
                        + consumerSelectorFor(r.query()) + " so that it verifies the pacts of the "
                        + row.consumerName() + " versions" + wherePhrase(r.query())
                        + ", and publish the results.");
            } else {
                steps.add("Verify the pact of " + cv + " with " + pv + " and publish the result: run the provider"
                        + " verification of " + row.providerName() + " at version " + row.providerVersionNumber()
                        + " against this pact (a webhook on the contract_requiring_verification_published event"
                        + " does this automatically).");
            }
        }
        return new Problem(
                Explanation.Type.NOT_VERIFIED,
                null,
                party(row.consumerName(), row.consumerVersionNumber(), consumer),
                party(row.providerName(), row.providerVersionNumber(), provider),
                message,
                List.of(),
                null,
                List.copyOf(steps),
                row);
    }

    private static Problem requiredMissing(MatrixResult r, Integration i) {
        ResolvedSelector consumer = selectorFor(r, i.consumerName(), null);
        ResolvedSelector provider = selectorFor(r, i.providerName(), null);
        return new Problem(
                Explanation.Type.NOT_VERIFIED,
                null,
                new Party(i.consumerName(), consumer.versionNumber(), consumer.description()),
                new Party(i.providerName(), null, provider.description()),
                "There is no verified pact between " + consumer.description() + " and " + provider.description() + ".",
                List.of(),
                null,
                List.of("Verify the pact with the " + i.providerName() + " version that counts and publish the"
                        + " result."),
                null);
    }

    private static Party party(String name, String version, ResolvedSelector selector) {
        return new Party(name, version, selector.description());
    }

    private static String version(String name, String number) {
        return number == null ? name : name + " " + number;
    }

    /** How the query selected an inferred version, for messages: " (currently in production)". */
    private static String role(ResolvedSelector s) {
        if (!s.inferred() || s.original() == null) {
            return "";
        }
        Selector o = s.original();
        if (o.environment() != null) {
            return " (currently in " + o.environment() + ")";
        }
        if (o.latest() && o.tag() != null) {
            return " (the latest with tag " + o.tag() + ")";
        }
        if (o.tag() != null) {
            return " (tagged " + o.tag() + ")";
        }
        if (o.mainBranch()) {
            return o.latest() ? " (the latest from the main branch)" : " (from the main branch)";
        }
        if (o.branch() != null) {
            return o.latest() ? " (the latest from branch " + o.branch() + ")" : " (from branch " + o.branch() + ")";
        }
        return o.latest() ? " (the latest version)" : "";
    }

    /** Where the versions are going, for messages: " to production". */
    static String targetPhrase(MatrixQuery q) {
        if (q.environment() != null) {
            return " to " + q.environment();
        }
        if (q.tag() != null) {
            return " with tag " + q.tag();
        }
        if (Boolean.TRUE.equals(q.mainBranch())) {
            return " on the main branch";
        }
        if (q.branch() != null) {
            return " on branch " + q.branch();
        }
        return "";
    }

    /** Where the other versions are, for messages: " in production". */
    static String wherePhrase(MatrixQuery q) {
        return q.environment() != null ? " in " + q.environment() : targetPhrase(q);
    }

    private static String absentPhrase(MatrixQuery q, String provider, ResolvedSelector s) {
        if (q.environment() != null) {
            return "no version of " + provider + " is currently deployed or released in " + q.environment();
        }
        if (q.tag() != null) {
            return "no version of " + provider + " has the tag " + q.tag();
        }
        if (Boolean.TRUE.equals(q.mainBranch())) {
            return s.mainBranchName() == null
                    ? provider + " has no main branch set (or no version on it)"
                    : "no version of " + provider + " is on its main branch (" + s.mainBranchName() + ")";
        }
        if (q.branch() != null) {
            return "no version of " + provider + " is on branch " + q.branch();
        }
        return provider + " has no versions";
    }

    private static String deployFirstStep(MatrixQuery q, String provider) {
        if (q.environment() != null) {
            return "Deploy " + provider + " to " + q.environment() + " first and record it (record-deployment or"
                    + " record-release); if it already runs there, record that deployment.";
        }
        if (q.tag() != null) {
            return "Tag the version of " + provider + " that the target runs with " + q.tag() + " (or deploy "
                    + provider + " there first).";
        }
        if (Boolean.TRUE.equals(q.mainBranch())) {
            return "Set " + provider + "'s main branch (mainBranch) and publish a version of " + provider + " from it.";
        }
        if (q.branch() != null) {
            return "Publish a version of " + provider + " from branch " + q.branch() + ".";
        }
        return "Publish a version of " + provider + " (its verification results) first.";
    }

    private static String consumerSelectorFor(MatrixQuery q) {
        if (q.environment() != null) {
            return "{\"environment\": \"" + q.environment() + "\"} (or {\"deployedOrReleased\": true})";
        }
        if (q.tag() != null) {
            return "{\"tag\": \"" + q.tag() + "\", \"latest\": true}";
        }
        if (Boolean.TRUE.equals(q.mainBranch())) {
            return "{\"mainBranch\": true}";
        }
        if (q.branch() != null) {
            return "{\"branch\": \"" + q.branch() + "\"}";
        }
        return "{\"latest\": true}";
    }

    private static String summary(
            MatrixResult r, Boolean deployable, Decision.Counts counts, List<ResolvedSelector> notFound) {
        List<ResolvedSelector> specified =
                r.selectors().stream().filter(ResolvedSelector::specified).toList();
        String subject = String.join(
                ", ",
                specified.stream()
                        .map(s -> s.original().version() != null
                                ? s.pacticipantName() + " " + s.original().version()
                                : s.description())
                        .distinct()
                        .toList());
        String target = targetPhrase(r.query());
        if (target.isEmpty() && Boolean.TRUE.equals(r.query().latest())) {
            target = " with the latest versions of the others";
        }
        String ignoredText =
                counts.ignored() != null && counts.ignored() > 0 ? " (" + counts.ignored() + " ignored)" : "";
        if (Boolean.TRUE.equals(deployable)) {
            if (counts.success() == 0) {
                return subject + " can be deployed" + target + ": nothing it depends on needs verifying" + ignoredText
                        + ".";
            }
            return subject + " can be deployed" + target + ": " + plural(counts.success(), "required verification")
                    + (counts.success() == 1 ? " passed" : " all passed") + ignoredText + ".";
        }
        List<String> parts = new ArrayList<>();
        notFound.forEach(s -> parts.add(lowerFirst(s.versionDoesNotExistDescription())));
        if (counts.failed() > 0) {
            parts.add(plural(counts.failed(), "verification") + " failed");
        }
        if (counts.unknown() > 0) {
            parts.add(plural(counts.unknown(), "verification") + (counts.unknown() == 1 ? " is" : " are") + " missing");
        }
        String why = String.join(", ", parts.stream().filter(Objects::nonNull).toList()) + ignoredText;
        if (deployable == null) {
            return "It is not known yet whether " + subject + " can be deployed" + target + ": " + why + ".";
        }
        return subject + " cannot be deployed" + target + ": " + why + ".";
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
