package io.pactbroker.broker.matrix;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Dates;
import io.pactbroker.broker.common.hal.Link;
import io.pactbroker.broker.environments.EnvironmentRepresentation;
import io.pactbroker.broker.matrix.Explanation.Party;
import io.pactbroker.broker.matrix.Explanation.Problem;
import io.pactbroker.broker.matrix.FailedInteractions.FailedInteraction;
import io.pactbroker.broker.matrix.MatrixService.Answer;
import io.pactbroker.broker.matrix.MatrixService.VersionDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The matrix as JSON: the Pact Broker's {@code summary}, {@code notices} and {@code matrix} rows, and this broker's
 * {@code explanation}.
 */
public final class MatrixRepresentation {

    private MatrixRepresentation() {}

    public static Map<String, Object> from(Answer answer, BrokerUrls urls) {
        Decision d = answer.decision();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("summary", summary(d));
        List<Map<String, Object>> notices = new ArrayList<>();
        d.reasons().forEach(r -> notices.add(notice(r.noticeType(), r.text())));
        if (!Boolean.TRUE.equals(d.deployable())) {
            explanationNotices(d.explanation()).forEach(text -> notices.add(notice("info", text)));
        }
        body.put("notices", notices);
        body.put("explanation", explanation(d.explanation(), urls));
        List<Map<String, Object>> rows = new ArrayList<>();
        answer.listed().forEach(row -> rows.add(row(row, answer.versions(), urls)));
        answer.listedIgnored().forEach(row -> {
            Map<String, Object> r = row(row, answer.versions(), urls);
            r.put("ignored", true);
            rows.add(r);
        });
        body.put("matrix", rows);
        return body;
    }

    /** At most this many problems, failed interactions per problem and next steps are repeated as notices. */
    static final int MAX_NOTICE_ITEMS = 5;

    /**
     * The explanation as {@code info} notices, after the Pact Broker's: clients that print the notices (the Pact
     * CLI's can-i-deploy does) show what failed and what to do, without knowing about {@code explanation}.
     */
    static List<String> explanationNotices(Explanation e) {
        List<String> lines = new ArrayList<>();
        e.problems().stream().limit(MAX_NOTICE_ITEMS).forEach(p -> {
            lines.add(p.message());
            p.failedInteractions().stream()
                    .limit(MAX_NOTICE_ITEMS)
                    .forEach(i -> lines.add("  Failed: " + i.label()
                            + (i.mismatches().isEmpty()
                                    ? ""
                                    : ": " + i.mismatches().get(0))));
        });
        int more = e.problems().size() - MAX_NOTICE_ITEMS + e.omittedProblems();
        if (more > 0) {
            lines.add("(" + more + " more problems: see the explanation in the JSON response)");
        }
        e.nextSteps().stream().limit(MAX_NOTICE_ITEMS).forEach(step -> lines.add("Next: " + step));
        return lines;
    }

    private static Map<String, Object> notice(String type, String text) {
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("type", type);
        notice.put("text", text);
        return notice;
    }

    /** The summary alone (also for badges and the UI). */
    public static Map<String, Object> summary(Decision d) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("deployable", d.deployable());
        summary.put("reason", d.reasonText());
        summary.put("success", d.counts().success());
        summary.put("failed", d.counts().failed());
        summary.put("unknown", d.counts().unknown());
        if (d.counts().ignored() != null) {
            summary.put("ignored", d.counts().ignored());
        }
        return summary;
    }

    static Map<String, Object> explanation(Explanation e, BrokerUrls urls) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("summary", e.summary());
        body.put("problems", e.problems().stream().map(p -> problem(p, urls)).toList());
        if (e.omittedProblems() > 0) {
            body.put("omittedProblems", e.omittedProblems());
        }
        body.put("warnings", e.warnings());
        body.put("nextSteps", e.nextSteps());
        return body;
    }

    private static Map<String, Object> problem(Problem p, BrokerUrls urls) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", p.type().json());
        if (p.subject() != null) {
            body.put("pacticipant", party(p.subject()));
        }
        if (p.consumer() != null) {
            body.put("consumer", party(p.consumer()));
        }
        if (p.provider() != null) {
            body.put("provider", party(p.provider()));
        }
        body.put("message", p.message());
        if (!p.failedInteractions().isEmpty()) {
            body.put(
                    "failedInteractions",
                    p.failedInteractions().stream()
                            .map(MatrixRepresentation::interaction)
                            .toList());
        }
        if (p.interactionsReported() != null) {
            body.put("interactionsReported", p.interactionsReported());
        }
        body.put("nextSteps", p.nextSteps());
        MatrixRow row = p.row();
        if (row != null) {
            Map<String, Object> links = new LinkedHashMap<>();
            links.put(
                    "pb:pact", Link.of(urls.pact(row.providerName(), row.consumerName(), row.consumerVersionNumber())));
            if (row.verified()) {
                links.put(
                        "pb:verification-result",
                        Link.of(urls.verification(
                                row.providerName(), row.consumerName(), row.pactSha(), row.verificationNumber())));
                if (row.verificationBuildUrl() != null) {
                    links.put("pb:build", Link.of(row.verificationBuildUrl()));
                }
            }
            body.put("_links", links);
        }
        return body;
    }

    private static Map<String, Object> party(Party party) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", party.name());
        body.put("version", party.version());
        body.put("selectedAs", party.selectedAs());
        return body;
    }

    private static Map<String, Object> interaction(FailedInteraction i) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("description", i.description());
        if (i.providerState() != null) {
            body.put("providerState", i.providerState());
        }
        if (i.interactionId() != null) {
            body.put("interactionId", i.interactionId());
        }
        body.put("mismatches", i.mismatches());
        return body;
    }

    private static Map<String, Object> row(MatrixRow row, Map<Long, VersionDetails> details, BrokerUrls urls) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> consumer = new LinkedHashMap<>();
        consumer.put("name", row.consumerName());
        consumer.put(
                "version",
                version(row.consumerName(), row.consumerVersionNumber(), details.get(row.consumerVersionId()), urls));
        consumer.put("_links", Map.of("self", Link.of(urls.pacticipant(row.consumerName()))));
        body.put("consumer", consumer);
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("name", row.providerName());
        provider.put(
                "version",
                row.providerVersionId() == null
                        ? null
                        : version(
                                row.providerName(),
                                row.providerVersionNumber(),
                                details.get(row.providerVersionId()),
                                urls));
        provider.put("_links", Map.of("self", Link.of(urls.pacticipant(row.providerName()))));
        body.put("provider", provider);
        Map<String, Object> pact = new LinkedHashMap<>();
        pact.put("createdAt", Dates.format(row.pactCreatedAt()));
        pact.put(
                "_links",
                Map.of(
                        "self",
                        Link.of(urls.pact(row.providerName(), row.consumerName(), row.consumerVersionNumber()))));
        body.put("pact", pact);
        if (row.verified()) {
            Map<String, Object> verification = new LinkedHashMap<>();
            verification.put("success", row.success());
            verification.put("verifiedAt", Dates.format(row.verifiedAt()));
            verification.put(
                    "_links",
                    Map.of(
                            "self",
                            Link.of(urls.verification(
                                    row.providerName(), row.consumerName(), row.pactSha(), row.verificationNumber()))));
            body.put("verificationResult", verification);
        } else {
            body.put("verificationResult", null);
        }
        return body;
    }

    private static Map<String, Object> version(
            String pacticipant, String number, VersionDetails details, BrokerUrls urls) {
        VersionDetails d = details == null ? new VersionDetails(List.of(), List.of(), List.of()) : details;
        List<Map<String, Object>> branches = d.branches().stream()
                .map(b -> {
                    Map<String, Object> branch = new LinkedHashMap<>();
                    branch.put("name", b.name());
                    branch.put("latest", b.latest());
                    branch.put(
                            "_links",
                            Map.of(
                                    "self",
                                    Link.of(
                                            urls.branchVersion(pacticipant, b.name(), number),
                                            "Branch version",
                                            b.name())));
                    return branch;
                })
                .toList();
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("number", number);
        version.put(
                "branch",
                d.branches().isEmpty()
                        ? null
                        : d.branches().get(d.branches().size() - 1).name());
        version.put("branches", branches);
        version.put("branchVersions", branches);
        version.put(
                "environments",
                d.environments().stream()
                        .map(e -> EnvironmentRepresentation.embedded(e, urls))
                        .toList());
        version.put("_links", Map.of("self", Link.of(urls.version(pacticipant, number))));
        version.put(
                "tags",
                d.tags().stream()
                        .map(t -> {
                            Map<String, Object> tag = new LinkedHashMap<>();
                            tag.put("name", t.name());
                            tag.put("latest", t.latest());
                            tag.put("_links", Map.of("self", Link.of(urls.tag(pacticipant, number, t.name()))));
                            return tag;
                        })
                        .toList());
        return version;
    }
}
