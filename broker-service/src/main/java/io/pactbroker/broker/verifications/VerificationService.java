package io.pactbroker.broker.verifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.broker.common.json.JsonBodies;
import io.pactbroker.broker.common.problem.Errors;
import io.pactbroker.broker.common.problem.NotFoundException;
import io.pactbroker.broker.pacticipants.PacticipantService;
import io.pactbroker.broker.pacts.PactMetadata;
import io.pactbroker.broker.pacts.PactQuery;
import io.pactbroker.broker.pacts.PactRow;
import io.pactbroker.broker.pacts.PactService;
import io.pactbroker.broker.versions.Tag;
import io.pactbroker.broker.versions.TagService;
import io.pactbroker.broker.versions.Version;
import io.pactbroker.broker.versions.VersionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Publishing, reading and deleting verification results, and the questions other features ask about them (pending and
 * WIP for pacts for verification; the latest result of a content by a provider version for the matrix).
 *
 * <p>A result belongs to a pact content (its sha), so every consumer version that published that content shows it at
 * once. Publishing creates the provider version when it is missing, keeps the
 * {@code latest_verification_id_for_pact_version_and_provider_version} read model in the same transaction, records
 * the pending, WIP and selector metadata of the URL it was published to, stores the {@code testResults} as sent and
 * the result of each interaction in {@code verification_interaction_results}.
 */
@ApplicationScoped
public class VerificationService {

    @Inject
    VerificationRepository repository;

    @Inject
    PactService pacts;

    @Inject
    PacticipantService pacticipants;

    @Inject
    VersionService versions;

    @Inject
    TagService tags;

    @Inject
    Event<VerificationPublication> publications;

    /** A verification and the pact it is shown with (the newest consumer version with its content). */
    public record Found(Verification verification, PactRow pact) {}

    /** The latest verification of each pact of a consumer version. */
    public record Summary(
            String consumerName,
            String consumerVersionNumber,
            boolean success,
            List<String> successful,
            List<String> failed,
            List<String> unknown,
            List<Found> verifications) {}

    /**
     * Publishes a verification result for the content, from the body the verifier sent to the
     * {@code pb:publish-verification-results} link (with the link's metadata, if any).
     *
     * @throws io.pactbroker.broker.common.problem.ValidationException 400 for an invalid body
     * @throws NotFoundException 404 when the provider, consumer or content does not exist
     */
    @Transactional
    public Found publish(String providerName, String consumerName, String sha, String metadata, ObjectNode body) {
        Errors errors = new Errors();
        Boolean success = success(body, errors);
        String providerVersion = providerVersion(body, errors);
        String buildUrl = buildUrl(body, errors);
        errors.throwIfAny();

        PactRow pact = pactByContent(providerName, consumerName, sha);
        PactMetadata.Decoded decoded = PactMetadata.decode(metadata);
        Version version = versions.findOrCreate(pacticipants.getByName(providerName), providerVersion)
                .version();
        JsonNode testResults = body.get("testResults");
        JsonNode verifiedBy = body.path("verifiedBy");
        int number = repository.nextNumber();
        Long id = repository.insert(new VerificationRepository.NewVerification(
                number,
                success,
                version.id,
                pact.providerId(),
                pact.consumerId(),
                pact.pactVersionId(),
                buildUrl,
                testResults == null || testResults.isNull() ? null : testResults.toString(),
                decoded.wip(),
                decoded.pending(),
                selectors(decoded),
                tagNames(version),
                textAt(verifiedBy, "implementation"),
                textAt(verifiedBy, "version"),
                textAt(verifiedBy.path("clientLanguage"), "name"),
                textAt(verifiedBy.path("clientLanguage"), "version"),
                textAt(verifiedBy.path("clientLanguage"), "testFramework")));
        if (testResults != null && !testResults.isNull()) {
            JsonNode content = PactService.parse(pact.content());
            repository.insertInteractionResults(
                    id, pact.pactVersionId(), TestResults.interactions(testResults, content));
        }
        Verification verification = repository.findById(id).orElseThrow();
        publications.fire(new VerificationPublication(verification, pact, decoded));
        return new Found(verification, pact);
    }

    /** A verification by number; 404 for {@code all}, a number that is not one, or none with it. */
    public Found get(String providerName, String consumerName, String sha, String number) {
        PactRow pact = pactByContent(providerName, consumerName, sha);
        if ("all".equals(number)) {
            throw new NotFoundException("To see all the verifications for a pact, use the Matrix page");
        }
        Integer n = parseNumber(number);
        return new Found(
                Optional.ofNullable(n)
                        .flatMap(x -> repository.find(pact.pactVersionId(), x))
                        .orElseThrow(() -> new NotFoundException("No verification result with number " + number
                                + " found for the pact between " + consumerName + " and " + providerName
                                + " with content " + sha)),
                pact);
    }

    /** The newest verification of the content. */
    public Found latestForContent(String providerName, String consumerName, String sha) {
        return latestFor(pactByContent(providerName, consumerName, sha));
    }

    /** The newest verification of the content of the consumer version's pact. */
    public Found latestForConsumerVersion(String providerName, String consumerName, String consumerVersion) {
        PactService.Pair pair = pacts.pair(providerName, consumerName);
        return latestFor(pacts.get(
                PactQuery.between(pair.consumer().id, pair.provider().id).consumerVersion(consumerVersion),
                "between " + consumerName + " and " + providerName + " for version " + consumerVersion));
    }

    /** The newest verification of the content of the latest pact (of the latest consumer version with the tag). */
    public Found latestForLatestPact(String providerName, String consumerName, String tag) {
        PactService.Pair pair = pacts.pair(providerName, consumerName);
        PactQuery query = PactQuery.between(pair.consumer().id, pair.provider().id);
        return latestFor(pacts.get(
                tag == null ? query : query.tag(tag),
                "between " + consumerName + " and " + providerName + " for "
                        + (tag == null ? "any version" : "a version tagged " + tag)));
    }

    private Found latestFor(PactRow pact) {
        return new Found(
                repository
                        .latestFor(pact.pactVersionId())
                        .orElseThrow(() -> new NotFoundException("No verification results found for the pact between "
                                + pact.consumerName() + " and " + pact.providerName() + " with content "
                                + pact.sha())),
                pact);
    }

    /** The latest verification of each pact of the consumer version, with the providers' verdicts. */
    public Summary latestForConsumerVersion(String consumerName, String consumerVersionNumber) {
        Version version = versions.get(consumerName, consumerVersionNumber);
        List<PactRow> published = pacts.publishedBy(List.of(version));
        Map<Long, Verification> latest = new HashMap<>();
        repository
                .latestForEach(published.stream().map(PactRow::pactVersionId).toList())
                .forEach(v -> latest.put(v.pactVersionId(), v));
        List<Found> found = new ArrayList<>();
        List<String> successful = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (PactRow pact : published) {
            Verification v = latest.get(pact.pactVersionId());
            if (v == null) {
                unknown.add(pact.providerName());
                continue;
            }
            found.add(new Found(v, pact));
            (v.success() ? successful : failed).add(pact.providerName());
        }
        return new Summary(
                consumerName,
                consumerVersionNumber,
                successful.size() == published.size(),
                successful,
                failed,
                unknown,
                found);
    }

    /** Deletes the verification; the read model falls back to the newest remaining one. */
    @Transactional
    public void delete(String providerName, String consumerName, String sha, String number) {
        repository.delete(get(providerName, consumerName, sha, number).verification());
    }

    /** The result of each interaction, in the order the verifier sent them. */
    public List<InteractionResult> interactionResults(Long verificationId) {
        return repository.interactionResults(verificationId);
    }

    /** The interactions that failed in the verification. */
    public List<InteractionResult> failedInteractions(Long verificationId) {
        return repository.interactionResults(verificationId).stream()
                .filter(r -> Boolean.FALSE.equals(r.success()))
                .toList();
    }

    /** The newest verification of the content by the provider version (the read model: one index lookup). */
    public Optional<Verification> findLatest(Long pactVersionId, Long providerVersionId) {
        return repository.latestFor(pactVersionId, providerVersionId);
    }

    /** The newest verification of the content by any provider version. */
    public Optional<Verification> findLatest(Long pactVersionId) {
        return repository.latestFor(pactVersionId);
    }

    /**
     * The newest verification of each of the contents by each of the provider versions (every provider version when
     * null), newest first, from the read model: what the matrix and can-i-deploy show.
     */
    public List<VerificationRef> latestByProviderVersion(
            Collection<Long> pactVersionIds, Collection<Long> providerVersionIds) {
        return repository.latestByProviderVersion(pactVersionIds, providerVersionIds);
    }

    /** Every verification of the contents (by the provider versions, when not null), newest first. */
    public List<VerificationRef> allByProviderVersion(
            Collection<Long> pactVersionIds, Collection<Long> providerVersionIds) {
        return repository.allByProviderVersion(pactVersionIds, providerVersionIds);
    }

    /**
     * The newest verification of any of the pair's pacts: of consumer versions with the tag (or untagged, or any), by
     * provider versions with the provider tag (or any). What a pact badge shows.
     */
    public Optional<Verification> findLatestBetween(
            Long consumerId, Long providerId, String consumerTag, boolean untagged, String providerTag) {
        return repository.latestBetween(consumerId, providerId, consumerTag, untagged, providerTag);
    }

    /** The {@code testResults} the verifiers sent, as JSON text, by verification id (those that sent some). */
    public Map<Long, String> testResults(Collection<Long> verificationIds) {
        return repository.testResults(verificationIds);
    }

    /**
     * Which of the contents the provider verified successfully in the scope (see
     * {@link VerificationRepository#verifiedSuccessfully}): the contents that are not pending for it.
     */
    public Set<Long> verifiedSuccessfully(
            Collection<Long> pactVersionIds, Long providerId, ProviderScope scope, boolean countWip) {
        return repository.verifiedSuccessfully(pactVersionIds, providerId, scope, countWip);
    }

    public boolean anyBetween(Long consumerId, Long providerId) {
        return repository.anyBetween(consumerId, providerId);
    }

    // helpers

    private PactRow pactByContent(String providerName, String consumerName, String sha) {
        PactService.Pair pair = pacts.pair(providerName, consumerName);
        return pacts.get(
                PactQuery.between(pair.consumer().id, pair.provider().id).sha(sha),
                "between " + consumerName + " and " + providerName + " with content " + sha);
    }

    private static Integer parseNumber(String number) {
        if (number == null || !number.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.parseInt(number);
    }

    private static Boolean success(ObjectNode body, Errors errors) {
        JsonNode v = body.get("success");
        if (v == null) {
            errors.add("success", "is missing");
        } else if (v.isNull()) {
            errors.add("success", "must be filled");
        } else if (!v.isBoolean()) {
            errors.add("success", "must be boolean");
        } else {
            return v.asBoolean();
        }
        return null;
    }

    private static String providerVersion(ObjectNode body, Errors errors) {
        String field = "providerApplicationVersion";
        JsonNode v = body.get(field);
        if (v == null) {
            errors.add(field, "is missing");
        } else if (v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
            errors.add(field, "must be filled");
        } else if (!v.isTextual()) {
            errors.add(field, "must be a string");
        } else if (v.asText().isBlank()) {
            errors.add(field, "cannot be blank");
        } else if (v.asText().contains("\n") || v.asText().contains("\r")) {
            errors.add(field, "cannot contain multiple lines");
        } else if (PacticipantService.hasControlCharacter(v.asText())) {
            errors.add(field, "cannot contain control characters");
        } else {
            return v.asText();
        }
        return null;
    }

    private static String buildUrl(ObjectNode body, Errors errors) {
        JsonNode v = body.get("buildUrl");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            errors.add("buildUrl", "must be a string");
            return null;
        }
        try {
            new URI(v.asText());
        } catch (URISyntaxException e) {
            errors.add("buildUrl", "is not a valid URL eg. http://example.org");
        }
        return v.asText();
    }

    /** The metadata's selectors with consumer version numbers instead of ids, as JSON, or null without selectors. */
    private String selectors(PactMetadata.Decoded decoded) {
        if (decoded.selectors().isEmpty()) {
            return null;
        }
        List<Long> ids = decoded.selectors().stream()
                .map(PactMetadata.Selector::consumerVersionId)
                .filter(id -> id != null)
                .toList();
        Map<Long, String> numbers =
                versions.findByIds(ids).stream().collect(Collectors.toMap(v -> v.id, v -> v.number, (a, b) -> a));
        ArrayNode array = JsonBodies.STRICT.createArrayNode();
        for (PactMetadata.Selector s : decoded.selectors()) {
            ObjectNode o = array.addObject();
            putIfNotNull(o, "branch", s.branch());
            putIfNotNull(o, "tag", s.tag());
            if (s.latest() != null) {
                o.put("latest", s.latest());
            }
            putIfNotNull(o, "environment", s.environment());
            putIfNotNull(o, "consumerVersionNumber", numbers.get(s.consumerVersionId()));
        }
        try {
            return JsonBodies.STRICT.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String tagNames(Version version) {
        List<Tag> list = tags.tagsOf(List.of(version)).getOrDefault(version.id, List.of());
        return list.isEmpty() ? null : list.stream().map(t -> t.name).collect(Collectors.joining(","));
    }

    private static void putIfNotNull(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    private static String textAt(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }
}
