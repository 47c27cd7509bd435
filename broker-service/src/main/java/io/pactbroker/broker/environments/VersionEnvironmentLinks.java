package io.pactbroker.broker.environments;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.versions.EnvironmentLinksSource;
import io.pactbroker.broker.versions.Version;
import io.pactbroker.broker.versions.VersionRepresentation.EnvironmentLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The environment links of versions: their deployments and releases, and where they can be recorded. */
@ApplicationScoped
public class VersionEnvironmentLinks implements EnvironmentLinksSource {

    @Inject
    EnvironmentService environments;

    @Inject
    DeploymentService deployments;

    @Inject
    BrokerUrls urls;

    @Override
    public Map<Long, EnvironmentLinks> environmentLinksOf(List<Version> versions, String pacticipant) {
        List<Environment> all = environments.list(null);
        Map<Long, Environment> byId = all.stream().collect(Collectors.toMap(Environment::id, Function.identity()));
        List<Long> ids = versions.stream().map(v -> v.id).toList();
        Map<Long, List<DeployedVersion>> deployed = deployments.deploymentsOf(ids);
        Map<Long, List<ReleasedVersion>> released = deployments.releasesOf(ids);
        Map<Long, EnvironmentLinks> result = new HashMap<>();
        for (Version v : versions) {
            List<EnvironmentLinks.Deployment> deployedLinks = deployed.getOrDefault(v.id, List.of()).stream()
                    .map(d -> new EnvironmentLinks.Deployment(
                            displayName(byId.get(d.environmentId())),
                            urls.deployedVersion(d.uuid()),
                            d.currentlyDeployed(),
                            d.applicationInstance()))
                    .toList();
            List<EnvironmentLinks.Release> releasedLinks = released.getOrDefault(v.id, List.of()).stream()
                    .map(r -> new EnvironmentLinks.Release(
                            displayName(byId.get(r.environmentId())),
                            urls.releasedVersion(r.uuid()),
                            r.currentlySupported()))
                    .toList();
            List<EnvironmentLinks.Target> targets = all.stream()
                    .map(e -> new EnvironmentLinks.Target(
                            e.name(),
                            displayName(e),
                            urls.deployedVersionsForVersion(pacticipant, v.number, e.uuid()),
                            urls.releasedVersionsForVersion(pacticipant, v.number, e.uuid())))
                    .toList();
            result.put(v.id, new EnvironmentLinks(deployedLinks, releasedLinks, targets));
        }
        return result;
    }

    private static String displayName(Environment e) {
        return e == null ? null : e.displayName() == null ? e.name() : e.displayName();
    }
}
