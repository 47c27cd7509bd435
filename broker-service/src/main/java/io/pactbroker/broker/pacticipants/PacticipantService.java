package io.pactbroker.broker.pacticipants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.broker.common.config.BrokerConfig;
import io.pactbroker.broker.common.paging.Page;
import io.pactbroker.broker.common.paging.PageRequest;
import io.pactbroker.broker.common.problem.ConflictException;
import io.pactbroker.broker.common.problem.Errors;
import io.pactbroker.broker.common.problem.NotFoundException;
import io.pactbroker.broker.common.problem.ValidationException;
import io.pactbroker.broker.versions.Version;
import io.pactbroker.broker.versions.VersionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Creating, changing, finding and deleting pacticipants, and their labels. */
@ApplicationScoped
public class PacticipantService {

    /** The attributes a client may set, by their JSON names; snake_case names are accepted too. */
    static final List<String> ATTRIBUTES =
            List.of("name", "displayName", "repositoryUrl", "repositoryName", "repositoryNamespace", "mainBranch");

    @Inject
    PacticipantRepository repository;

    @Inject
    VersionService versions;

    @Inject
    BrokerConfig config;

    /** A pacticipant with what its representation shows: its latest version and its labels. */
    public record View(Pacticipant pacticipant, Version latestVersion, List<Label> labels) {}

    /** A page of pacticipants, with their latest versions and labels read in one query each. */
    public record ListView(Page<Pacticipant> page, Map<Long, Version> latestVersions, Map<Long, List<Label>> labels) {}

    public View view(Pacticipant p) {
        return new View(p, versions.findLatest(p.id).orElse(null), repository.labels(p.id));
    }

    public View view(String name) {
        return view(getByName(name));
    }

    public ListView listView(String query, PageRequest page) {
        Page<Pacticipant> result = repository.list(query, page);
        List<Long> ids = result.items().stream().map(p -> p.id).toList();
        Map<Long, List<Label>> labels = new HashMap<>();
        for (Label label : repository.labelsOf(ids)) {
            labels.computeIfAbsent(label.pacticipantId, id -> new ArrayList<>()).add(label);
        }
        return new ListView(result, versions.latestOf(ids), labels);
    }

    /** The result of a create-or-update: the pacticipant, and whether it was created. */
    public record Saved(Pacticipant pacticipant, boolean created) {}

    public Optional<Pacticipant> findByName(String name) {
        return repository.findByName(name);
    }

    public Pacticipant getByName(String name) {
        return repository.findByName(name).orElseThrow(() -> new NotFoundException("pacticipant", name));
    }

    public Optional<Pacticipant> findById(Long id) {
        return repository.findById(id);
    }

    public List<Pacticipant> findByIds(List<Long> ids) {
        return repository.findByIds(ids);
    }

    public Page<Pacticipant> list(String query, PageRequest page) {
        return repository.list(query, page);
    }

    /** Finds the pacticipant, creating it (with a generated display name) when there is none of that name. */
    @Transactional
    public Pacticipant findOrCreate(String name) {
        Optional<Pacticipant> existing = repository.findByName(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        requireName("name", name);
        repository.insertIfAbsent(name, displayNameFor(name));
        return repository.findByName(name).orElseThrow();
    }

    /**
     * Makes {@code name} the pacticipant's main branch when it has none and the name is a main branch candidate
     * (called whenever a version gets a branch or a tag, as the Ruby broker does). An explicitly set main branch is
     * never changed.
     */
    @Transactional
    public void maybeSetMainBranch(Long pacticipantId, String name) {
        if (!config.autoDetectMainBranch()
                || !List.of(config.mainBranchCandidates().trim().split("[\\s,]+"))
                        .contains(name)) {
            return;
        }
        repository.findById(pacticipantId).filter(p -> p.mainBranch == null).ifPresent(p -> {
            p.mainBranch = name;
            p.updatedAt = OffsetDateTime.now();
        });
    }

    /** POST /pacticipants: creates a pacticipant; 409 when the name is taken. */
    @Transactional
    public Pacticipant create(ObjectNode body) {
        ObjectNode attributes = normalise(body);
        Errors errors = validate(attributes);
        JsonNode name = attributes.get("name");
        if (name == null || name.isNull()) {
            errors.add("name", "is missing");
        }
        errors.throwIfAny();
        String nameText = name.asText();
        requireName("name", nameText);
        if (!repository.insertIfAbsent(nameText, displayNameFor(nameText))) {
            throw new ConflictException("A pacticipant with name '" + nameText + "' already exists.");
        }
        Pacticipant p = repository.findByName(nameText).orElseThrow();
        apply(p, attributes);
        if (p.displayName == null) {
            p.displayName = displayNameFor(nameText);
        }
        repository.persist(p);
        return p;
    }

    /** PUT: replaces every attribute (absent ones become empty); creates the pacticipant when missing. */
    @Transactional
    public Saved replace(String name, ObjectNode body) {
        return save(name, body, true);
    }

    /** PATCH (JSON merge patch): changes only the attributes given; creates the pacticipant when missing. */
    @Transactional
    public Saved merge(String name, ObjectNode body) {
        return save(name, body, false);
    }

    private Saved save(String name, ObjectNode body, boolean replace) {
        ObjectNode attributes = normalise(body);
        Errors errors = validate(attributes);
        JsonNode bodyName = attributes.get("name");
        if (bodyName != null && !bodyName.isNull() && !bodyName.asText().equals(name)) {
            errors.add(
                    "name",
                    "in the body ('" + bodyName.asText() + "') must match the name in the URL path ('" + name
                            + "'); pacticipants cannot be renamed");
        }
        errors.throwIfAny();
        requireName("name", name);
        boolean created =
                repository.findByName(name).isEmpty() && repository.insertIfAbsent(name, displayNameFor(name));
        Pacticipant p = repository.findByName(name).orElseThrow();
        if (replace && !created) {
            p.displayName = null;
            p.repositoryUrl = null;
            p.repositoryName = null;
            p.repositoryNamespace = null;
            p.mainBranch = null;
        }
        apply(p, attributes);
        if (p.displayName == null) {
            p.displayName = displayNameFor(name);
        }
        p.updatedAt = OffsetDateTime.now();
        repository.persist(p);
        return new Saved(p, created);
    }

    @Transactional
    public void delete(String name) {
        repository.delete(getByName(name));
    }

    public List<Label> labels(Pacticipant pacticipant) {
        return repository.labels(pacticipant.id);
    }

    public Label getLabel(String pacticipantName, String labelName) {
        Pacticipant p = getByName(pacticipantName);
        return repository.findLabel(p.id, labelName).orElseThrow(() -> new NotFoundException("label", labelName));
    }

    /** Adds the label; the result says whether it was new. */
    @Transactional
    public Map.Entry<Label, Boolean> addLabel(String pacticipantName, String labelName) {
        requireName("label", labelName);
        Pacticipant p = getByName(pacticipantName);
        Optional<Label> existing = repository.findLabel(p.id, labelName);
        if (existing.isPresent()) {
            return Map.entry(existing.get(), false);
        }
        Label label = new Label();
        label.name = labelName;
        label.pacticipantId = p.id;
        label.createdAt = OffsetDateTime.now();
        label.updatedAt = label.createdAt;
        repository.persist(label);
        return Map.entry(label, true);
    }

    @Transactional
    public void removeLabel(String pacticipantName, String labelName) {
        repository.delete(getLabel(pacticipantName, labelName));
    }

    public List<Pacticipant> withLabel(String label) {
        return repository.withLabel(label);
    }

    public List<String> labelNames() {
        return repository.labelNames();
    }

    /** Refuses blank names and names with line breaks, in the Pact Broker's words. */
    public static void requireName(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ValidationException.of(field, "can't be blank");
        }
        if (value.contains("\n") || value.contains("\r")) {
            throw ValidationException.of(field, "cannot contain multiple lines");
        }
        if (hasControlCharacter(value)) {
            throw ValidationException.of(field, "cannot contain control characters");
        }
    }

    /** Whether the text has a character below U+0020 or U+007F (which also PostgreSQL text cannot always hold). */
    public static boolean hasControlCharacter(String value) {
        return value.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    /**
     * A readable display name made from the name, as the Pact Broker makes one: words split at dashes, underscores,
     * spaces and lower-to-upper case changes, each capitalised ({@code "order-service"} becomes {@code "Order
     * Service"}).
     */
    public static String displayNameFor(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .replaceAll("[-_\\s]+", " ")
                .trim();
        if (spaced.isEmpty()) {
            return name;
        }
        StringBuilder out = new StringBuilder();
        for (String word : spaced.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return out.toString();
    }

    /** Copies the attributes given in the body; with merge semantics, null clears an attribute. */
    private static void apply(Pacticipant p, ObjectNode attributes) {
        if (attributes.has("displayName")) {
            p.displayName = text(attributes.get("displayName"));
        }
        if (attributes.has("repositoryUrl")) {
            p.repositoryUrl = text(attributes.get("repositoryUrl"));
        }
        if (attributes.has("repositoryName")) {
            p.repositoryName = text(attributes.get("repositoryName"));
        }
        if (attributes.has("repositoryNamespace")) {
            p.repositoryNamespace = text(attributes.get("repositoryNamespace"));
        }
        if (attributes.has("mainBranch")) {
            p.mainBranch = text(attributes.get("mainBranch"));
        }
    }

    private static Errors validate(ObjectNode attributes) {
        Errors errors = new Errors();
        for (String attribute : ATTRIBUTES) {
            JsonNode value = attributes.get(attribute);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isTextual()) {
                errors.add(attribute, "must be a string");
                continue;
            }
            String text = value.asText();
            if (attribute.equals("name") && text.isBlank()) {
                errors.add(attribute, "can't be blank");
            }
            if (text.contains("\n") || text.contains("\r")) {
                errors.add(attribute, "cannot contain multiple lines");
            } else if (hasControlCharacter(text)) {
                errors.add(attribute, "cannot contain control characters");
            }
            if (attribute.equals("mainBranch") && text.contains(" ")) {
                errors.add(attribute, "cannot contain spaces");
            }
        }
        return errors;
    }

    /** Accepts {@code repository_url} for {@code repositoryUrl} and so on, as older clients send it. */
    private static ObjectNode normalise(ObjectNode body) {
        ObjectNode out = body.objectNode();
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        for (String field : names) {
            out.set(camel(field), body.get(field));
        }
        Iterator<String> it = out.fieldNames();
        while (it.hasNext()) {
            if (!ATTRIBUTES.contains(it.next())) {
                it.remove();
            }
        }
        return out;
    }

    private static String camel(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
