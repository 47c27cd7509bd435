package io.pactbroker.broker.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.json.JsonBodies;
import io.pactbroker.broker.common.problem.NotFoundException;
import io.pactbroker.broker.pacticipants.Pacticipant;
import io.pactbroker.broker.pacticipants.PacticipantService;
import io.pactbroker.broker.pacts.PactQuery;
import io.pactbroker.broker.pacts.PactRow;
import io.pactbroker.broker.pacts.PactService;
import io.pactbroker.broker.verifications.VerificationService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Webhooks: creating, reading, updating and deleting them, what they triggered and how that went, and test runs.
 * Triggering is {@link WebhookTriggers}' job, delivery the {@link WebhookDispatcher}s'.
 */
@ApplicationScoped
public class WebhookService {

    private static final Pattern STARS = Pattern.compile("^\\**$");

    @Inject
    WebhookRepository repository;

    @Inject
    TriggeredWebhookRepository triggered;

    @Inject
    PacticipantService pacticipants;

    @Inject
    PactService pacts;

    @Inject
    VerificationService verifications;

    @Inject
    WebhookPolicy policy;

    @Inject
    WebhookExecutor executor;

    @Inject
    EventFacts facts;

    /** A saved webhook, and whether this request created it. */
    public record Saved(Webhook webhook, boolean created) {}

    public Optional<Webhook> find(String uuid) {
        return repository.findByUuid(uuid);
    }

    public Webhook get(String uuid) {
        return find(uuid).orElseThrow(() -> new NotFoundException("No webhook with uuid " + uuid + " found"));
    }

    public List<Webhook> all() {
        return repository.findAll();
    }

    /**
     * The webhooks of exactly this consumer and provider, either of which may be null (no pacticipant on that side);
     * 404 when a named one does not exist.
     */
    public List<Webhook> forConsumerAndProvider(String consumerName, String providerName) {
        Pacticipant provider = providerName == null ? null : pacticipant("provider", providerName);
        Pacticipant consumer = consumerName == null ? null : pacticipant("consumer", consumerName);
        return repository.findByConsumerAndProvider(
                consumer == null ? null : consumer.id, provider == null ? null : provider.id);
    }

    /** Whether any webhook, enabled or not, applies to the consumer and provider (by name, label or for all). */
    public boolean anyFor(Long consumerId, Long providerId) {
        return repository.anyFor(consumerId, providerId);
    }

    /**
     * Creates a webhook with a new uuid. The consumer and provider named in the path (either may be null) take the
     * place of those in the body; the body is validated first (400), then the path's pacticipants must exist (404).
     */
    @Transactional
    public Webhook create(ObjectNode body, String consumerName, String providerName) {
        WebhookRequest request = parse(body, null);
        Webhook.Side consumer = consumerName == null ? request.consumer() : side("consumer", consumerName);
        Webhook.Side provider = providerName == null ? request.provider() : side("provider", providerName);
        String uuid = UUID.randomUUID().toString();
        repository.insert(uuid, webhook(request, consumer, provider, null));
        return repository.findByUuid(uuid).orElseThrow();
    }

    /**
     * {@code PUT /webhooks/{uuid}}: creates the webhook with that uuid, or replaces it. A password left out or sent
     * as stars (as responses show it) keeps the stored one, as does a header whose value is stars.
     */
    @Transactional
    public Saved put(String uuid, ObjectNode body) {
        WebhookRequest request = parse(body, uuid);
        Optional<Webhook> existing = repository.findByUuid(uuid);
        if (existing.isEmpty()) {
            repository.insert(uuid, webhook(request, request.consumer(), request.provider(), null));
            return new Saved(repository.findByUuid(uuid).orElseThrow(), true);
        }
        boolean passwordSent = body.path("request").has("password");
        Webhook replacement = webhook(request, request.consumer(), request.provider(), existing.get());
        replacement = new Webhook(
                null,
                null,
                replacement.description(),
                replacement.consumer(),
                replacement.provider(),
                replacement.enabled(),
                keepSecrets(replacement.request(), existing.get().request(), passwordSent),
                replacement.events(),
                null,
                null);
        repository.update(uuid, replacement);
        return new Saved(repository.findByUuid(uuid).orElseThrow(), false);
    }

    @Transactional
    public void delete(String uuid) {
        if (!repository.delete(uuid)) {
            throw new NotFoundException("No webhook with uuid " + uuid + " found");
        }
    }

    private WebhookRequest parse(ObjectNode body, String uuid) {
        return WebhookRequest.parse(body, uuid, pacticipants::findByName, policy.settings());
    }

    private static Webhook webhook(
            WebhookRequest request, Webhook.Side consumer, Webhook.Side provider, Webhook existing) {
        Webhook.Template template = request.request();
        List<String> events = request.events();
        String description = request.description();
        if (existing != null) {
            if (events == null) {
                events = existing.events();
            }
            if (!request.descriptionGiven()) {
                description = existing.description();
            }
        }
        return new Webhook(
                null,
                null,
                description,
                consumer,
                provider,
                request.enabled() == null || request.enabled(),
                template,
                events == null ? List.of(WebhookEvents.DEFAULT) : events,
                null,
                null);
    }

    /** Keeps the stored password and header values that the client sent back as stars (or, the password, not at all). */
    private static Webhook.Template keepSecrets(Webhook.Template sent, Webhook.Template stored, boolean passwordSent) {
        String password = sent.password();
        if (stored.password() != null
                && (!passwordSent
                        || (password != null && STARS.matcher(password).matches()))) {
            password = stored.password();
        }
        List<Webhook.Header> headers = new ArrayList<>();
        for (Webhook.Header h : sent.headers()) {
            String value = h.value();
            if (STARS.matcher(value).matches()) {
                value = stored.headers().stream()
                        .filter(s -> s.name().equalsIgnoreCase(h.name()))
                        .map(Webhook.Header::value)
                        .findFirst()
                        .orElse(value);
            }
            headers.add(new Webhook.Header(h.name(), value));
        }
        return new Webhook.Template(sent.method(), sent.url(), headers, sent.body(), sent.username(), password);
    }

    private Webhook.Side side(String role, String name) {
        Pacticipant p = pacticipant(role, name);
        return Webhook.Side.pacticipant(p.id, p.name);
    }

    private Pacticipant pacticipant(String role, String name) {
        return pacticipants.findByName(name).orElseThrow(() -> new NotFoundException(role, name));
    }

    // what webhooks triggered

    /** The webhook status of the latest pact between the pair, and the latest triggered webhook of each webhook. */
    public record Status(String consumerName, String providerName, PactRow pact, List<TriggeredWebhook> triggered) {}

    public Status status(String providerName, String consumerName) {
        PactService.Pair pair = pacts.pair(providerName, consumerName);
        Optional<PactRow> latest = pacts.findOne(PactQuery.between(pair.consumer().id, pair.provider().id));
        List<TriggeredWebhook> list =
                latest.isEmpty() ? List.of() : triggered.latestFor(pair.consumer().id, pair.provider().id);
        return new Status(pair.consumer().name, pair.provider().name, latest.orElse(null), list);
    }

    /** An integration: a consumer and a provider, by id. */
    public record Pair(Long consumerId, Long providerId) {}

    /**
     * The webhook status of an integration, as the Pact Broker's dashboard shows it, and when a webhook was last
     * triggered for it (null if never).
     *
     * @param status {@code none} (no webhook applies), {@code not_run}, {@code retrying}, {@code success} or {@code
     *     failure}, of the latest triggered webhook of each webhook and event that applies
     */
    public record IntegrationStatus(String status, java.time.OffsetDateTime lastTriggeredAt) {}

    public String statusOf(Long consumerId, Long providerId) {
        return statusesOf(List.of(new Pair(consumerId, providerId)))
                .get(new Pair(consumerId, providerId))
                .status();
    }

    /** The webhook status of many integrations in one query (a dashboard page). */
    public Map<Pair, IntegrationStatus> statusesOf(List<Pair> pairs) {
        Map<List<Long>, List<TriggeredWebhookRepository.Latest>> latest = triggered.latestStatuses(
                pairs.stream().map(Pair::consumerId).toList(),
                pairs.stream().map(Pair::providerId).toList());
        Map<Pair, IntegrationStatus> result = new java.util.LinkedHashMap<>();
        for (Pair pair : pairs) {
            List<TriggeredWebhookRepository.Latest> list = latest.get(List.of(pair.consumerId(), pair.providerId()));
            result.put(
                    pair,
                    list == null
                            ? new IntegrationStatus("none", null)
                            : new IntegrationStatus(
                                    status(list.stream()
                                            .map(TriggeredWebhookRepository.Latest::status)
                                            .toList()),
                                    list.stream()
                                            .map(TriggeredWebhookRepository.Latest::triggeredAt)
                                            .filter(java.util.Objects::nonNull)
                                            .max(java.util.Comparator.naturalOrder())
                                            .orElse(null)));
        }
        return result;
    }

    /**
     * Retrying, else failure, else not run (waiting for its first attempt), else success. The Pact Broker calls a mix
     * of succeeded and not yet run webhooks a failure; here it is not run until they all have run.
     */
    private static String status(List<String> latest) {
        List<String> triggered =
                latest.stream().filter(java.util.Objects::nonNull).toList();
        for (String status : List.of(TriggeredWebhook.RETRYING, TriggeredWebhook.FAILURE, TriggeredWebhook.NOT_RUN)) {
            if (triggered.contains(status)) {
                return status;
            }
        }
        return triggered.isEmpty() ? TriggeredWebhook.NOT_RUN : TriggeredWebhook.SUCCESS;
    }

    /** The webhooks triggered by a pact's publication, with the pact. */
    public record Triggered(PactRow pact, Integer verificationNumber, List<TriggeredWebhook> triggered) {}

    public Triggered triggeredByPact(String providerName, String consumerName, String consumerVersion) {
        PactService.Pair pair = pacts.pair(providerName, consumerName);
        PactRow pact = pacts.get(
                PactQuery.between(pair.consumer().id, pair.provider().id).consumerVersion(consumerVersion),
                "between " + consumerName + " and " + providerName + " for version " + consumerVersion);
        return new Triggered(pact, null, triggered.forPublication(pact.publicationId()));
    }

    public Triggered triggeredByVerification(String providerName, String consumerName, String sha, String number) {
        VerificationService.Found found = verifications.get(providerName, consumerName, sha, number);
        return new Triggered(
                found.pact(),
                found.verification().number(),
                triggered.forVerification(found.verification().id()));
    }

    /** A triggered webhook and its attempts. */
    public record Logs(TriggeredWebhook triggered, List<TriggeredWebhook.Execution> executions) {}

    public Logs logs(String uuid) {
        TriggeredWebhook t = triggered
                .findByUuid(uuid)
                .orElseThrow(() -> new NotFoundException("No triggered webhook with uuid " + uuid + " found"));
        return new Logs(t, triggered.executions(t.id()));
    }

    public int maxAttempts() {
        return policy.settings().maxAttempts();
    }

    // test runs

    /** A test run and whether its response may be shown. */
    public record TestRun(Webhook webhook, WebhookExecutor.Result result, boolean showResponse) {}

    /**
     * {@code POST /webhooks/{uuid}/execute}: sends the webhook now, with the newest pact (and verification) it applies
     * to, or placeholders. Nothing is stored. No transaction is open during the request.
     */
    public TestRun execute(String uuid, BrokerUrls urls) {
        return run(QuarkusTransaction.requiringNew().call(() -> get(uuid)), urls);
    }

    /** {@code POST /webhooks/execute}: tests a webhook that has not been saved (the body is validated as for one). */
    public TestRun executeUnsaved(ObjectNode body, BrokerUrls urls) {
        Webhook webhook = QuarkusTransaction.requiringNew().call(() -> {
            WebhookRequest request = parse(body, null);
            return webhook(request, request.consumer(), request.provider(), null);
        });
        return run(webhook, urls);
    }

    private TestRun run(Webhook webhook, BrokerUrls urls) {
        WebhookSettings settings = policy.settings();
        String base = urls.base();
        Map<String, String> parameters = QuarkusTransaction.requiringNew().call(() -> testParameters(webhook, urls));
        ObjectNode context = JsonBodies.STRICT.createObjectNode();
        context.put("base_url", base);
        context.put("event_name", WebhookEvents.TEST);
        WebhookExecutor.Result result = executor.execute(
                WebhookTemplate.render(webhook.request(), parameters),
                webhook.uuid(),
                context.toString(),
                base,
                settings,
                new WebhookExecutor.Messages(null, "Webhook execution failed"));
        return new TestRun(webhook, result, settings.showResponses());
    }

    private Map<String, String> testParameters(Webhook webhook, BrokerUrls urls) {
        Optional<PactRow> pact = facts.latestPactFor(webhook)
                .flatMap(k -> pacts.findOne(
                        PactQuery.between(k.consumerId(), k.providerId()).consumerVersion(k.consumerVersionNumber())));
        boolean verificationEvent = webhook.events().stream().anyMatch(WebhookEvents::isVerificationEvent);
        if (pact.isEmpty()) {
            return placeholders(urls, verificationEvent);
        }
        PactRow p = pact.get();
        Optional<EventFacts.VersionFacts> version = facts.version(p.consumerVersionId());
        Optional<EventFacts.VerificationFacts> v = verificationEvent
                ? facts.latestVerificationBetween(p.consumerId(), p.providerId())
                : facts.latestVerification(p.pactVersionId());
        List<String> tags = version.map(EventFacts.VersionFacts::tags).orElse(List.of());
        return TemplateParameters.of(new TemplateParameters.Source(
                WebhookEvents.TEST,
                p.consumerName(),
                p.providerName(),
                WebhookTriggers.pactUrl(urls, p, tags),
                p.consumerVersionNumber(),
                tags,
                version.map(EventFacts.VersionFacts::branch).orElse(null),
                v.map(EventFacts.VerificationFacts::providerVersionNumber).orElse(null),
                v.map(EventFacts.VerificationFacts::providerVersionTags).orElse(List.of()),
                v.map(EventFacts.VerificationFacts::providerVersionBranch).orElse(null),
                List.of(),
                v.map(EventFacts.VerificationFacts::success).orElse(null),
                v.map(x -> urls.verification(p.providerName(), p.consumerName(), x.sha(), x.number()))
                        .orElse(null),
                facts.labels(p.consumerId()),
                facts.labels(p.providerId()),
                null));
    }

    /** The Pact Broker's placeholder pact and verification, for a test run with no pact to show. */
    private static Map<String, String> placeholders(BrokerUrls urls, boolean verificationEvent) {
        String sha = "5d445a4612743728dfd99ccd4210423c052bb9db";
        String version = "gggghhhhjjjjkkkkllll66667777888899990000";
        PactRow pact = new PactRow(
                null,
                null,
                "placeholder-consumer",
                null,
                "placeholder-provider",
                null,
                version,
                null,
                1,
                null,
                sha,
                null,
                null);
        return TemplateParameters.of(new TemplateParameters.Source(
                WebhookEvents.TEST,
                "placeholder-consumer",
                "placeholder-provider",
                WebhookTriggers.pactUrl(urls, pact, List.of("dev")),
                version,
                List.of("dev"),
                "main",
                verificationEvent ? "aaaabbbbccccddddeeeeffff1111222233334444" : null,
                verificationEvent ? List.of("master") : List.of(),
                null,
                List.of(),
                verificationEvent ? Boolean.TRUE : null,
                verificationEvent ? urls.verification("placeholder-provider", "placeholder-consumer", sha, 1) : null,
                List.of("placeholder-consumer-label"),
                List.of("placeholder-provider-label"),
                null));
    }
}
