package io.pactbroker.broker.ui;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.pacts.PactDiff;
import io.pactbroker.broker.pacts.PactQuery;
import io.pactbroker.broker.pacts.PactRow;
import io.pactbroker.broker.pacts.PactService;
import io.pactbroker.broker.verifications.VerificationRef;
import io.pactbroker.broker.verifications.VerificationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * A pact: the contract as documentation ({@link PactDocument}), its verification history, and a diff against the
 * previous distinct version or a chosen one ({@link PactDiff}, the API's diff).
 */
@ApplicationScoped
public class PactPage {

    /** The consumer versions offered for the diff, newest first. */
    static final int COMPARABLE = 100;

    @Inject
    PactService pacts;

    @Inject
    VerificationService verifications;

    @Inject
    BrokerUrls brokerUrls;

    @Transactional
    public String render(String provider, String consumer, String version, String compare) {
        UiUrls urls = new UiUrls(brokerUrls);
        PactService.Pair pair = pacts.pair(provider, consumer);
        PactQuery between = PactQuery.between(pair.consumer().id, pair.provider().id);
        PactRow pact = pacts.get(
                between.consumerVersion(version),
                "between " + consumer + " and " + provider + " for version " + version);
        Html h = new Html();
        h.raw("<dl class=\"facts\">")
                .el("dt", "Consumer")
                .raw("<dd>")
                .link(urls.pacticipant(pact.consumerName()), pact.consumerName())
                .text(" version " + pact.consumerVersionNumber())
                .raw("</dd>")
                .el("dt", "Provider")
                .raw("<dd>")
                .link(urls.pacticipant(pact.providerName()), pact.providerName())
                .raw("</dd>")
                .el("dt", "Published")
                .el("dd", Html.when(pact.createdAt()))
                .el("dt", "Content")
                .el("dd", pact.sha(), "class", "mono")
                .raw("</dl>");

        h.open("section", "aria-labelledby", "doc-h", "class", "pact-doc").el("h2", "Contract", "id", "doc-h");
        h.raw(PactDocument.render(PactService.parse(pact.content())));
        h.close("section");

        List<VerificationRef> history = verifications.allByProviderVersion(List.of(pact.pactVersionId()), null);
        h.open("section", "aria-labelledby", "history-h").el("h2", "Verification history", "id", "history-h");
        if (history.isEmpty()) {
            h.el("p", "This content has not been verified yet.", "class", "empty");
        } else {
            h.raw("<table><thead><tr><th scope=\"col\">Result</th><th scope=\"col\">Provider version</th>")
                    .raw("<th scope=\"col\">Verified</th><th scope=\"col\">Build</th></tr></thead><tbody>");
            for (VerificationRef v : history) {
                h.raw("<tr><td>")
                        .open("a", "href", urls.verification(provider, consumer, pact.sha(), v.number()))
                        .badge(v.success() ? "verified" : "failed")
                        .text(" #" + v.number())
                        .close("a")
                        .raw("</td>")
                        .el("td", v.providerVersionNumber())
                        .raw("<td>")
                        .el("time", Html.when(v.executedAt()))
                        .raw("</td><td>");
                if (v.buildUrl() != null) {
                    h.link(v.buildUrl(), "build", "rel", "noopener");
                }
                h.raw("</td></tr>");
            }
            h.raw("</tbody></table>");
        }
        h.close("section");

        diff(h, urls, between, pact, compare);
        return UiPage.render(
                urls,
                "Pact between " + consumer + " and " + provider,
                "dashboard",
                brokerUrls.pact(provider, consumer, version),
                h.toString());
    }

    private void diff(Html h, UiUrls urls, PactQuery between, PactRow pact, String compare) {
        h.open("section", "aria-labelledby", "diff-h").el("h2", "Changes", "id", "diff-h");
        List<PactRow> others = pacts.list(between.limit(COMPARABLE));
        h.open(
                        "form",
                        "method",
                        "get",
                        "class",
                        "filters",
                        "action",
                        urls.pact(pact.providerName(), pact.consumerName(), pact.consumerVersionNumber()) + "#diff-h")
                .raw("<div class=\"field\">")
                .el("label", "Compare with consumer version", "for", "compare")
                .raw("<select id=\"compare\" name=\"compare\">")
                .open("option", "value", "")
                .text("the previous distinct version")
                .close("option");
        for (PactRow other : others) {
            if (!other.consumerVersionNumber().equals(pact.consumerVersionNumber())) {
                h.open(
                                "option",
                                "value",
                                other.consumerVersionNumber(),
                                "selected",
                                other.consumerVersionNumber().equals(compare) ? "selected" : null)
                        .text(other.consumerVersionNumber())
                        .close("option");
            }
        }
        h.raw("</select></div><button type=\"submit\">Show changes</button></form>");
        Optional<PactRow> before = compare == null || compare.isBlank()
                ? pacts.previousDistinct(pact)
                : Optional.of(pacts.get(
                        between.consumerVersion(compare), "for consumer version " + compare + " to compare with"));
        if (before.isEmpty()) {
            h.el("p", "No earlier version has different content.", "class", "empty");
            h.close("section");
            return;
        }
        String text = PactDiff.diff(PactService.parse(before.get().content()), PactService.parse(pact.content()));
        h.open("p", "class", "diff-title")
                .text("From version " + before.get().consumerVersionNumber() + " to " + pact.consumerVersionNumber()
                        + ": ")
                .close("p");
        if (text.isEmpty()) {
            h.el("p", "The contents are the same.", "class", "empty");
        } else {
            h.raw("<pre class=\"diff\" aria-label=\"Differences\">");
            for (String line : text.split("\n", -1)) {
                String cls = line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : "same";
                h.el("span", line, "class", cls).raw("\n");
            }
            h.raw("</pre>");
        }
        h.close("section");
    }
}
