package io.pactbroker.broker.ui;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.paging.Page;
import io.pactbroker.broker.common.paging.PageRequest;
import io.pactbroker.broker.environments.Environment;
import io.pactbroker.broker.environments.EnvironmentService;
import io.pactbroker.broker.webhooks.WebhookService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dashboard: every integration with its latest pact, the versions involved (branches, tags, environments), the
 * verification status and the webhook status; search, filters and pages done in SQL ({@link DashboardRepository}).
 */
@ApplicationScoped
public class DashboardPage {

    static final int PAGE_SIZE = 50;

    @Inject
    DashboardRepository dashboard;

    @Inject
    VersionFacts facts;

    @Inject
    WebhookService webhooks;

    @Inject
    EnvironmentService environments;

    @Inject
    BrokerUrls brokerUrls;

    /** The query of the page, as the form sends it. */
    record Params(String q, String status, String environment, String sort, int page) {}

    @Transactional
    public String render(Params params) {
        UiUrls urls = new UiUrls(brokerUrls);
        List<Environment> envs = environments.list(null);
        Long envId = envs.stream()
                .filter(e -> e.name().equals(params.environment()))
                .map(Environment::id)
                .findFirst()
                .orElse(null);
        String status = params.status() != null && DashboardRepository.STATUSES.contains(params.status())
                ? params.status()
                : null;
        String sort = params.sort() != null && DashboardRepository.SORTS.contains(params.sort())
                ? params.sort()
                : "published";
        Page<DashboardRepository.Row> page = dashboard.find(
                new DashboardRepository.Filter(params.q(), status, envId, null, sort),
                PageRequest.of(Math.max(1, params.page()), PAGE_SIZE));
        Html h = new Html();
        form(h, urls, params, status, sort, envs);
        h.open("p", "class", "count", "role", "status")
                .text(page.total() + (page.total() == 1 ? " integration" : " integrations"))
                .close("p");
        integrations(h, urls, page.items(), facts, webhooks, false);
        pager(h, urls.dashboard(), params, page);
        return UiPage.render(urls, "Dashboard", "dashboard", brokerUrls.integrations(), h.toString());
    }

    private static void form(Html h, UiUrls urls, Params params, String status, String sort, List<Environment> envs) {
        h.open("form", "class", "filters", "method", "get", "action", urls.dashboard(), "role", "search")
                .raw("<div class=\"field\">")
                .el("label", "Search pacticipants", "for", "q")
                .open(
                        "input",
                        "type",
                        "search",
                        "id",
                        "q",
                        "name",
                        "q",
                        "value",
                        params.q(),
                        "placeholder",
                        "name contains")
                .raw("</div><div class=\"field\">")
                .el("label", "Verification status", "for", "status")
                .raw("<select id=\"status\" name=\"status\"><option value=\"\">any</option>");
        for (String s : List.of("verified", "failed", "pending-failed", "stale", "never")) {
            h.open("option", "value", s, "selected", s.equals(status) ? "selected" : null)
                    .text(s)
                    .close("option");
        }
        h.raw("</select></div><div class=\"field\">")
                .el("label", "Environment", "for", "environment")
                .raw("<select id=\"environment\" name=\"environment\"><option value=\"\">any</option>");
        for (Environment e : envs) {
            h.open("option", "value", e.name(), "selected", e.name().equals(params.environment()) ? "selected" : null)
                    .text(e.name())
                    .close("option");
        }
        h.raw("</select></div><div class=\"field\">")
                .el("label", "Order", "for", "sort")
                .raw("<select id=\"sort\" name=\"sort\">")
                .open("option", "value", "published", "selected", sort.equals("published") ? "selected" : null)
                .text("latest publication first")
                .close("option")
                .open("option", "value", "name", "selected", sort.equals("name") ? "selected" : null)
                .text("by name")
                .close("option")
                .raw("</select></div>")
                .raw("<button type=\"submit\">Filter</button></form>");
    }

    /** The integrations table (the dashboard's, and the pacticipant page's). */
    static void integrations(
            Html h,
            UiUrls urls,
            List<DashboardRepository.Row> rows,
            VersionFacts facts,
            WebhookService webhooks,
            boolean compact) {
        if (rows.isEmpty()) {
            h.el("p", "No integrations match.", "class", "empty");
            return;
        }
        List<Long> versionIds = new ArrayList<>();
        List<WebhookService.Pair> pairs = new ArrayList<>();
        for (DashboardRepository.Row r : rows) {
            versionIds.add(r.consumerVersionId());
            versionIds.add(r.providerVersionId());
            pairs.add(new WebhookService.Pair(r.consumerId(), r.providerId()));
        }
        Map<Long, VersionFacts.Facts> known = facts.of(versionIds);
        Map<WebhookService.Pair, WebhookService.IntegrationStatus> hooks = webhooks.statusesOf(pairs);
        h.raw("<div class=\"table-wrap\"><table class=\"integrations\"><caption class=\"visually-hidden\">Integrations")
                .raw("</caption><thead><tr><th scope=\"col\">Consumer</th><th scope=\"col\">Consumer version</th>")
                .raw("<th scope=\"col\">Provider</th><th scope=\"col\">Provider version</th>")
                .raw("<th scope=\"col\">Published</th><th scope=\"col\">Verification</th>")
                .raw("<th scope=\"col\">Webhooks</th></tr></thead><tbody>");
        for (DashboardRepository.Row r : rows) {
            h.raw("<tr>")
                    .raw("<td>")
                    .link(urls.pacticipant(r.consumerName()), r.consumerName())
                    .raw("</td><td>");
            if (r.consumerVersionNumber() != null) {
                h.link(
                        urls.pact(r.providerName(), r.consumerName(), r.consumerVersionNumber()),
                        r.consumerVersionNumber(),
                        "title",
                        "the pact of this version");
                VersionFacts.chips(h, known.get(r.consumerVersionId()));
            }
            h.raw("</td><td>")
                    .link(urls.pacticipant(r.providerName()), r.providerName())
                    .raw("</td><td>");
            if (r.providerVersionNumber() != null) {
                h.text(r.providerVersionNumber());
                VersionFacts.chips(h, known.get(r.providerVersionId()));
            }
            h.raw("</td><td>").el("time", Html.when(r.publishedAt())).raw("</td><td>");
            if (r.verificationNumber() != null) {
                h.open(
                                "a",
                                "href",
                                urls.verification(r.providerName(), r.consumerName(), r.sha(), r.verificationNumber()))
                        .badge(r.status())
                        .close("a");
            } else {
                h.badge(r.status());
            }
            WebhookService.IntegrationStatus hook = hooks.get(new WebhookService.Pair(r.consumerId(), r.providerId()));
            h.raw("</td><td>").badge(hook == null ? "none" : hook.status());
            if (hook != null && hook.lastTriggeredAt() != null) {
                h.raw(" ").el("time", Html.when(hook.lastTriggeredAt()), "class", "small");
            }
            h.raw("</td></tr>");
        }
        h.raw("</tbody></table></div>");
    }

    private static void pager(Html h, String base, Params params, Page<?> page) {
        int pages = Math.max(1, page.totalPages());
        int current = Math.max(1, params.page());
        h.raw("<nav class=\"pager\" aria-label=\"Pages\">");
        String query = "?q=" + Html.query(params.q()) + "&status=" + Html.query(params.status()) + "&environment="
                + Html.query(params.environment()) + "&sort=" + Html.query(params.sort()) + "&page=";
        if (current > 1) {
            h.link(base + query + (current - 1), "Previous page", "rel", "prev");
        }
        h.el("span", "Page " + current + " of " + pages);
        if (current < pages) {
            h.link(base + query + (current + 1), "Next page", "rel", "next");
        }
        h.raw("</nav>");
    }
}
