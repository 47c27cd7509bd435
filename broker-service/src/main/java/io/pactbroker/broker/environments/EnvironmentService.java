package io.pactbroker.broker.environments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.broker.common.problem.ConflictException;
import io.pactbroker.broker.common.problem.Errors;
import io.pactbroker.broker.common.problem.NotFoundException;
import io.pactbroker.broker.pacticipants.PacticipantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Creating, changing, finding and deleting environments, with the Pact Broker's validation rules. */
@ApplicationScoped
public class EnvironmentService {

    /** A client-chosen uuid must be safe in a URL path segment. */
    private static final Pattern UUID_FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    @Inject
    EnvironmentRepository repository;

    public Optional<Environment> find(String uuid) {
        return repository.findByUuid(uuid);
    }

    public Environment get(String uuid) {
        return repository
                .findByUuid(uuid)
                .orElseThrow(() -> new NotFoundException("No environment with uuid '" + uuid + "' found"));
    }

    public Optional<Environment> findByName(String name) {
        return repository.findByName(name);
    }

    public List<Environment> findByIds(List<Long> ids) {
        return repository.findByIds(ids);
    }

    /** Every environment, or the one with the name when a name is given. */
    public List<Environment> list(String name) {
        if (name != null) {
            return repository.findByName(name).map(List::of).orElse(List.of());
        }
        return repository.all();
    }

    /** POST /environments: 409 when the name (or the uuid chosen by the client) is taken. */
    @Transactional
    public Environment create(ObjectNode body) {
        Attributes a = validate(body);
        String uuid = a.uuid() == null ? UUID.randomUUID().toString() : a.uuid();
        if (!repository.insertIfAbsent(uuid, a.name(), a.displayName(), a.production(), a.contacts())) {
            if (repository.findByName(a.name()).isPresent()) {
                throw nameTaken(a.name());
            }
            throw new ConflictException("An environment with uuid '" + uuid + "' already exists.");
        }
        return repository.findByUuid(uuid).orElseThrow();
    }

    /** PUT /environments/{uuid}: replaces every attribute; 404 when there is no such environment. */
    @Transactional
    public Environment replace(String uuid, ObjectNode body) {
        Environment existing = get(uuid);
        Attributes a = validate(body);
        if (a.uuid() != null && !a.uuid().equals(uuid)) {
            new Errors()
                    .add(
                            "uuid",
                            "in the body ('" + a.uuid() + "') must match the uuid in the URL path ('" + uuid + "')")
                    .throwIfAny();
        }
        Optional<Environment> sameName = repository.findByName(a.name());
        if (sameName.isPresent() && !sameName.get().id().equals(existing.id())) {
            throw nameTaken(a.name());
        }
        repository.update(uuid, a.name(), a.displayName(), a.production(), a.contacts());
        return repository.findByUuid(uuid).orElseThrow();
    }

    @Transactional
    public void delete(String uuid) {
        get(uuid);
        repository.delete(uuid);
    }

    private static ConflictException nameTaken(String name) {
        String message = "name '" + name + "' is already used by an existing environment.";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", Map.of("name", List.of(message)));
        return new ConflictException(message, body);
    }

    /** The validated attributes of an environment; {@code contacts} as JSON text. */
    record Attributes(String uuid, String name, String displayName, boolean production, String contacts) {}

    /** Checks every attribute and reports all problems at once, in the Pact Broker's words. */
    static Attributes validate(ObjectNode body) {
        Errors errors = new Errors();
        String name = null;
        JsonNode nameNode = body.get("name");
        if (nameNode == null) {
            errors.add("name", "is missing");
        } else if (nameNode.isNull()
                || (nameNode.isTextual() && nameNode.asText().isBlank())) {
            errors.add("name", "can't be blank");
        } else if (!nameNode.isTextual()) {
            errors.add("name", "must be a string");
        } else {
            name = nameNode.asText();
            singleLine(errors, "name", name);
            if (name.contains(" ")) {
                errors.add("name", "cannot contain spaces");
            }
        }
        String displayName = null;
        JsonNode displayNode = body.get("displayName");
        if (displayNode != null && !displayNode.isNull()) {
            if (!displayNode.isTextual()) {
                errors.add("displayName", "must be a string");
            } else {
                displayName = displayNode.asText().isBlank() ? null : displayNode.asText();
                singleLine(errors, "displayName", displayNode.asText());
            }
        }
        boolean production = false;
        JsonNode productionNode = body.get("production");
        if (productionNode == null) {
            errors.add("production", "is missing");
        } else if (!productionNode.isBoolean()) {
            errors.add("production", "must be one of: true, false");
        } else {
            production = productionNode.booleanValue();
        }
        String contacts = contacts(body.get("contacts"), errors);
        String uuid = null;
        JsonNode uuidNode = body.get("uuid");
        if (uuidNode != null && !uuidNode.isNull()) {
            if (!uuidNode.isTextual()) {
                errors.add("uuid", "must be a string");
            } else if (!UUID_FORMAT.matcher(uuidNode.asText()).matches()) {
                errors.add("uuid", "can only contain the characters A-Z, a-z, 0-9, _ and -, and at most 128 of them");
            } else {
                uuid = uuidNode.asText();
            }
        }
        errors.throwIfAny();
        return new Attributes(uuid, name, orDisplayName(displayName, name), production, contacts);
    }

    private static String orDisplayName(String displayName, String name) {
        return displayName != null ? displayName : PacticipantService.displayNameFor(name);
    }

    /** Contacts as the Pact Broker keeps them: each with a {@code name} and optional {@code details} object. */
    private static String contacts(JsonNode node, Errors errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            errors.add("contacts", "must be an array");
            return null;
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < node.size(); i++) {
            JsonNode contact = node.get(i);
            String at = " (at index " + i + ")";
            if (!contact.isObject()) {
                errors.add("contacts", "must be a hash" + at);
                continue;
            }
            ObjectNode kept = out.addObject();
            JsonNode name = contact.get("name");
            if (name == null || name.isNull()) {
                errors.add("contacts", "name is missing" + at);
            } else if (!name.isTextual() || name.asText().isBlank()) {
                errors.add("contacts", "name must be a non-blank string" + at);
            } else if (name.asText().contains("\n") || name.asText().contains("\r")) {
                errors.add("contacts", "name cannot contain multiple lines" + at);
            } else {
                kept.put("name", name.asText());
            }
            JsonNode details = contact.get("details");
            if (details != null && !details.isNull()) {
                if (!details.isObject()) {
                    errors.add("contacts", "details must be a hash" + at);
                } else {
                    kept.set("details", details);
                }
            }
        }
        return out.toString();
    }

    private static void singleLine(Errors errors, String field, String value) {
        if (value.contains("\n") || value.contains("\r")) {
            errors.add(field, "cannot contain multiple lines");
        } else if (PacticipantService.hasControlCharacter(value)) {
            errors.add(field, "cannot contain control characters");
        }
    }
}
