package io.pactbroker.broker.ui;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.paging.Page;
import io.pactbroker.broker.common.paging.PageRequest;
import io.pactbroker.broker.environments.DeployedVersion;
import io.pactbroker.broker.environments.DeploymentService;
import io.pactbroker.broker.environments.Environment;
import io.pactbroker.broker.environments.EnvironmentService;
import io.pactbroker.broker.environments.ReleasedVersion;
import io.pactbroker.broker.pacticipants.Pacticipant;
import io.pactbroker.broker.pacticipants.PacticipantService;
import io.pactbroker.broker.versions.Branch;
import io.pactbroker.broker.versions.BranchService;
import io.pactbroker.broker.versions.Version;
import io.pactbroker.broker.versions.VersionService;
import io.pactbroker.broker.webhooks.WebhookService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A pacticipant: its versions (paged), branches, tags, where each version is deployed or released, integrations. */
@ApplicationScoped
public class PacticipantPage {

    static final int PAGE_SIZE = 25;

    @Inject
    PacticipantService pacticipants;

    @Inject
    VersionService versions;

    @Inject
    BranchService branches;

    @Inject
    DeploymentService deployments;

    @Inject
    EnvironmentService environments;

    @Inject
    DashboardRepository dashboard;

    @Inject
    VersionFacts facts;

    @Inject
    WebhookService webhooks;

    @Inject
    BrokerUrls brokerUrls;

    @Transactional
    public String render(String name, int pageNumber) {
        UiUrls urls = new UiUrls(brokerUrls);
        Pacticipant p = pacticipants.getByName(name);
        Html h = new Html();
        h.raw("<dl class=\"facts\">");
        fact(h, "Display name", p.displayName);
        fact(h, "Main branch", p.mainBranch);
        fact(h, "Repository", p.repositoryUrl);
        h.raw("</dl>");
        h.raw("<p>")
                .link(urls.matrix() + "?pacticipant=" + Html.query(p.name), "Can I deploy " + p.name + "?")
                .raw("</p>");

        Page<Version> page = versions.list(p.name, PageRequest.of(Math.max(1, pageNumber), PAGE_SIZE));
        List<Long> ids = page.items().stream().map(v -> v.id).toList();
        Map<Long, VersionFacts.Facts> known = facts.of(ids);
        Map<Long, List<DeployedVersion>> deployed = deployments.deploymentsOf(ids);
        Map<Long, List<ReleasedVersion>> released = deployments.releasesOf(ids);
        Map<Long, String> envNames = new HashMap<>();
        for (Environment e : environments.list(null)) {
            envNames.put(e.id(), e.name());
        }

        h.open("section", "aria-labelledby", "versions-h").el("h2", "Versions", "id", "versions-h");
        h.raw("<div class=\"table-wrap\"><table class=\"versions\"><thead><tr><th scope=\"col\">Version</th>")
                .raw("<th scope=\"col\">Branches, tags, live in</th><th scope=\"col\">Deployments and releases</th>")
                .raw("<th scope=\"col\">Created</th></tr></thead><tbody>");
        for (Version v : page.items()) {
            h.raw("<tr>").el("td", v.number).raw("<td>");
            VersionFacts.chips(h, known.get(v.id));
            h.raw("</td><td><ul class=\"plain\">");
            for (DeployedVersion d : deployed.getOrDefault(v.id, List.of())) {
                h.raw("<li>")
                        .text((d.currentlyDeployed() ? "deployed to " : "was deployed to ")
                                + envNames.getOrDefault(d.environmentId(), "?")
                                + (d.applicationInstance() == null ? "" : " (" + d.applicationInstance() + ")")
                                + " at " + Html.when(d.createdAt())
                                + (d.currentlyDeployed() ? "" : ", undeployed " + Html.when(d.undeployedAt())))
                        .raw("</li>");
            }
            for (ReleasedVersion r : released.getOrDefault(v.id, List.of())) {
                h.raw("<li>")
                        .text("released to " + envNames.getOrDefault(r.environmentId(), "?") + " at "
                                + Html.when(r.createdAt())
                                + (r.currentlySupported()
                                        ? " (supported)"
                                        : ", support ended " + Html.when(r.supportEndedAt())))
                        .raw("</li>");
            }
            h.raw("</ul></td><td>").el("time", Html.when(v.createdAt)).raw("</td></tr>");
        }
        if (page.items().isEmpty()) {
            h.raw("<tr><td colspan=\"4\">No versions yet.</td></tr>");
        }
        h.raw("</tbody></table></div>");
        int pages = Math.max(1, page.totalPages());
        int current = Math.max(1, pageNumber);
        h.raw("<nav class=\"pager\" aria-label=\"Version pages\">");
        if (current > 1) {
            h.link(urls.pacticipant(p.name) + "?page=" + (current - 1), "Newer versions", "rel", "prev");
        }
        h.el("span", "Page " + current + " of " + pages + " (" + page.total() + " versions)");
        if (current < pages) {
            h.link(urls.pacticipant(p.name) + "?page=" + (current + 1), "Older versions", "rel", "next");
        }
        h.raw("</nav></section>");

        Page<Branch> branchPage = branches.list(p.name, null, PageRequest.of(1, 100));
        h.open("section", "aria-labelledby", "branches-h").el("h2", "Branches", "id", "branches-h");
        if (branchPage.items().isEmpty()) {
            h.el("p", "No branches.");
        } else {
            h.raw("<ul class=\"inline\">");
            for (Branch b : branchPage.items()) {
                h.raw("<li>").el("span", b.name, "class", "chip chip-branch").raw("</li>");
            }
            h.raw("</ul>");
        }
        h.close("section");

        h.open("section", "aria-labelledby", "integrations-h").el("h2", "Integrations", "id", "integrations-h");
        Page<DashboardRepository.Row> integrations =
                dashboard.find(new DashboardRepository.Filter(null, null, null, p.id, "name"), PageRequest.of(1, 200));
        DashboardPage.integrations(h, urls, integrations.items(), facts, webhooks, true);
        h.close("section");
        return UiPage.render(urls, p.name, "dashboard", brokerUrls.pacticipant(p.name), h.toString());
    }

    private static void fact(Html h, String name, String value) {
        if (value != null && !value.isBlank()) {
            h.el("dt", name).el("dd", value);
        }
    }
}
