package io.pactbroker.verifier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.core.generators.Generation;
import io.pactbroker.core.generators.GeneratorContext;
import io.pactbroker.core.internal.Json;
import io.pactbroker.core.matching.MatchResult;
import io.pactbroker.core.matching.Matching;
import io.pactbroker.core.matching.Mismatch;
import io.pactbroker.core.model.AsynchronousMessage;
import io.pactbroker.core.model.Body;
import io.pactbroker.core.model.Headers;
import io.pactbroker.core.model.HttpInteraction;
import io.pactbroker.core.model.HttpRequest;
import io.pactbroker.core.model.HttpResponse;
import io.pactbroker.core.model.Interaction;
import io.pactbroker.core.model.MessageContents;
import io.pactbroker.core.model.ProviderState;
import io.pactbroker.core.model.SynchronousMessage;
import io.pactbroker.verifier.InteractionResult;
import io.pactbroker.verifier.MessageProducer;
import io.pactbroker.verifier.PactResult;
import io.pactbroker.verifier.ProducedMessage;
import io.pactbroker.verifier.ProviderRequest;
import io.pactbroker.verifier.RequestFilter;
import io.pactbroker.verifier.StateParams;
import io.pactbroker.verifier.VerificationException;
import io.pactbroker.verifier.VerificationResult;
import io.pactbroker.verifier.internal.VerifierConfig.StateRegistration;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Runs a verification: loads the pacts, verifies interactions one by one, reports and publishes. */
public final class Engine {

    private final VerifierConfig config;
    private final Console console;
    private final ProviderClient providerClient;
    private final ProviderClient messageClient;
    private final ProviderClient stateClient;

    public Engine(VerifierConfig config) {
        this.config = config;
        this.console = new Console(config.out());
        this.providerClient = config.baseUrl()
                .map(u -> new ProviderClient(u, config.trustAll(), config.requestTimeout()))
                .orElse(null);
        this.messageClient = config.messageEndpoint()
                .map(u -> new ProviderClient(u, config.trustAll(), config.requestTimeout()))
                .orElse(providerClient);
        this.stateClient = config.stateChangeUrl()
                .map(u -> new ProviderClient(u, config.trustAll(), config.requestTimeout()))
                .orElse(null);
    }

    public VerifierConfig config() {
        return config;
    }

    /** Reads every source. */
    public List<LoadedPact> load() {
        return new PactLoader(config.provider(), config.consumers(), config.out()).load(config.sources());
    }

    /** The interactions of a pact that the filters select, in order. */
    public List<Interaction> selected(LoadedPact pact) {
        List<Interaction> out = new ArrayList<>();
        for (Interaction i : pact.pact().interactions()) {
            if (config.filterDescription().isPresent()
                    && !config.filterDescription()
                            .get()
                            .matcher(i.description())
                            .find()) {
                continue;
            }
            if (config.filterNoState() && !i.providerStates().isEmpty()) {
                continue;
            }
            if (config.filterState().isPresent()
                    && i.providerStates().stream()
                            .noneMatch(s ->
                                    config.filterState().get().matcher(s.name()).find())) {
                continue;
            }
            out.add(i);
        }
        return out;
    }

    /** Prints the pact's header and the broker's notices for before the verification. */
    public void announce(LoadedPact pact) {
        console.pactHeader(pact);
    }

    /** Verifies one interaction (provider states, request or message, matching) and prints the outcome. */
    public InteractionResult verify(LoadedPact pact, Interaction interaction) {
        InteractionResult result = run(pact, interaction);
        console.interaction(result);
        return result;
    }

    /** The results of a pact. */
    public PactResult pactResult(LoadedPact pact, List<InteractionResult> results) {
        return new PactResult(
                pact.pact().consumer(),
                pact.pact().provider(),
                pact.source(),
                pact.shortDescription(),
                pact.pending(),
                pact.wip(),
                pact.notices(),
                results,
                pact.publishUrl());
    }

    /** Publishes (when configured), prints the after-verification notices and the summary; the run's result. */
    public VerificationResult finish(List<LoadedPact> pacts, List<PactResult> results) {
        List<VerificationResult.Publication> publications = new ArrayList<>();
        if (config.publish().isPresent()) {
            publications.addAll(new ResultPublisher(config.publish().get(), config.out()).publish(pacts, results));
        }
        for (int i = 0; i < pacts.size(); i++) {
            console.afterNotices(pacts.get(i), results.get(i), !publications.isEmpty());
        }
        VerificationResult result = new VerificationResult(config.provider(), results, publications);
        console.summary(result);
        return result;
    }

    private InteractionResult run(LoadedPact pact, Interaction interaction) {
        long start = System.nanoTime();
        boolean pending = pact.pending() || pact.wip() || interaction.pending();
        List<String> warnings = new ArrayList<>();
        List<Mismatch> mismatches = List.of();
        List<String> diff = List.of();
        Optional<String> error = Optional.empty();
        List<Runnable> tearDowns = new ArrayList<>();
        try {
            for (Consumer<Interaction> hook : config.beforeEach()) {
                hook.accept(interaction);
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (ProviderState state : interaction.providerStates()) {
                Optional<String> problem = setUp(interaction, state, values, tearDowns, warnings);
                if (problem.isPresent()) {
                    return result(pact, interaction, false, pending, List.of(), problem, List.of(), warnings, start);
                }
            }
            GeneratorContext context = GeneratorContext.provider(values);
            Check check;
            if (interaction instanceof HttpInteraction http) {
                check = verifyHttp(http, context, warnings);
            } else if (interaction instanceof AsynchronousMessage message) {
                check = verifyMessage(interaction, message.contents(), Optional.empty(), values, context, warnings);
            } else {
                SynchronousMessage sync = (SynchronousMessage) interaction;
                check = verifyMessage(interaction, null, Optional.of(sync), values, context, warnings);
            }
            mismatches = check.mismatches();
            diff = check.diff();
            error = check.error();
        } catch (Exception e) {
            error = Optional.of(describe(e));
        } finally {
            for (int i = tearDowns.size() - 1; i >= 0; i--) {
                try {
                    tearDowns.get(i).run();
                } catch (RuntimeException e) {
                    warnings.add(describe(e));
                }
            }
            for (Consumer<Interaction> hook : config.afterEach()) {
                try {
                    hook.accept(interaction);
                } catch (RuntimeException e) {
                    warnings.add("after-each hook failed: " + describe(e));
                }
            }
        }
        boolean passed = mismatches.isEmpty() && error.isEmpty();
        return result(pact, interaction, passed, pending, mismatches, error, diff, warnings, start);
    }

    private InteractionResult result(
            LoadedPact pact,
            Interaction interaction,
            boolean passed,
            boolean pending,
            List<Mismatch> mismatches,
            Optional<String> error,
            List<String> diff,
            List<String> warnings,
            long start) {
        return new InteractionResult(
                pact.pact().consumer(),
                interaction,
                passed,
                pending,
                mismatches,
                error,
                diff,
                warnings,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private record Check(List<Mismatch> mismatches, List<String> diff, Optional<String> error) {
        static Check error(String message) {
            return new Check(List.of(), List.of(), Optional.of(message));
        }
    }

    /** Sets one state up; a problem (no handler, the handler failed) or empty. */
    private Optional<String> setUp(
            Interaction interaction,
            ProviderState state,
            Map<String, Object> values,
            List<Runnable> tearDowns,
            List<String> warnings) {
        StateParams params = StateParams.of(state);
        Optional<StateRegistration> handler =
                config.states().stream().filter(r -> r.handles(state.name())).findFirst();
        if (handler.isPresent()) {
            Map<String, ?> returned;
            try {
                returned = handler.get().handler().setUp(params);
            } catch (Exception e) {
                return Optional.of("provider state \"" + state.name() + "\" failed to set up: " + describe(e));
            }
            if (returned != null) {
                values.putAll(returned);
            }
            tearDowns.add(() -> {
                try {
                    handler.get().handler().tearDown(params);
                } catch (Exception e) {
                    throw new IllegalStateException(
                            "provider state \"" + state.name() + "\" failed to tear down: " + describe(e), e);
                }
            });
            return Optional.empty();
        }
        if (stateClient != null) {
            try {
                values.putAll(stateChange(interaction, state, "setup"));
            } catch (IOException e) {
                return Optional.of("provider state \"" + state.name() + "\" failed to set up: " + e.getMessage());
            }
            if (config.stateChangeTeardown()) {
                tearDowns.add(() -> {
                    try {
                        stateChange(interaction, state, "teardown");
                    } catch (IOException e) {
                        throw new IllegalStateException(
                                "provider state \"" + state.name() + "\" failed to tear down: " + e.getMessage(), e);
                    }
                });
            }
            return Optional.empty();
        }
        if (config.ignoreMissingStates()) {
            warnings.add("provider state \"" + state.name() + "\" was not set up: no state change URL is configured");
            return Optional.empty();
        }
        String known = config.states().isEmpty()
                ? "there are no state handlers"
                : "the known states are "
                        + config.states().stream()
                                .map(StateRegistration::describe)
                                .collect(Collectors.joining(", "));
        return Optional.of("no state handler for provider state \"" + state.name() + "\": " + known
                + " (add one with .state(\"" + state.name() + "\", ...) or @State(\"" + state.name()
                + "\"), or give a state change URL)");
    }

    /** POSTs {@code {state, params, action}} (or the same as query parameters); the values a JSON answer holds. */
    private Map<String, Object> stateChange(Interaction interaction, ProviderState state, String action)
            throws IOException {
        ObjectNode body = Json.NODES.objectNode();
        body.put("state", state.name());
        ObjectNode params = body.putObject("params");
        state.params().forEach(params::set);
        body.put("action", action);
        ProviderRequest request;
        if (config.stateChangeAsQuery()) {
            StringBuilder query = new StringBuilder("state=" + encode(state.name()) + "&action=" + action);
            state.params().forEach((k, v) -> query.append('&')
                    .append(encode(k))
                    .append('=')
                    .append(encode(v.isTextual() ? v.textValue() : v.toString())));
            request = new ProviderRequest("POST", "", query.toString(), Headers.empty(), null, interaction);
        } else {
            request = new ProviderRequest(
                    "POST",
                    "",
                    "",
                    Headers.of("Content-Type", "application/json"),
                    Json.compact(body).getBytes(StandardCharsets.UTF_8),
                    interaction);
        }
        ProviderClient.Sent sent = stateClient.send(request);
        HttpResponse response = sent.response();
        if (response.status() < 200 || response.status() >= 300) {
            throw new IOException(
                    "the state change URL " + config.stateChangeUrl().orElseThrow() + " answered "
                            + response.status() + " to " + action
                            + (response.body().isPresent()
                                    ? ": " + abbreviate(response.body().text())
                                    : ""));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        if (response.body() instanceof Body.Json json && json.value().isObject()) {
            json.value().fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
        }
        return values;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Check verifyHttp(HttpInteraction interaction, GeneratorContext context, List<String> warnings)
            throws Exception {
        if (providerClient == null) {
            throw new VerificationException(
                    VerificationException.Kind.CONFIGURATION,
                    "no provider URL is configured, so HTTP interactions cannot be verified (set the provider's"
                            + " base URL)");
        }
        HttpRequest request = Generation.request(interaction.request(), context);
        ProviderRequest toSend = toProviderRequest(request, interaction);
        for (RequestFilter filter : config.filters()) {
            toSend = filter.filter(toSend);
            if (toSend == null) {
                throw new IllegalStateException("a request filter returned null");
            }
        }
        ProviderClient.Sent sent;
        try {
            sent = providerClient.send(toSend);
        } catch (IOException e) {
            return Check.error(e.getMessage() + " while sending " + toSend);
        }
        warnings.addAll(sent.warnings());
        HttpResponse expected = Generation.response(interaction.response(), context);
        MatchResult result = Matching.matchResponse(expected, sent.response());
        return new Check(
                result.mismatches(),
                diff(result, expected.body(), sent.response().body()),
                Optional.empty());
    }

    private static List<String> diff(MatchResult result, Body expected, Body actual) {
        boolean bodyMismatch = result.mismatches().stream().anyMatch(m -> m.kind() == Mismatch.Kind.BODY);
        return bodyMismatch ? BodyDiff.diff(expected, actual) : List.of();
    }

    /** The generated request as the filters see it: headers with a Content-Type for a body that declares one. */
    static ProviderRequest toProviderRequest(HttpRequest request, Interaction interaction) {
        Headers headers = request.headers();
        byte[] body = request.body().isPresent() ? request.body().bytes() : new byte[0];
        if (body.length > 0 && !headers.contains("Content-Type")) {
            Optional<String> type = request.body().contentType().map(Object::toString);
            if (type.isPresent()) {
                headers = headers.with("Content-Type", type.get());
            }
        }
        String query = request.query().isEmpty()
                ? ""
                : request.query().raw().orElseGet(() -> request.query().toQueryString());
        return new ProviderRequest(request.method(), request.path(), query, headers, body, interaction);
    }

    private Check verifyMessage(
            Interaction interaction,
            MessageContents asyncExpected,
            Optional<SynchronousMessage> sync,
            Map<String, Object> values,
            GeneratorContext context,
            List<String> warnings)
            throws Exception {
        MessageContents request =
                sync.map(s -> Generation.message(s.request(), context)).orElse(null);
        MessageContents actual;
        MessageProducer producer = config.producers().get(interaction.description());
        if (producer != null) {
            ProducedMessage produced = producer.produce(new MessageProducer.MessageRequest(
                    interaction.description(),
                    interaction.providerStates().stream().map(StateParams::of).toList(),
                    values,
                    request == null ? null : request.contents().bytes(),
                    request == null ? Map.of() : plain(request.metadata())));
            if (produced == null) {
                return Check.error("the message producer for \"" + interaction.description() + "\" returned null");
            }
            actual = toContents(produced);
        } else if (messageClient != null) {
            Optional<MessageContents> fromEndpoint = fromEndpoint(interaction, request, warnings);
            if (fromEndpoint.isEmpty()) {
                return Check.error(warnings.remove(warnings.size() - 1));
            }
            actual = fromEndpoint.get();
        } else {
            String known = config.producers().isEmpty()
                    ? "there are no message producers"
                    : "the known messages are "
                            + config.producers().keySet().stream()
                                    .map(k -> "\"" + k + "\"")
                                    .collect(Collectors.joining(", "));
            return Check.error("no message producer for \"" + interaction.description() + "\": " + known
                    + " (add one with .messageProducer(\"" + interaction.description()
                    + "\", ...), or give a provider URL whose message endpoint produces it)");
        }
        if (sync.isPresent()) {
            List<MessageContents> expected = sync.get().responses().stream()
                    .map(r -> Generation.message(r, context))
                    .toList();
            MatchResult result = Matching.matchMessageResponses(expected, List.of(actual));
            return new Check(
                    result.mismatches(),
                    expected.isEmpty()
                            ? List.of()
                            : diff(result, expected.get(0).contents(), actual.contents()),
                    Optional.empty());
        }
        MessageContents expected = Generation.message(asyncExpected, context);
        MatchResult result = Matching.matchMessage(expected, actual);
        return new Check(result.mismatches(), diff(result, expected.contents(), actual.contents()), Optional.empty());
    }

    private static Map<String, Object> plain(Map<String, JsonNode> metadata) {
        Map<String, Object> out = new LinkedHashMap<>();
        metadata.forEach((k, v) -> out.put(k, v.isTextual() ? v.textValue() : v));
        return out;
    }

    static MessageContents toContents(ProducedMessage produced) {
        Map<String, JsonNode> metadata = new LinkedHashMap<>();
        metadata.put("contentType", Json.NODES.textNode(produced.contentType()));
        produced.metadata().forEach((k, v) -> metadata.put(k, toJson(v)));
        return MessageContents.of(Body.fromBytes(produced.contents(), produced.contentType()))
                .withMetadata(metadata);
    }

    private static JsonNode toJson(Object value) {
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String s) {
            return Json.NODES.textNode(s);
        }
        return Json.mapper().valueToTree(value);
    }

    /**
     * The Pact convention for message providers (the Rust verifier's, which pact-js and pact-go use): POST {@code
     * {"description", "providerStates"[, "request"]}} to the endpoint; the answer's body is the message, its {@code
     * Content-Type} the content type, and a {@code Pact-Message-Metadata} header (base64 JSON) the metadata.
     */
    private Optional<MessageContents> fromEndpoint(
            Interaction interaction, MessageContents request, List<String> warnings) throws IOException {
        ObjectNode body = Json.NODES.objectNode();
        body.put("description", interaction.description());
        if (!interaction.providerStates().isEmpty()) {
            ArrayNode states = body.putArray("providerStates");
            for (ProviderState state : interaction.providerStates()) {
                ObjectNode s = states.addObject();
                s.put("name", state.name());
                if (!state.params().isEmpty()) {
                    ObjectNode params = s.putObject("params");
                    state.params().forEach(params::set);
                }
            }
        }
        if (request != null) {
            ObjectNode r = body.putObject("request");
            ObjectNode contents = r.putObject("contents");
            Body content = request.contents();
            if (content instanceof Body.Json json) {
                contents.set("content", json.value());
                contents.put("contentType", json.type().toString());
                contents.put("encoded", false);
            } else if (content instanceof Body.Text text) {
                contents.put("content", text.value());
                text.declaredType().ifPresent(t -> contents.put("contentType", t.toString()));
                contents.put("encoded", false);
            } else if (content.isPresent()) {
                contents.put("content", Base64.getEncoder().encodeToString(content.bytes()));
                content.contentType().ifPresent(t -> contents.put("contentType", t.toString()));
                contents.put("encoded", "base64");
            }
            ObjectNode metadata = r.putObject("metadata");
            request.metadata().forEach(metadata::set);
        }
        ProviderRequest post = new ProviderRequest(
                "POST",
                "",
                "",
                Headers.of("Content-Type", "application/json", "Accept", "*/*"),
                Json.compact(body).getBytes(StandardCharsets.UTF_8),
                interaction);
        ProviderClient.Sent sent;
        try {
            sent = messageClient.send(post);
        } catch (IOException e) {
            warnings.add(
                    e.getMessage() + " while asking the message endpoint for \"" + interaction.description() + "\"");
            return Optional.empty();
        }
        HttpResponse response = sent.response();
        if (response.status() < 200 || response.status() >= 300) {
            warnings.add("the message endpoint " + messageClient.target(post) + " answered " + response.status()
                    + " for \"" + interaction.description() + "\""
                    + (response.body().isPresent()
                            ? ": " + abbreviate(response.body().text())
                            : ""));
            return Optional.empty();
        }
        Map<String, JsonNode> metadata = new LinkedHashMap<>();
        response.headers().first("Content-Type").ifPresent(t -> metadata.put("contentType", Json.NODES.textNode(t)));
        Optional<String> header = response.headers().first("Pact-Message-Metadata");
        if (header.isPresent()) {
            try {
                JsonNode decoded =
                        Json.parse(Base64.getDecoder().decode(header.get().trim()));
                decoded.fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue()));
            } catch (IOException | IllegalArgumentException e) {
                warnings.add("the Pact-Message-Metadata header is not base64-encoded JSON: " + e.getMessage());
            }
        }
        return Optional.of(MessageContents.of(response.body()).withMetadata(metadata));
    }

    static String abbreviate(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }

    /** An exception as a sentence: the user's own exception class and message, unwrapped from reflection. */
    public static String describe(Throwable e) {
        Throwable t = e;
        while ((t instanceof InvocationTargetException || t instanceof java.lang.reflect.UndeclaredThrowableException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof VerificationException || t instanceof IllegalStateException && t.getCause() != null) {
            return t.getMessage();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** The base URL, for messages. */
    public Optional<URI> baseUrl() {
        return config.baseUrl();
    }
}
