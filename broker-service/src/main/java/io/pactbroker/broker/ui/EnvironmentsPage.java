package io.pactbroker.broker.ui;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.environments.DeployedVersion;
import io.pactbroker.broker.environments.DeploymentService;
import io.pactbroker.broker.environments.Environment;
import io.pactbroker.broker.environments.EnvironmentService;
import io.pactbroker.broker.environments.ReleasedVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Environments: what is deployed and released where now (from the live-version read model), and for one environment
 * the history of its deployments and releases ({@link DeploymentService}).
 */
@ApplicationScoped
public class EnvironmentsPage {

    static final int HISTORY = 100;

    @Inject
    EnvironmentService environments;

    @Inject
    DeploymentService deployments;

    @Inject
    BrokerUrls brokerUrls;

    @Transactional
    public String overview() {
        UiUrls urls = new UiUrls(brokerUrls);
        Html h = new Html();
        List<Environment> all = environments.list(null);
        if (all.isEmpty()) {
            h.el("p", "No environments yet.", "class", "empty");
        }
        for (Environment e : all) {
            h.open("section", "class", "environment", "aria-labelledby", "env-" + e.uuid())
                    .open("h2", "id", "env-" + e.uuid())
                    .link(urls.environment(e.uuid()), e.name())
                    .text(
                            e.displayName() == null || e.displayName().equals(e.name())
                                    ? ""
                                    : " (" + e.displayName() + ")")
                    .text(e.production() ? " " : "")
                    .raw(e.production() ? "<span class=\"chip chip-prod\">production</span>" : "")
                    .close("h2");
            live(h, urls, e);
            h.close("section");
        }
        return UiPage.render(urls, "Environments", "environments", brokerUrls.base() + "/environments", h.toString());
    }

    @Transactional
    public String environment(String uuid) {
        UiUrls urls = new UiUrls(brokerUrls);
        Environment e = environments.get(uuid);
        Html h = new Html();
        h.raw("<dl class=\"facts\">")
                .el("dt", "Name")
                .el("dd", e.name())
                .el("dt", "Production")
                .el("dd", e.production() ? "yes" : "no")
                .raw("</dl>");
        live(h, urls, e);
        List<DeployedVersion> history = deployments.deploymentHistory(e, HISTORY);
        h.open("section", "aria-labelledby", "history-h").el("h2", "Deployment history", "id", "history-h");
        if (history.isEmpty()) {
            h.el("p", "Nothing was deployed here yet.", "class", "empty");
        } else {
            h.raw("<table><thead><tr><th scope=\"col\">Deployed</th><th scope=\"col\">Pacticipant</th>")
                    .raw("<th scope=\"col\">Version</th><th scope=\"col\">Application instance</th>")
                    .raw("<th scope=\"col\">Undeployed</th></tr></thead><tbody>");
            for (DeployedVersion d : history) {
                h.raw("<tr><td>")
                        .el("time", Html.when(d.createdAt()))
                        .raw("</td><td>")
                        .link(urls.pacticipant(d.pacticipantName()), d.pacticipantName())
                        .raw("</td>")
                        .el("td", d.versionNumber())
                        .el("td", Optional.ofNullable(d.applicationInstance()).orElse(""))
                        .raw("<td>")
                        .text(d.currentlyDeployed() ? "still deployed" : Html.when(d.undeployedAt()))
                        .raw("</td></tr>");
            }
            h.raw("</tbody></table>");
        }
        h.close("section");
        List<ReleasedVersion> releases = deployments.releaseHistory(e, HISTORY);
        h.open("section", "aria-labelledby", "releases-h").el("h2", "Release history", "id", "releases-h");
        if (releases.isEmpty()) {
            h.el("p", "Nothing was released here yet.", "class", "empty");
        } else {
            h.raw("<table><thead><tr><th scope=\"col\">Released</th><th scope=\"col\">Pacticipant</th>")
                    .raw("<th scope=\"col\">Version</th><th scope=\"col\">Support ended</th></tr></thead><tbody>");
            for (ReleasedVersion r : releases) {
                h.raw("<tr><td>")
                        .el("time", Html.when(r.createdAt()))
                        .raw("</td><td>")
                        .link(urls.pacticipant(r.pacticipantName()), r.pacticipantName())
                        .raw("</td>")
                        .el("td", r.versionNumber())
                        .el("td", r.currentlySupported() ? "still supported" : Html.when(r.supportEndedAt()))
                        .raw("</tr>");
            }
            h.raw("</tbody></table>");
        }
        h.close("section");
        return UiPage.render(
                urls,
                "Environment " + e.name(),
                "environments",
                brokerUrls.base() + "/environments/" + io.pactbroker.broker.common.hal.BrokerUrls.encode(e.uuid()),
                h.toString());
    }

    private void live(Html h, UiUrls urls, Environment e) {
        List<DeployedVersion> deployed = deployments.currentlyDeployed(e, null, null);
        List<ReleasedVersion> released = deployments.currentlySupported(e, null, null);
        if (deployed.isEmpty() && released.isEmpty()) {
            h.el("p", "Nothing is deployed or released here.", "class", "empty");
            return;
        }
        h.raw("<table class=\"live\"><thead><tr><th scope=\"col\">Pacticipant</th><th scope=\"col\">Version</th>")
                .raw(
                        "<th scope=\"col\">How</th><th scope=\"col\">Since</th><th scope=\"col\">Can I deploy?</th></tr></thead><tbody>");
        for (DeployedVersion d : deployed) {
            h.raw("<tr><td>")
                    .link(urls.pacticipant(d.pacticipantName()), d.pacticipantName())
                    .raw("</td>")
                    .el("td", d.versionNumber())
                    .el(
                            "td",
                            "deployed" + (d.applicationInstance() == null ? "" : " (" + d.applicationInstance() + ")"))
                    .raw("<td>")
                    .el("time", Html.when(d.createdAt()))
                    .raw("</td><td>")
                    .link(urls.canIDeploy(d.pacticipantName(), d.versionNumber(), e.name()), "check")
                    .raw("</td></tr>");
        }
        for (ReleasedVersion r : released) {
            h.raw("<tr><td>")
                    .link(urls.pacticipant(r.pacticipantName()), r.pacticipantName())
                    .raw("</td>")
                    .el("td", r.versionNumber())
                    .el("td", "released")
                    .raw("<td>")
                    .el("time", Html.when(r.createdAt()))
                    .raw("</td><td>")
                    .link(urls.canIDeploy(r.pacticipantName(), r.versionNumber(), e.name()), "check")
                    .raw("</td></tr>");
        }
        h.raw("</tbody></table>");
    }
}
