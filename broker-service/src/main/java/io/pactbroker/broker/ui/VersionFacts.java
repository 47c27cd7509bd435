package io.pactbroker.broker.ui;

import io.pactbroker.broker.environments.DeploymentService;
import io.pactbroker.broker.environments.Environment;
import io.pactbroker.broker.environments.EnvironmentService;
import io.pactbroker.broker.versions.BranchService;
import io.pactbroker.broker.versions.TagService;
import io.pactbroker.broker.versions.Version;
import io.pactbroker.broker.versions.VersionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The branches, tags and live environments of the versions a page shows, each asked once for the whole page through
 * the owning features' services (a handful of queries per page, whatever its length).
 */
@ApplicationScoped
public class VersionFacts {

    @Inject
    VersionService versions;

    @Inject
    BranchService branches;

    @Inject
    TagService tags;

    @Inject
    DeploymentService deployments;

    @Inject
    EnvironmentService environments;

    /** What a version is: its branches (with whether it is their head), tags and where it is live. */
    record Facts(List<String> branches, List<String> tags, List<String> environments) {
        static final Facts NONE = new Facts(List.of(), List.of(), List.of());
    }

    Map<Long, Facts> of(Collection<Long> versionIds) {
        List<Long> ids = versionIds.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Version> found = versions.findByIds(ids);
        var tagged = tags.tagsOf(found);
        var branched = branches.branchVersionsOf(found);
        Map<Long, List<Long>> live = deployments.liveEnvironmentsOf(ids);
        Map<Long, String> envNames = new HashMap<>();
        List<Long> envIds =
                live.values().stream().flatMap(List::stream).distinct().toList();
        if (!envIds.isEmpty()) {
            for (Environment e : environments.findByIds(envIds)) {
                envNames.put(e.id(), e.name());
            }
        }
        Map<Long, Facts> result = new HashMap<>();
        for (Long id : ids) {
            List<String> b = new ArrayList<>();
            branched.getOrDefault(id, List.of()).forEach(v -> b.add(v.branchVersion().branchName));
            List<String> t = new ArrayList<>();
            tagged.getOrDefault(id, List.of()).forEach(tag -> t.add(tag.name));
            List<String> e = new ArrayList<>();
            live.getOrDefault(id, List.of()).forEach(env -> e.add(envNames.getOrDefault(env, "?")));
            result.put(id, new Facts(b, t, e.stream().distinct().toList()));
        }
        return result;
    }

    /** Branch, tag and environment chips after a version number. */
    static void chips(Html h, Facts facts) {
        if (facts == null) {
            return;
        }
        facts.branches().forEach(b -> h.text(" ").el("span", b, "class", "chip chip-branch", "title", "branch"));
        facts.tags().forEach(t -> h.text(" ").el("span", t, "class", "chip chip-tag", "title", "tag"));
        facts.environments().forEach(e -> h.text(" ").el("span", e, "class", "chip chip-env", "title", "live in"));
    }
}
