package io.pactbroker.broker.versions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.paging.Page;
import io.pactbroker.broker.common.paging.PageRequest;
import io.pactbroker.broker.common.problem.Errors;
import io.pactbroker.broker.common.problem.NotFoundException;
import io.pactbroker.broker.pacticipants.Pacticipant;
import io.pactbroker.broker.pacticipants.PacticipantService;
import io.pactbroker.broker.pacts.PactRow;
import io.pactbroker.broker.pacts.PactService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Versions of pacticipants: creating, changing, finding (latest, latest with a tag) and deleting them. */
@ApplicationScoped
public class VersionService {

    @Inject
    VersionRepository repository;

    @Inject
    PacticipantService pacticipants;

    @Inject
    BranchService branches;

    @Inject
    TagService tags;

    @Inject
    PactService pacts;

    @Inject
    BrokerUrls urls;

    @Inject
    EnvironmentLinksSource environmentLinks;

    /** The result of a create-or-update: the version, and whether it was created. */
    public record Saved(Version version, boolean created) {}

    public Optional<Version> find(String pacticipantName, String number) {
        return pacticipants.findByName(pacticipantName).flatMap(p -> repository.find(p.id, number));
    }

    public Optional<Version> find(Long pacticipantId, String number) {
        return repository.find(pacticipantId, number);
    }

    public Version get(String pacticipantName, String number) {
        Pacticipant p = pacticipants.getByName(pacticipantName);
        return repository
                .find(p.id, number)
                .orElseThrow(() -> new NotFoundException(
                        "No version with number '" + number + "' found for pacticipant '" + pacticipantName + "'"));
    }

    public Optional<Version> findById(Long id) {
        return repository.findById(id);
    }

    public List<Version> findByIds(List<Long> ids) {
        return repository.findByIds(ids);
    }

    /** Finds the version, creating it (at the end of the global order) when missing. */
    @Transactional
    public Saved findOrCreate(Pacticipant pacticipant, String number) {
        requireNumber(number);
        Optional<Version> existing = repository.find(pacticipant.id, number);
        if (existing.isPresent()) {
            return new Saved(existing.get(), false);
        }
        boolean created = repository.insertIfAbsent(pacticipant.id, number);
        return new Saved(repository.find(pacticipant.id, number).orElseThrow(), created);
    }

    /** Finds or creates the pacticipant and the version. */
    @Transactional
    public Saved findOrCreate(String pacticipantName, String number) {
        requireNumber(number);
        return findOrCreate(pacticipants.findOrCreate(pacticipantName), number);
    }

    public Version latest(String pacticipantName) {
        Pacticipant p = pacticipants.getByName(pacticipantName);
        return repository
                .latest(p.id)
                .orElseThrow(
                        () -> new NotFoundException("No versions found for pacticipant '" + pacticipantName + "'"));
    }

    public Optional<Version> findLatest(Long pacticipantId) {
        return repository.latest(pacticipantId);
    }

    public Version latestWithTag(String pacticipantName, String tag) {
        Pacticipant p = pacticipants.getByName(pacticipantName);
        return findLatestWithTag(p.id, tag)
                .orElseThrow(() -> new NotFoundException(
                        "No version with tag '" + tag + "' found for pacticipant '" + pacticipantName + "'"));
    }

    public Optional<Version> findLatestWithTag(Long pacticipantId, String tag) {
        return repository.latestWithTag(pacticipantId, tag);
    }

    /** The latest version of each pacticipant, by pacticipant id (one query for a whole page of pacticipants). */
    public Map<Long, Version> latestOf(List<Long> pacticipantIds) {
        return repository.latestOf(pacticipantIds);
    }

    public Page<Version> list(String pacticipantName, PageRequest page) {
        return repository.list(pacticipants.getByName(pacticipantName).id, page);
    }

    /**
     * PUT (replace) or PATCH (merge) a version: {@code buildUrl}, {@code branch} (adds the version to that branch)
     * and {@code tags} ({@code [{"name": ...}]}; PUT makes them the version's only tags, PATCH adds them). Creates
     * the pacticipant and the version when missing.
     */
    @Transactional
    public Saved save(String pacticipantName, String number, ObjectNode body, boolean replace) {
        Errors errors = new Errors();
        String buildUrl = optionalText(body, "buildUrl", errors);
        String branch = optionalText(body, "branch", errors);
        List<String> tagNames = tagNames(body, errors);
        errors.throwIfAny();
        Saved saved = findOrCreate(pacticipantName, number);
        Version v = saved.version();
        if (body.has("buildUrl") || replace) {
            v.buildUrl = buildUrl;
        }
        v.updatedAt = OffsetDateTime.now();
        repository.persist(v);
        if (branch != null) {
            branches.addVersion(v, branch, false);
        }
        if (tagNames != null) {
            if (replace) {
                tags.replaceTags(v, tagNames);
            } else {
                tagNames.forEach(t -> tags.tag(v, t));
            }
        }
        return saved;
    }

    /** Deletes the version with its tags, branch versions, pacts and verifications; branch heads move back. */
    @Transactional
    public void delete(String pacticipantName, String number) {
        Version v = get(pacticipantName, number);
        List<Long> branchIds = branches.branchIdsOf(v);
        repository.delete(v);
        branches.refreshHeads(branchIds);
    }

    public static void requireNumber(String number) {
        PacticipantService.requireName("number", number);
    }

    private static String optionalText(ObjectNode body, String field, Errors errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(field, "must be a string");
            return null;
        }
        if (value.asText().contains("\n")) {
            errors.add(field, "cannot contain multiple lines");
        } else if (PacticipantService.hasControlCharacter(value.asText())) {
            errors.add(field, "cannot contain control characters");
        }
        if (field.equals("branch") && value.asText().isBlank()) {
            errors.add(field, "can't be blank");
        }
        return value.asText();
    }

    private static List<String> tagNames(ObjectNode body, Errors errors) {
        JsonNode tags = body.get("tags");
        if (tags == null || tags.isNull()) {
            return null;
        }
        if (!tags.isArray()) {
            errors.add("tags", "must be an array of {\"name\": ...} objects");
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode tag : tags) {
            JsonNode name = tag.isObject() ? tag.get("name") : tag;
            if (name == null || !name.isTextual() || name.asText().isBlank()) {
                errors.add("tags", "each tag must have a non-blank name");
            } else {
                names.add(name.asText());
            }
        }
        return new ArrayList<>(names);
    }

    /** Everything the version resource shows: branches, tags and the pacts the version published. */
    public VersionRepresentation.Details details(Version version, String pacticipantName) {
        return details(List.of(version), pacticipantName).get(0);
    }

    /** The details of several versions of a pacticipant, read with one query per kind, whatever their number. */
    public List<VersionRepresentation.Details> details(List<Version> list, String pacticipantName) {
        Map<Long, List<BranchService.BranchVersionView>> branchVersions = branches.branchVersionsOf(list);
        Map<Long, List<Tag>> tagsByVersion = tags.tagsOf(list);
        Map<Long, List<VersionRepresentation.PublishedPact>> published = new HashMap<>();
        for (PactRow p : pacts.publishedBy(list)) {
            published
                    .computeIfAbsent(p.consumerVersionId(), id -> new ArrayList<>())
                    .add(new VersionRepresentation.PublishedPact(
                            p.providerName(),
                            p.name(),
                            urls.pact(p.providerName(), p.consumerName(), p.consumerVersionNumber())));
        }
        Map<Long, VersionRepresentation.EnvironmentLinks> environments =
                environmentLinks.environmentLinksOf(list, pacticipantName);
        return list.stream()
                .map(v -> new VersionRepresentation.Details(
                        v,
                        pacticipantName,
                        branchVersions.getOrDefault(v.id, List.of()),
                        tagsByVersion.getOrDefault(v.id, List.of()),
                        published.getOrDefault(v.id, List.of()),
                        environments.getOrDefault(v.id, VersionRepresentation.EnvironmentLinks.NONE)))
                .toList();
    }
}
