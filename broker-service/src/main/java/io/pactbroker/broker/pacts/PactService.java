package io.pactbroker.broker.pacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.broker.common.hal.Hal;
import io.pactbroker.broker.common.json.JsonBodies;
import io.pactbroker.broker.common.problem.ConflictException;
import io.pactbroker.broker.common.problem.Errors;
import io.pactbroker.broker.common.problem.NotFoundException;
import io.pactbroker.broker.integrations.IntegrationService;
import io.pactbroker.broker.pacticipants.Pacticipant;
import io.pactbroker.broker.pacticipants.PacticipantService;
import io.pactbroker.broker.versions.Tag;
import io.pactbroker.broker.versions.TagService;
import io.pactbroker.broker.versions.Version;
import io.pactbroker.broker.versions.VersionService;
import io.pactbroker.core.hash.ContentHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishing and reading pacts. Content identity is the Pact Broker's: the same content (by {@link ContentHash}) is
 * stored once per consumer and provider and every publication points at it; a consumer version republishing changed
 * content gets a new revision, which is refused unless dangerous modification is allowed.
 */
@ApplicationScoped
public class PactService {

    @Inject
    PactRepository repository;

    @Inject
    PacticipantService pacticipants;

    @Inject
    VersionService versions;

    @Inject
    IntegrationService integrations;

    @Inject
    ContractPolicy policy;

    @Inject
    TagService tags;

    @Inject
    Event<ContractPublication> publications;

    /** How a publication treats an existing pact of the same consumer version and provider. */
    public enum Mode {
        /** Replace it (a new revision), refused with 409 when the content differs and modification is not allowed. */
        OVERWRITE,
        /** Merge the interactions into it, refused with 409 when an interaction would change its request. */
        MERGE
    }

    /**
     * What a publication did.
     *
     * @param publication the events it gave rise to, and the notices of those who reacted to them (webhooks)
     */
    public record Published(
            PactRow pact,
            Optional<PactRow> previous,
            boolean created,
            boolean contentChanged,
            boolean newContent,
            ContractPublication publication) {}

    /** Why a publication would be refused, with a diff from the stored content to the new one. */
    public record Conflict(String message, String diff) {}

    /** Validates that the names in the pact (when given) match those in the path; 400 otherwise. */
    public static void checkNames(JsonNode pact, String consumerName, String providerName) {
        Errors errors = new Errors();
        checkName(pact, "consumer", consumerName, errors);
        checkName(pact, "provider", providerName, errors);
        errors.throwIfAny();
    }

    private static void checkName(JsonNode pact, String role, String expected, Errors errors) {
        JsonNode participant = pact.get(role);
        if (participant == null || participant.isNull()) {
            return;
        }
        JsonNode name = participant.isObject() ? participant.get("name") : null;
        if (!participant.isObject() || (name != null && !name.isNull() && !name.isTextual())) {
            errors.add(role, "must be an object with a name, like {\"name\": \"" + expected + "\"}");
            return;
        }
        if (name != null && !name.isNull() && !name.asText().equals(expected)) {
            errors.add(
                    role + ".name",
                    "name in pact '" + name.asText() + "' does not match name in URL path '" + expected + "'.");
        }
    }

    /**
     * The conflict publishing this content would cause, if any: different content for an existing consumer version
     * and provider (unless allowed), or a merge that would change an existing interaction.
     */
    public Optional<Conflict> conflict(
            String consumerName, String providerName, String consumerVersionNumber, JsonNode content, Mode mode) {
        Optional<Pacticipant> consumer = pacticipants.findByName(consumerName);
        Optional<Pacticipant> provider = pacticipants.findByName(providerName);
        if (consumer.isEmpty() || provider.isEmpty()) {
            return Optional.empty();
        }
        Optional<Version> version = versions.find(consumer.get().id, consumerVersionNumber);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Optional<PactPublication> existing = repository.latestRevision(version.get().id, provider.get().id);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        PactVersion stored =
                repository.findPactVersion(existing.get().pactVersionId).orElseThrow();
        JsonNode storedContent = InteractionIds.remove((ObjectNode) parse(stored.content));
        if (mode == Mode.MERGE) {
            if (PactMerger.conflict(storedContent, content)) {
                return Optional.of(new Conflict(
                        "Cannot merge the interactions into the pact for " + consumerName + " version "
                                + consumerVersionNumber + " and provider " + providerName
                                + ": an interaction with the same description and provider state has a different"
                                + " request. Give it another description, or publish with onConflict overwrite.",
                        PactDiff.diff(storedContent, content)));
            }
            return Optional.empty();
        }
        if (!policy.allowsContentModification() && !stored.sha.equals(ContentHash.sha(content))) {
            return Optional.of(new Conflict(
                    modificationNotAllowed(consumerName, consumerVersionNumber, providerName),
                    PactDiff.diff(storedContent, content)));
        }
        return Optional.empty();
    }

    static String modificationNotAllowed(String consumer, String version, String provider) {
        return "Cannot change the content of the pact for " + consumer + " version " + version + " and provider "
                + provider + ", as race conditions will cause unreliable results for can-i-deploy. Each pact must be"
                + " published with a unique consumer version number. Some Pact libraries generate random data when a"
                + " concrete value for a type matcher is not specified, and this can cause the contract to mutate -"
                + " ensure you have given example values for all type matchers. For more information see"
                + " https://docs.pact.io/go/versioning";
    }

    /**
     * Publishes a pact for a consumer version and provider, creating the pacticipants and the version as needed, and
     * keeps the latest-publication read model and the integration up to date in the same transaction.
     *
     * @throws ConflictException when {@link #conflict} finds one
     */
    @Transactional
    public Published publish(
            String consumerName, String providerName, String consumerVersionNumber, ObjectNode content, Mode mode) {
        Optional<Conflict> conflict = conflict(consumerName, providerName, consumerVersionNumber, content, mode);
        if (conflict.isPresent()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", conflict.get().message());
            body.put(
                    "notices",
                    List.of(
                            Hal.object("type", "error", "text", conflict.get().message()),
                            Hal.object("type", "info", "text", conflict.get().diff())));
            throw new ConflictException(conflict.get().message(), body);
        }
        Pacticipant consumer = pacticipants.findOrCreate(consumerName);
        Pacticipant provider = pacticipants.findOrCreate(providerName);
        Version version = versions.findOrCreate(consumer, consumerVersionNumber).version();
        Optional<PactPublication> existing = repository.latestRevision(version.id, provider.id);
        Optional<PactRow> previous = existing.flatMap(e ->
                repository.findOne(PactQuery.between(consumer.id, provider.id).consumerVersion(consumerVersionNumber)));
        ObjectNode toStore = content;
        if (mode == Mode.MERGE && existing.isPresent()) {
            PactVersion stored =
                    repository.findPactVersion(existing.get().pactVersionId).orElseThrow();
            toStore = PactMerger.merge(InteractionIds.remove((ObjectNode) parse(stored.content)), content);
        }
        String sha = ContentHash.sha(toStore);
        boolean newContent =
                repository.findPactVersion(consumer.id, provider.id, sha).isEmpty()
                        && repository.insertPactVersionIfAbsent(
                                consumer.id,
                                provider.id,
                                sha,
                                write(InteractionIds.add(toStore)),
                                count(toStore, "interactions"),
                                count(toStore, "messages"));
        PactVersion pactVersion =
                repository.findPactVersion(consumer.id, provider.id, sha).orElseThrow();
        boolean changed = existing.isEmpty() || !existing.get().pactVersionId.equals(pactVersion.id);
        if (changed) {
            PactPublication publication = new PactPublication();
            publication.consumerVersionId = version.id;
            publication.providerId = provider.id;
            publication.consumerId = consumer.id;
            publication.consumerVersionOrder = version.versionOrder;
            publication.revisionNumber = existing.map(e -> e.revisionNumber + 1).orElse(1);
            publication.pactVersionId = pactVersion.id;
            publication.createdAt = OffsetDateTime.now();
            repository.persist(publication);
            repository.markLatest(publication);
        }
        integrations.contractPublished(consumer.id, provider.id);
        PactRow pact = repository
                .findOne(PactQuery.between(consumer.id, provider.id)
                        .consumerVersion(consumerVersionNumber)
                        .includingContent())
                .orElseThrow();
        ContractPublication publication = new ContractPublication(pact, events(pact, version, existing, previous));
        publications.fire(publication);
        return new Published(pact, previous, existing.isEmpty(), changed, newContent, publication);
    }

    /**
     * The Pact Broker's events of a publication. Republishing for the same consumer version: {@code
     * contract_content_changed} when the content differs from what that version had, else {@code
     * contract_content_unchanged}. A new consumer version: {@code contract_content_changed} when, for any of its tags
     * (or, untagged, among untagged versions), the previous consumer version's pact had other content or there was
     * none.
     */
    private List<ContractPublication.Event> events(
            PactRow pact, Version version, Optional<PactPublication> existing, Optional<PactRow> previous) {
        List<ContractPublication.Event> events = new ArrayList<>();
        events.add(new ContractPublication.Event(ContractPublication.CONTRACT_PUBLISHED, null));
        if (existing.isPresent()) {
            boolean changed = previous.map(p -> !p.sha().equals(pact.sha())).orElse(true);
            events.add(
                    changed
                            ? new ContractPublication.Event(
                                    ContractPublication.CONTRACT_CONTENT_CHANGED,
                                    "pact content modified since previous publication for " + pact.consumerName()
                                            + " version " + pact.consumerVersionNumber())
                            : new ContractPublication.Event(
                                    ContractPublication.CONTRACT_CONTENT_UNCHANGED, "pact content was unchanged"));
            return events;
        }
        List<String> tagNames = tags.tagsOf(List.of(version)).getOrDefault(version.id, List.of()).stream()
                .map((Tag t) -> t.name)
                .toList();
        PactQuery before =
                PactQuery.between(pact.consumerId(), pact.providerId()).before(version.versionOrder, null);
        List<String> reasons = new ArrayList<>();
        if (tagNames.isEmpty()) {
            Optional<PactRow> last = repository.findOne(before.onlyUntagged());
            if (last.isEmpty()) {
                reasons.add("first time untagged pact published");
            } else if (!last.get().sha().equals(pact.sha())) {
                reasons.add("pact content has changed since previous untagged version");
            }
        }
        for (String tag : tagNames) {
            Optional<PactRow> last = repository.findOne(before.tag(tag));
            if (last.isEmpty()) {
                reasons.add("first time any pact published for this consumer with consumer version tagged " + tag);
            } else if (!last.get().sha().equals(pact.sha())) {
                reasons.add("pact content has changed since the last consumer version tagged with " + tag);
            }
        }
        if (!reasons.isEmpty()) {
            events.add(new ContractPublication.Event(
                    ContractPublication.CONTRACT_CONTENT_CHANGED, String.join(", ", reasons)));
        } else {
            events.set(
                    0,
                    new ContractPublication.Event(
                            ContractPublication.CONTRACT_PUBLISHED,
                            tagNames.isEmpty()
                                    ? "pact content is the same as the previous untagged version"
                                    : tagNames.size() == 1
                                            ? "pact content is the same as previous version with tag " + tagNames.get(0)
                                                    + " and no new tags were applied"
                                            : "pact content is the same as previous versions with tags "
                                                    + String.join(", ", tagNames) + " and no new tags were applied"));
        }
        return events;
    }

    // reading

    /** The ids of an existing consumer and provider; 404 naming the one that is missing. */
    public record Pair(Pacticipant consumer, Pacticipant provider) {}

    public Pair pair(String providerName, String consumerName) {
        Pacticipant provider = pacticipants
                .findByName(providerName)
                .orElseThrow(() -> new NotFoundException("provider", providerName));
        Pacticipant consumer = pacticipants
                .findByName(consumerName)
                .orElseThrow(() -> new NotFoundException("consumer", consumerName));
        return new Pair(consumer, provider);
    }

    public Pacticipant provider(String providerName) {
        return pacticipants.findByName(providerName).orElseThrow(() -> new NotFoundException("provider", providerName));
    }

    /** One pact with its content, or 404 with the given description of what was looked for. */
    public PactRow get(PactQuery query, String description) {
        return repository
                .findOne(query.includingContent())
                .orElseThrow(() -> new NotFoundException("No pact found " + description));
    }

    /** A pact found by content, and the consumer versions its selection metadata names (newest first). */
    public record SelectedByContent(PactRow pact, List<String> consumerVersions) {}

    /**
     * The pact with the content, as the Pact Broker shows it at {@code pact-version/{sha}/metadata/{metadata}}: with
     * the newest of the consumer versions the metadata names (the selected versions of a pact for verification, or
     * the version of a webhook or latest pact link) when that version has the content, else with the newest consumer
     * version that has it.
     */
    public SelectedByContent getByContent(Pair pair, String sha, String metadata) {
        PactQuery bySha =
                PactQuery.between(pair.consumer().id, pair.provider().id).sha(sha);
        String description =
                "between " + pair.consumer().name + " and " + pair.provider().name + " with content " + sha;
        PactMetadata.Decoded decoded = PactMetadata.decode(metadata);
        List<Long> ids = new java.util.ArrayList<>();
        decoded.selectors().stream()
                .map(PactMetadata.Selector::consumerVersionId)
                .filter(id -> id != null)
                .forEach(ids::add);
        List<Version> named = new java.util.ArrayList<>();
        if (!ids.isEmpty()) {
            named.addAll(versions.findByIds(ids));
        } else if (decoded.consumerVersionNumber() != null) {
            versions.find(pair.consumer().id, decoded.consumerVersionNumber()).ifPresent(named::add);
        } else if (decoded.consumerVersionId() != null) {
            named.addAll(versions.findByIds(List.of(decoded.consumerVersionId())));
        }
        List<Version> ofConsumer = named.stream()
                .filter(v -> v.pacticipantId.equals(pair.consumer().id))
                .distinct()
                .sorted(java.util.Comparator.comparing((Version v) -> v.versionOrder)
                        .reversed())
                .toList();
        Optional<PactRow> pact = ofConsumer.isEmpty()
                ? Optional.empty()
                : repository.findOne(
                        bySha.consumerVersion(ofConsumer.get(0).number).includingContent());
        return new SelectedByContent(
                pact.orElseGet(() -> get(bySha, description)),
                ofConsumer.stream().map(v -> v.number).toList());
    }

    public Optional<PactRow> findOne(PactQuery query) {
        return repository.findOne(query.includingContent());
    }

    public List<PactRow> list(PactQuery query) {
        return repository.find(query);
    }

    /** The pacts (latest revision for each provider) published by a consumer version. */
    public List<PactRow> publishedBy(List<Version> versions) {
        return repository.publishedBy(versions.stream().map(v -> v.id).toList());
    }

    /** The newest pact between the pair from an older consumer version with different content. */
    public Optional<PactRow> previousDistinct(PactRow pact) {
        return repository.findOne(PactQuery.between(pact.consumerId(), pact.providerId())
                .before(pact.consumerVersionOrder(), pact.pactVersionId())
                .includingContent());
    }

    /** Deletes the consumer version's pact for the provider (every revision); the content stays for other users. */
    @Transactional
    public void delete(String providerName, String consumerName, String consumerVersionNumber) {
        Pair pair = pair(providerName, consumerName);
        PactRow pact = get(
                PactQuery.between(pair.consumer().id, pair.provider().id).consumerVersion(consumerVersionNumber),
                "for " + consumerName + " version " + consumerVersionNumber + " and provider " + providerName);
        repository.deletePublications(pact.consumerVersionId(), pact.providerId());
        if (!repository.anyPublicationsBetween(pact.consumerId(), pact.providerId())) {
            integrations.contractsRemoved(pact.consumerId(), pact.providerId());
        }
    }

    /** Deletes every pact, content and (through them) verification between the pair. */
    @Transactional
    public void deleteAllBetween(Long consumerId, Long providerId) {
        repository.deleteAllBetween(consumerId, providerId);
    }

    public static JsonNode parse(String json) {
        return JsonBodies.parse(json).orElseThrow(() -> new IllegalStateException("Stored pact is not JSON"));
    }

    private static String write(JsonNode node) {
        try {
            return JsonBodies.STRICT.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed pact can always be written", e);
        }
    }

    private static int count(JsonNode pact, String field) {
        JsonNode array = pact.get(field);
        return array != null && array.isArray() ? array.size() : 0;
    }
}
