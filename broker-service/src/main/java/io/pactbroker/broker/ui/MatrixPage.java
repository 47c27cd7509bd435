package io.pactbroker.broker.ui;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.paging.PageRequest;
import io.pactbroker.broker.common.problem.ValidationException;
import io.pactbroker.broker.environments.Environment;
import io.pactbroker.broker.environments.EnvironmentService;
import io.pactbroker.broker.matrix.CanIDeployRequest;
import io.pactbroker.broker.matrix.Decision;
import io.pactbroker.broker.matrix.Explanation;
import io.pactbroker.broker.matrix.FailedInteractions;
import io.pactbroker.broker.matrix.MatrixQuery;
import io.pactbroker.broker.matrix.MatrixRow;
import io.pactbroker.broker.matrix.MatrixService;
import io.pactbroker.broker.matrix.Selector;
import io.pactbroker.broker.pacticipants.Pacticipant;
import io.pactbroker.broker.pacticipants.PacticipantService;
import io.pactbroker.broker.versions.Version;
import io.pactbroker.broker.versions.VersionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The matrix and can-i-deploy: a pacticipant version and a target (an environment, the latest version with a tag, the
 * head of a branch, the main branch heads); the verdict, reasons and explanation come from {@link MatrixService} and
 * its {@code DecisionMaker}, exactly as the API answers, and the rows behind them can be filtered by outcome.
 */
@ApplicationScoped
public class MatrixPage {

    static final List<String> TARGETS = List.of("environment", "tag", "branch", "mainBranch");
    static final List<String> SHOWS = List.of("all", "success", "failed", "unverified");

    @Inject
    MatrixService matrix;

    @Inject
    PacticipantService pacticipants;

    @Inject
    VersionService versions;

    @Inject
    EnvironmentService environments;

    @Inject
    BrokerUrls brokerUrls;

    record Params(
            String pacticipant,
            String version,
            String target,
            String environment,
            String tag,
            String branch,
            String show) {

        boolean asked() {
            return pacticipant != null && !pacticipant.isBlank() && version != null && !version.isBlank();
        }
    }

    /** The page, and whether the question was refused (400). */
    record Rendered(String html, boolean invalid) {}

    public Rendered render(Params params) {
        UiUrls urls = new UiUrls(brokerUrls);
        String target = params.target() != null && TARGETS.contains(params.target()) ? params.target() : "environment";
        String show = params.show() != null && SHOWS.contains(params.show()) ? params.show() : "all";
        List<Environment> envs = environments.list(null);
        Html h = new Html();
        form(h, urls, params, target, show, envs);
        String api = brokerUrls.canIDeploy();
        boolean invalid = false;
        if (params.asked()) {
            try {
                MatrixService.Answer answer = answer(params, target);
                api = apiUrl(params, target);
                verdict(h, urls, answer.result().query(), answer.decision());
                rows(h, urls, answer, show);
            } catch (ValidationException e) {
                invalid = true;
                h.raw("<div class=\"errors\" role=\"alert\"><h2>The question cannot be answered</h2><ul>");
                if (e.messages() != null) {
                    e.messages().forEach(m -> h.el("li", m));
                }
                e.errors()
                        .forEach((field, messages) ->
                                messages.forEach(m -> h.el("li", field.isEmpty() ? m : field + " " + m)));
                h.raw("</ul></div>");
            }
        }
        return new Rendered(UiPage.render(urls, "Can I deploy?", "matrix", api, h.toString()), invalid);
    }

    private MatrixService.Answer answer(Params p, String target) {
        Selector version = Selector.version(p.pacticipant(), p.version());
        return switch (target) {
            case "tag" ->
                matrix.canIDeploy(new CanIDeployRequest(p.pacticipant(), p.version(), null, blank(p.tag()), List.of()));
            case "branch" -> {
                if (p.branch() == null || p.branch().isBlank()) {
                    throw ValidationException.of("branch", "can't be blank");
                }
                yield matrix.matrix(MatrixQuery.of(
                        List.of(version),
                        List.of(),
                        "cvp",
                        new MatrixQuery.Target(null, null, p.branch(), false, true)));
            }
            case "mainBranch" ->
                matrix.matrix(
                        MatrixQuery.of(List.of(version), List.of(), "cvp", MatrixQuery.Target.latestOnMainBranch()));
            default ->
                matrix.canIDeploy(
                        new CanIDeployRequest(p.pacticipant(), p.version(), blank(p.environment()), null, List.of()));
        };
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }

    private String apiUrl(Params p, String target) {
        String base = brokerUrls.base();
        String who = "pacticipant=" + Html.query(p.pacticipant()) + "&version=" + Html.query(p.version());
        String q = "q%5B%5D%5Bpacticipant%5D=" + Html.query(p.pacticipant()) + "&q%5B%5D%5Bversion%5D="
                + Html.query(p.version()) + "&latestby=cvp&latest=true";
        return switch (target) {
            case "tag" -> base + "/can-i-deploy?" + who + "&to=" + Html.query(p.tag());
            case "branch" -> base + "/matrix?" + q + "&branch=" + Html.query(p.branch());
            case "mainBranch" -> base + "/matrix?" + q + "&mainBranch=true";
            default -> base + "/can-i-deploy?" + who + "&environment=" + Html.query(p.environment());
        };
    }

    private void form(Html h, UiUrls urls, Params p, String target, String show, List<Environment> envs) {
        h.open("form", "class", "filters matrix-form", "method", "get", "action", urls.matrix())
                .raw("<div class=\"field\">")
                .el("label", "Pacticipant", "for", "pacticipant")
                .open(
                        "input",
                        "id",
                        "pacticipant",
                        "name",
                        "pacticipant",
                        "list",
                        "pacticipant-names",
                        "value",
                        p.pacticipant(),
                        "required",
                        "required",
                        "autocomplete",
                        "off")
                .raw("<datalist id=\"pacticipant-names\">");
        for (Pacticipant x : pacticipants.list(null, PageRequest.of(1, 1000)).items()) {
            h.open("option", "value", x.name).close("option");
        }
        h.raw("</datalist></div><div class=\"field\">")
                .el("label", "Version", "for", "version")
                .open(
                        "input",
                        "id",
                        "version",
                        "name",
                        "version",
                        "list",
                        "version-numbers",
                        "value",
                        p.version(),
                        "required",
                        "required",
                        "autocomplete",
                        "off")
                .raw("<datalist id=\"version-numbers\">");
        if (p.pacticipant() != null && pacticipants.findByName(p.pacticipant()).isPresent()) {
            for (Version v :
                    versions.list(p.pacticipant(), PageRequest.of(1, 50)).items()) {
                h.open("option", "value", v.number).close("option");
            }
        }
        h.raw("</datalist></div><fieldset class=\"field\"><legend>To</legend>");
        radio(h, "target", "environment", "environment", target);
        h.raw(
                "<label class=\"visually-hidden\" for=\"environment\">Environment</label><select id=\"environment\" name=\"environment\">");
        for (Environment e : envs) {
            h.open("option", "value", e.name(), "selected", e.name().equals(p.environment()) ? "selected" : null)
                    .text(e.name())
                    .close("option");
        }
        h.raw("</select>");
        radio(h, "target", "tag", "latest with tag", target);
        h.raw("<label class=\"visually-hidden\" for=\"tag\">Tag</label>")
                .open("input", "id", "tag", "name", "tag", "value", p.tag(), "size", "10");
        radio(h, "target", "branch", "head of branch", target);
        h.raw("<label class=\"visually-hidden\" for=\"branch\">Branch</label>")
                .open("input", "id", "branch", "name", "branch", "value", p.branch(), "size", "10");
        radio(h, "target", "mainBranch", "main branch heads", target);
        h.raw("</fieldset><div class=\"field\">")
                .el("label", "Rows", "for", "show")
                .raw("<select id=\"show\" name=\"show\">");
        for (String s : SHOWS) {
            h.open("option", "value", s, "selected", s.equals(show) ? "selected" : null)
                    .text(s)
                    .close("option");
        }
        h.raw("</select></div><button type=\"submit\" id=\"ask\">Ask</button></form>");
    }

    private static void radio(Html h, String name, String value, String label, String current) {
        String id = name + "-" + value;
        h.open(
                        "input",
                        "type",
                        "radio",
                        "id",
                        id,
                        "name",
                        name,
                        "value",
                        value,
                        "checked",
                        value.equals(current) ? "checked" : null)
                .el("label", label, "for", id);
    }

    private static void verdict(Html h, UiUrls urls, MatrixQuery query, Decision d) {
        String verdict = d.deployable() == null ? "unknown" : d.deployable() ? "deployable" : "not deployable";
        h.open(
                        "section",
                        "class",
                        "verdict verdict-" + verdict.replace(' ', '-'),
                        "aria-labelledby",
                        "verdict-h",
                        "id",
                        "verdict")
                .open("h2", "id", "verdict-h")
                .text("Verdict: ")
                .badge(verdict)
                .close("h2");
        h.el("p", d.explanation().summary(), "class", "summary");
        h.el("pre", d.reasonText(), "class", "reason");
        if (!d.explanation().problems().isEmpty()) {
            h.el("h3", "Problems").raw("<ul class=\"problems\">");
            for (Explanation.Problem p : d.explanation().problems()) {
                h.raw("<li>").text(p.message());
                if (p.row() != null && p.row().verificationNumber() != null) {
                    MatrixRow r = p.row();
                    h.text(" ")
                            .link(
                                    urls.verification(
                                            r.providerName(), r.consumerName(), r.pactSha(), r.verificationNumber()),
                                    "see the verification");
                }
                if (p.failedInteractions() != null && !p.failedInteractions().isEmpty()) {
                    h.raw("<ul>");
                    for (FailedInteractions.FailedInteraction f : p.failedInteractions()) {
                        h.raw("<li>").text(f.label());
                        if (!f.mismatches().isEmpty()) {
                            h.raw("<ul class=\"mismatches\">");
                            f.mismatches().forEach(m -> h.el("li", m));
                            h.raw("</ul>");
                        }
                        h.raw("</li>");
                    }
                    h.raw("</ul>");
                }
                h.raw("</li>");
            }
            h.raw("</ul>");
            if (d.explanation().omittedProblems() > 0) {
                h.el("p", d.explanation().omittedProblems() + " further problems are not shown.");
            }
        }
        if (!d.explanation().warnings().isEmpty()) {
            h.el("h3", "Warnings").raw("<ul>");
            d.explanation().warnings().forEach(w -> h.el("li", w));
            h.raw("</ul>");
        }
        if (!d.explanation().nextSteps().isEmpty()) {
            h.el("h3", "Next steps").raw("<ol>");
            d.explanation().nextSteps().forEach(s -> h.el("li", s));
            h.raw("</ol>");
        }
        h.close("section");
    }

    private static void rows(Html h, UiUrls urls, MatrixService.Answer answer, String show) {
        List<MatrixRow> rows = new ArrayList<>();
        for (MatrixRow r : answer.listed()) {
            boolean keep =
                    switch (show) {
                        case "success" -> Boolean.TRUE.equals(r.success());
                        case "failed" -> Boolean.FALSE.equals(r.success());
                        case "unverified" -> r.success() == null;
                        default -> true;
                    };
            if (keep) {
                rows.add(r);
            }
        }
        h.open("section", "aria-labelledby", "rows-h").el("h2", "Rows (" + rows.size() + ")", "id", "rows-h");
        if (rows.isEmpty()) {
            h.el("p", "No rows.", "class", "empty");
            h.close("section");
            return;
        }
        h.raw("<div class=\"table-wrap\"><table class=\"matrix\"><thead><tr><th scope=\"col\">Consumer</th>")
                .raw("<th scope=\"col\">Consumer version</th><th scope=\"col\">Provider</th>")
                .raw("<th scope=\"col\">Provider version</th><th scope=\"col\">Result</th></tr></thead><tbody>");
        for (MatrixRow r : rows) {
            h.raw("<tr><td>")
                    .link(urls.pacticipant(r.consumerName()), r.consumerName())
                    .raw("</td><td>")
                    .link(
                            urls.pact(r.providerName(), r.consumerName(), r.consumerVersionNumber()),
                            r.consumerVersionNumber());
            details(h, answer.versions().get(r.consumerVersionId()));
            h.raw("</td><td>")
                    .link(urls.pacticipant(r.providerName()), r.providerName())
                    .raw("</td><td>");
            if (r.providerVersionNumber() != null) {
                h.text(r.providerVersionNumber());
                details(h, answer.versions().get(r.providerVersionId()));
            }
            h.raw("</td><td>");
            String status = r.success() == null ? "unverified" : r.success() ? "verified" : "failed";
            if (r.verificationNumber() != null) {
                h.open(
                                "a",
                                "href",
                                urls.verification(
                                        r.providerName(), r.consumerName(), r.pactSha(), r.verificationNumber()))
                        .badge(status)
                        .close("a");
            } else {
                h.badge(status);
            }
            h.raw("</td></tr>");
        }
        h.raw("</tbody></table></div>");
        h.close("section");
    }

    private static void details(Html h, MatrixService.VersionDetails d) {
        if (d == null) {
            return;
        }
        d.branches().forEach(b -> h.text(" ").el("span", b.name(), "class", "chip chip-branch", "title", "branch"));
        d.tags().forEach(t -> h.text(" ").el("span", t.name(), "class", "chip chip-tag", "title", "tag"));
        d.environments().forEach(e -> h.text(" ").el("span", e.name(), "class", "chip chip-env", "title", "live in"));
    }
}
