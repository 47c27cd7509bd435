package io.pactbroker.broker.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.json.JsonBodies;
import io.pactbroker.broker.matrix.FailedInteractions;
import io.pactbroker.broker.verifications.InteractionResult;
import io.pactbroker.broker.verifications.Verification;
import io.pactbroker.broker.verifications.VerificationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * A verification: its verdict and the result of each interaction, with the mismatches the verifier reported, read from
 * the published {@code testResults} (stored per interaction when published; {@link FailedInteractions} for results
 * that named no interaction the broker could place).
 */
@ApplicationScoped
public class VerificationPage {

    @Inject
    VerificationService verifications;

    @Inject
    BrokerUrls brokerUrls;

    @Transactional
    public String render(String provider, String consumer, String sha, String number) {
        UiUrls urls = new UiUrls(brokerUrls);
        VerificationService.Found found = verifications.get(provider, consumer, sha, number);
        Verification v = found.verification();
        Html h = new Html();
        h.raw("<p class=\"verdict\">")
                .badge(v.success() ? "verified" : v.pactPending() == Boolean.TRUE ? "pending-failed" : "failed")
                .raw("</p>");
        h.raw("<dl class=\"facts\">")
                .el("dt", "Provider version")
                .raw("<dd>")
                .link(urls.pacticipant(v.providerName()), v.providerName())
                .text(" " + v.providerVersionNumber())
                .raw("</dd>")
                .el("dt", "Pact")
                .raw("<dd>")
                .link(
                        urls.pact(provider, consumer, found.pact().consumerVersionNumber()),
                        "Pact of " + consumer + " version " + found.pact().consumerVersionNumber())
                .raw("</dd>")
                .el("dt", "Executed")
                .el("dd", Html.when(v.executionDate()));
        if (v.buildUrl() != null) {
            h.el("dt", "Build")
                    .raw("<dd>")
                    .link(v.buildUrl(), v.buildUrl(), "rel", "noopener")
                    .raw("</dd>");
        }
        if (v.verifiedByImplementation() != null) {
            h.el("dt", "Verified by")
                    .el(
                            "dd",
                            v.verifiedByImplementation() + " "
                                    + (v.verifiedByVersion() == null ? "" : v.verifiedByVersion()));
        }
        h.raw("</dl>");

        List<InteractionResult> results = verifications.interactionResults(v.id());
        h.open("section", "aria-labelledby", "results-h").el("h2", "Interactions", "id", "results-h");
        if (results.isEmpty()) {
            FailedInteractions.Result failed =
                    FailedInteractions.read(v.testResults(), found.pact().content());
            if (failed.reported() == 0) {
                h.el("p", "The verifier published no results per interaction.", "class", "empty");
            } else {
                h.el(
                        "p",
                        failed.reported() + " interactions reported, "
                                + failed.failed().size() + " failed.");
                h.raw("<ul class=\"results\">");
                for (FailedInteractions.FailedInteraction f : failed.failed()) {
                    h.raw("<li>").badge("failed").text(" " + f.label()).raw("<ul class=\"mismatches\">");
                    f.mismatches().forEach(m -> h.el("li", m));
                    h.raw("</ul></li>");
                }
                h.raw("</ul>");
            }
        } else {
            long failures = results.stream()
                    .filter(r -> Boolean.FALSE.equals(r.success()))
                    .count();
            h.el("p", results.size() + " interactions, " + failures + " failed.", "class", "count");
            h.raw("<ol class=\"results\">");
            for (InteractionResult r : results) {
                String status = r.success() == null ? "unknown" : r.success() ? "passed" : "failed";
                h.raw("<li class=\"result result-" + status + "\">")
                        .badge(status)
                        .text(" ");
                h.el("strong", r.description() == null ? "interaction " + r.interactionId() : r.description());
                if (r.providerState() != null) {
                    h.text(" given ").el("em", r.providerState());
                }
                mismatches(h, r.details());
                h.raw("</li>");
            }
            h.raw("</ol>");
        }
        h.close("section");
        return UiPage.render(
                urls,
                "Verification #" + v.number() + " of " + consumer + " by " + provider,
                "dashboard",
                brokerUrls.verification(provider, consumer, sha, v.number()),
                h.toString());
    }

    /** The mismatches and exceptions of one result, in the shapes pact-jvm, the Rust core, pact-ruby and ours write. */
    static void mismatches(Html h, String details) {
        JsonNode d = details == null ? null : JsonBodies.parse(details).orElse(null);
        if (d == null || !d.isObject()) {
            return;
        }
        JsonNode mismatches = d.path("mismatches");
        JsonNode exceptions = d.path("exceptions");
        JsonNode exception = d.path("exception");
        if (mismatches.size() == 0 && exceptions.size() == 0 && exception.isMissingNode()) {
            return;
        }
        h.raw("<ul class=\"mismatches\">");
        for (JsonNode m : mismatches) {
            h.raw("<li>");
            String where = first(m, "path", "identifier", "attribute", "type");
            if (where != null) {
                h.el("code", where).text(": ");
            }
            h.text(first(m, "description", "mismatch", "message"));
            String expected = value(m.get("expected"));
            String actual = value(m.get("actual"));
            if (expected != null || actual != null) {
                h.raw("<div class=\"expected-actual\">")
                        .text("expected ")
                        .el("code", expected == null ? "" : expected)
                        .text(" but was ")
                        .el("code", actual == null ? "" : actual)
                        .raw("</div>");
            }
            if (m.has("diff") && m.get("diff").isTextual()) {
                h.el("pre", m.get("diff").asText(), "class", "diff");
            }
            h.raw("</li>");
        }
        for (JsonNode e : exceptions) {
            h.el("li", "exception: " + first(e, "message", "exceptionClass"));
        }
        if (exception.isObject()) {
            h.el("li", "exception: " + first(exception, "message", "class"));
        } else if (exception.isTextual()) {
            h.el("li", "exception: " + exception.asText());
        }
        h.raw("</ul>");
    }

    private static String first(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode v = node.get(name);
            if (v != null && !v.isNull()) {
                return v.isTextual() ? v.asText() : v.toString();
            }
        }
        return node.isTextual() ? node.asText() : null;
    }

    private static String value(JsonNode v) {
        return v == null || v.isNull() ? null : v.isTextual() ? v.asText() : v.toString();
    }
}
