package io.pactbroker.broker.webhooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.broker.common.config.BrokerConfig;
import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.json.JsonBodies;
import io.pactbroker.broker.pacts.ContractPublication;
import io.pactbroker.broker.pacts.PactMetadata;
import io.pactbroker.broker.pacts.PactQuery;
import io.pactbroker.broker.pacts.PactRow;
import io.pactbroker.broker.pacts.PactService;
import io.pactbroker.broker.verifications.Verification;
import io.pactbroker.broker.verifications.VerificationPublication;
import io.pactbroker.broker.versions.Version;
import io.pactbroker.broker.versions.VersionService;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Triggers webhooks: observes publications and verification results inside their transactions and writes a
 * triggered webhook (the outbox row) for each enabled webhook that applies to the pact and fires on the event, with
 * its template parameters worked out now. Nothing is sent here: the dispatchers deliver after the commit, told by a
 * {@code NOTIFY} that is only delivered if the transaction commits.
 *
 * <p>Events, as in the Pact Broker: {@code contract_published} for every publication;
 * {@code contract_content_changed} when the publication changed the content (see {@code PactService});
 * {@code contract_requiring_verification_published} once per provider version that should verify the new content and
 * has not (the head of the provider's main branch, deployed and released versions); {@code
 * provider_verification_published} and {@code provider_verification_succeeded} or {@code _failed} for every result,
 * once per consumer version that selected the verified content.
 */
@ApplicationScoped
public class WebhookTriggers {

    private static final Logger LOG = Logger.getLogger(WebhookTriggers.class);

    @Inject
    WebhookRepository webhooks;

    @Inject
    TriggeredWebhookRepository triggered;

    @Inject
    EventFacts facts;

    @Inject
    PactService pacts;

    @Inject
    VersionService versions;

    @Inject
    BrokerConfig config;

    @Inject
    BrokerUrls requestUrls;

    /** One webhook to trigger for an event, with its context (the Pact Broker's webhook context, snake case). */
    private record Trigger(String event, Webhook webhook, PactRow pact, Long verificationId, ObjectNode context) {}

    void onContractPublished(@Observes ContractPublication publication) {
        PactRow pact = publication.pact();
        String base = baseUrl();
        List<EventFacts.RequiredVerification> required =
                facts.requiredVerifications(pact.pactVersionId(), pact.providerId());
        if (!required.isEmpty()) {
            publication.addEventAfter(
                    ContractPublication.CONTRACT_PUBLISHED,
                    new ContractPublication.Event(WebhookEvents.CONTRACT_REQUIRING_VERIFICATION_PUBLISHED, null));
        }
        List<Trigger> triggers = new ArrayList<>();
        Optional<EventFacts.VersionFacts> version = Optional.empty();
        for (ContractPublication.Event event : publication.events()) {
            if (!WebhookEvents.ALL.contains(event.name())) {
                continue;
            }
            for (Webhook webhook : webhooks.findToTrigger(pact.consumerId(), pact.providerId(), event.name())) {
                if (version.isEmpty()) {
                    version = facts.version(pact.consumerVersionId());
                }
                ObjectNode context = context(base, event.name());
                putList(
                        context,
                        "consumer_version_tags",
                        version.map(EventFacts.VersionFacts::tags).orElse(List.of()));
                version.map(EventFacts.VersionFacts::buildUrl).ifPresent(url -> context.put("build_url", url));
                if (event.name().equals(WebhookEvents.CONTRACT_REQUIRING_VERIFICATION_PUBLISHED)) {
                    for (EventFacts.RequiredVerification r : required) {
                        ObjectNode expanded = context.deepCopy();
                        expanded.put("provider_version_number", r.providerVersionNumber());
                        expanded.put("provider_version_branch", r.branch());
                        putList(expanded, "provider_version_descriptions", r.descriptions());
                        triggers.add(new Trigger(event.name(), webhook, pact, null, expanded));
                    }
                } else {
                    triggers.add(new Trigger(event.name(), webhook, pact, null, context));
                }
            }
        }
        Optional<EventFacts.VerificationFacts> latest =
                triggers.isEmpty() ? Optional.empty() : facts.latestVerification(pact.pactVersionId());
        write(triggers, latest.orElse(null), null, base).forEach(publication::addNotice);
        if (triggers.isEmpty() && webhooks.anyFor(pact.consumerId(), pact.providerId())) {
            publication.addNotice("  No enabled webhooks found for the detected events");
        }
    }

    void onVerificationPublished(@Observes VerificationPublication publication) {
        Verification v = publication.verification();
        PactRow pact = publication.pact();
        String base = baseUrl();
        EventFacts.VerificationFacts verification = facts.verification(v.id()).orElseThrow();
        List<String> events = List.of(
                WebhookEvents.PROVIDER_VERIFICATION_PUBLISHED,
                v.success()
                        ? WebhookEvents.PROVIDER_VERIFICATION_SUCCEEDED
                        : WebhookEvents.PROVIDER_VERIFICATION_FAILED);
        List<Trigger> triggers = new ArrayList<>();
        for (String event : events) {
            for (Webhook webhook : webhooks.findToTrigger(pact.consumerId(), pact.providerId(), event)) {
                for (SelectedVersion selected : selectedVersions(publication)) {
                    ObjectNode context = context(base, event);
                    putList(context, "provider_version_tags", verification.providerVersionTags());
                    if (verification.buildUrl() != null) {
                        context.put("build_url", verification.buildUrl());
                    }
                    PactRow forWebhook = pact;
                    if (selected.number() != null) {
                        context.put("consumer_version_number", selected.number());
                        putList(context, "consumer_version_tags", selected.tags());
                        forWebhook = pacts.findOne(PactQuery.between(pact.consumerId(), pact.providerId())
                                        .consumerVersion(selected.number()))
                                .orElse(pact);
                    }
                    triggers.add(new Trigger(event, webhook, forWebhook, v.id(), context));
                }
            }
        }
        write(triggers, verification, verification, base);
    }

    /** A consumer version that selected the verified content (from the URL's metadata), or none (number null). */
    private record SelectedVersion(String number, List<String> tags) {}

    /**
     * One entry per consumer version the metadata names (the selectors of pacts for verification, or the consumer
     * version of a webhook's pact URL), as the Pact Broker triggers one webhook per consumer version (commit).
     */
    private List<SelectedVersion> selectedVersions(VerificationPublication publication) {
        PactMetadata.Decoded metadata = publication.metadata();
        Map<Long, List<String>> tagsById = new LinkedHashMap<>();
        for (PactMetadata.Selector s : metadata.selectors()) {
            if (s.consumerVersionId() != null) {
                List<String> tags = tagsById.computeIfAbsent(s.consumerVersionId(), id -> new ArrayList<>());
                if (s.tag() != null && !tags.contains(s.tag())) {
                    tags.add(s.tag());
                }
            }
        }
        List<SelectedVersion> selected = new ArrayList<>();
        if (!tagsById.isEmpty()) {
            Map<Long, String> numbers = new LinkedHashMap<>();
            for (Version v : versions.findByIds(new ArrayList<>(tagsById.keySet()))) {
                if (v.pacticipantId.equals(publication.pact().consumerId())) {
                    numbers.put(v.id, v.number);
                }
            }
            tagsById.forEach((id, tags) -> {
                if (numbers.containsKey(id)) {
                    selected.add(new SelectedVersion(numbers.get(id), tags));
                }
            });
        } else if (metadata.consumerVersionNumber() != null) {
            selected.add(new SelectedVersion(metadata.consumerVersionNumber(), metadata.consumerVersionTags()));
        }
        if (selected.isEmpty()) {
            selected.add(new SelectedVersion(null, null));
        }
        return selected;
    }

    /**
     * Writes the triggered webhooks and tells the dispatchers (at commit), answering the publisher's notices.
     *
     * @param latest the verification the parameters show when the context does not say otherwise
     * @param verification the verification that triggered them, if any
     */
    private List<String> write(
            List<Trigger> triggers,
            EventFacts.VerificationFacts latest,
            EventFacts.VerificationFacts verification,
            String base) {
        List<String> notices = new ArrayList<>();
        if (triggers.isEmpty()) {
            return notices;
        }
        BrokerUrls urls = BrokerUrls.withBase(base);
        for (Trigger t : triggers) {
            String uuid = UUID.randomUUID().toString();
            t.context().set("parameters", JsonBodies.STRICT.valueToTree(parameters(t, latest, urls)));
            triggered.insert(new TriggeredWebhookRepository.NewTriggered(
                    uuid,
                    t.event(),
                    t.pact().publicationId(),
                    verification == null ? null : verification.id(),
                    t.webhook().id(),
                    t.webhook().uuid(),
                    t.pact().consumerId(),
                    t.pact().providerId(),
                    t.context().toString()));
            LOG.debugf(
                    "Triggered webhook %s for event %s of the pact between %s and %s",
                    t.webhook().uuid(),
                    t.event(),
                    t.pact().consumerName(),
                    t.pact().providerName());
            String description = t.webhook().description() == null
                    ? t.webhook().uuid()
                    : inspect(t.webhook().description());
            notices.add("  Webhook " + description + " triggered for event " + t.event() + ".\n    View logs at "
                    + urls.triggeredWebhookLogs(uuid));
        }
        triggered.notifyDispatchers();
        return notices;
    }

    private Map<String, String> parameters(Trigger t, EventFacts.VerificationFacts latest, BrokerUrls urls) {
        PactRow pact = t.pact();
        ObjectNode c = t.context();
        Optional<EventFacts.VersionFacts> version = facts.version(pact.consumerVersionId());
        EventFacts.VerificationFacts v = latest;
        String consumerVersion = c.has("consumer_version_number")
                ? c.get("consumer_version_number").asText()
                : pact.consumerVersionNumber();
        List<String> consumerTags = c.has("consumer_version_tags")
                ? strings(c.get("consumer_version_tags"))
                : version.map(EventFacts.VersionFacts::tags).orElse(List.of());
        return TemplateParameters.of(new TemplateParameters.Source(
                t.event(),
                pact.consumerName(),
                pact.providerName(),
                pactUrl(urls, pact, version.map(EventFacts.VersionFacts::tags).orElse(List.of())),
                consumerVersion,
                consumerTags,
                version.map(EventFacts.VersionFacts::branch).orElse(null),
                c.has("provider_version_number")
                        ? c.get("provider_version_number").asText()
                        : v == null ? null : v.providerVersionNumber(),
                c.has("provider_version_tags")
                        ? strings(c.get("provider_version_tags"))
                        : v == null ? List.of() : v.providerVersionTags(),
                c.has("provider_version_branch")
                        ? c.get("provider_version_branch").asText(null)
                        : v == null ? null : v.providerVersionBranch(),
                c.has("provider_version_descriptions") ? strings(c.get("provider_version_descriptions")) : List.of(),
                v == null ? null : v.success(),
                v == null ? null : urls.verification(pact.providerName(), pact.consumerName(), v.sha(), v.number()),
                facts.labels(pact.consumerId()),
                facts.labels(pact.providerId()),
                c.has("build_url") ? c.get("build_url").asText() : null));
    }

    /**
     * The pact's content URL with the metadata the Pact Broker gives webhooks: the consumer version and its tags, and
     * {@code w=true}, so a verification published for it counts as work in progress.
     */
    static String pactUrl(BrokerUrls urls, PactRow pact, List<String> tags) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("cvn", pact.consumerVersionNumber());
        if (!tags.isEmpty()) {
            metadata.put("cvt", tags);
        }
        metadata.put("w", "true");
        return urls.pactVersion(pact.providerName(), pact.consumerName(), pact.sha(), PactMetadata.encode(metadata));
    }

    /** The base URL of the request that triggered the webhooks, or the configured one outside a request. */
    private String baseUrl() {
        if (Arc.container().requestContext().isActive()) {
            return requestUrls.base();
        }
        return config.baseUrl().orElse(List.of()).stream()
                .filter(s -> !s.isBlank())
                .findFirst()
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s)
                .orElse("");
    }

    private static ObjectNode context(String base, String event) {
        ObjectNode context = JsonBodies.STRICT.createObjectNode();
        context.put("base_url", base);
        context.put("event_name", event);
        return context;
    }

    private static void putList(ObjectNode node, String field, List<String> values) {
        ArrayNode array = node.putArray(field);
        values.forEach(array::add);
    }

    private static List<String> strings(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(e -> list.add(e.asText()));
        return list;
    }

    /** A string as Ruby's {@code inspect} writes it: quoted, with quotes and backslashes escaped. */
    static String inspect(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
