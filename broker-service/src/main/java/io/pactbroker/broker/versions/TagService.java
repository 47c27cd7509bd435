package io.pactbroker.broker.versions;

import io.pactbroker.broker.common.problem.NotFoundException;
import io.pactbroker.broker.pacticipants.PacticipantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tags on versions. */
@ApplicationScoped
public class TagService {

    @Inject
    TagRepository repository;

    @Inject
    VersionService versions;

    @Inject
    PacticipantService pacticipants;

    /** A tag, and whether this call created it. */
    public record Tagged(Tag tag, Version version, boolean created) {}

    /** PUT /pacticipants/{p}/versions/{v}/tags/{t}: creates the pacticipant and version when missing. */
    @Transactional
    public Tagged tag(String pacticipantName, String versionNumber, String tagName) {
        PacticipantService.requireName("tag", tagName);
        Version version = versions.findOrCreate(pacticipantName, versionNumber).version();
        return tag(version, tagName);
    }

    @Transactional
    public Tagged tag(Version version, String tagName) {
        PacticipantService.requireName("tag", tagName);
        pacticipants.maybeSetMainBranch(version.pacticipantId, tagName);
        var existing = repository.find(version.id, tagName);
        if (existing.isPresent()) {
            return new Tagged(existing.get(), version, false);
        }
        boolean created = repository.insertIfAbsent(version, tagName);
        return new Tagged(repository.find(version.id, tagName).orElseThrow(), version, created);
    }

    /** Makes the given tags the version's only tags. */
    @Transactional
    public void replaceTags(Version version, List<String> tagNames) {
        for (Tag tag : repository.forVersion(version.id)) {
            if (!tagNames.contains(tag.name)) {
                repository.delete(tag);
            }
        }
        tagNames.forEach(t -> tag(version, t));
    }

    public Tagged get(String pacticipantName, String versionNumber, String tagName) {
        Version version = versions.get(pacticipantName, versionNumber);
        Tag tag = repository
                .find(version.id, tagName)
                .orElseThrow(() -> new NotFoundException("No tag with name '" + tagName + "' found for version '"
                        + versionNumber + "' of pacticipant '" + pacticipantName + "'"));
        return new Tagged(tag, version, false);
    }

    @Transactional
    public void delete(String pacticipantName, String versionNumber, String tagName) {
        repository.delete(get(pacticipantName, versionNumber, tagName).tag());
    }

    /** The tags of each version, by version id. */
    public Map<Long, List<Tag>> tagsOf(List<Version> versions) {
        Map<Long, List<Tag>> result = new HashMap<>();
        for (Tag tag : repository.forVersions(versions.stream().map(v -> v.id).toList())) {
            result.computeIfAbsent(tag.versionId, id -> new ArrayList<>()).add(tag);
        }
        return result;
    }
}
