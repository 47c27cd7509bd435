package io.pactbroker.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactbroker.core.model.AsynchronousMessage;
import io.pactbroker.core.model.Generators;
import io.pactbroker.core.model.Headers;
import io.pactbroker.core.model.HttpInteraction;
import io.pactbroker.core.model.HttpRequest;
import io.pactbroker.core.model.HttpResponse;
import io.pactbroker.core.model.Interaction;
import io.pactbroker.core.model.MatchingRules;
import io.pactbroker.core.model.MessageContents;
import io.pactbroker.core.model.Pact;
import io.pactbroker.core.model.ProviderState;
import io.pactbroker.core.model.Query;
import io.pactbroker.core.model.SynchronousMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** The one implementation of the builders. Not thread-safe: a builder belongs to one test. */
final class PactBuilderImpl implements PactBuilder {

    private final String consumer;
    private final String provider;
    private final List<Interaction> interactions = new ArrayList<>();
    private final List<ProviderState> states = new ArrayList<>();
    private Request open;

    PactBuilderImpl(String consumer, String provider) {
        this.consumer = requireName(consumer, "consumer");
        this.provider = requireName(provider, "provider");
    }

    private static String requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the " + what + " name must not be blank");
        }
        return name;
    }

    @Override
    public PactBuilder given(String state) {
        return given(state, Map.of());
    }

    @Override
    public PactBuilder given(String state, Map<String, ?> params) {
        checkClosed();
        Objects.requireNonNull(state, "state");
        Map<String, JsonNode> json = new LinkedHashMap<>();
        params.forEach((k, v) -> json.put(k, Fragments.of(v).example()));
        states.add(ProviderState.of(state, json));
        return this;
    }

    @Override
    public RequestBuilder uponReceiving(String description) {
        checkClosed();
        open = new Request(requireDescription(description), takeStates());
        return open;
    }

    @Override
    public PactBuilder expectsToReceive(String description, Consumer<MessageBuilder> message) {
        checkClosed();
        String name = requireDescription(description);
        List<ProviderState> given = takeStates();
        Message m = new Message(name);
        message.accept(m);
        AsynchronousMessage built = new AsynchronousMessage(
                name, given, m.contents(), Optional.empty(), m.pending, m.comments(), Optional.empty(), Map.of());
        add(built);
        return this;
    }

    @Override
    public PactBuilder uponReceivingMessage(String description, Consumer<SyncMessageBuilder> exchange) {
        checkClosed();
        String name = requireDescription(description);
        List<ProviderState> given = takeStates();
        Exchange e = new Exchange(name);
        exchange.accept(e);
        if (e.request == null) {
            throw new IllegalArgumentException(
                    "synchronous message \"" + name + "\" has no request: add request(m -> m.content(...))");
        }
        SynchronousMessage built = new SynchronousMessage(
                name,
                given,
                e.request.contents(),
                e.responses.stream().map(Message::contents).toList(),
                Optional.empty(),
                e.pending,
                comments(e.comments),
                Optional.empty(),
                Map.of());
        add(built);
        return this;
    }

    @Override
    public List<Interaction> interactions() {
        checkClosed();
        return List.copyOf(interactions);
    }

    @Override
    public Pact toPact() {
        return Pact.of(consumer, provider, interactions());
    }

    String consumer() {
        return consumer;
    }

    String provider() {
        return provider;
    }

    private void add(Interaction interaction) {
        Validation.check(interaction);
        for (Interaction existing : interactions) {
            if (existing.description().equals(interaction.description())
                    && existing.providerStates().equals(interaction.providerStates())
                    && !existing.equals(interaction)) {
                throw new IllegalArgumentException("interaction \"" + interaction.description() + "\" is defined twice"
                        + " with different content; give each interaction its own description");
            }
        }
        if (!interactions.contains(interaction)) {
            interactions.add(interaction);
        }
    }

    private List<ProviderState> takeStates() {
        List<ProviderState> taken = List.copyOf(states);
        states.clear();
        return taken;
    }

    private void checkClosed() {
        if (open != null) {
            String description = open.description;
            open = null;
            throw new IllegalArgumentException("interaction \"" + description + "\" has no response: finish it with"
                    + " willRespondWith(...) before starting another");
        }
    }

    private static String requireDescription(String description) {
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("an interaction needs a description");
        }
        return description;
    }

    private static Map<String, JsonNode> comments(List<String> texts) {
        if (texts.isEmpty()) {
            return Map.of();
        }
        var array = Fragments.NODES.arrayNode();
        texts.forEach(array::add);
        return Map.of("text", array);
    }

    // ----------------------------------------------------------------------------------------------------- HTTP

    /** Headers with their rules and generators. */
    private static final class HeaderPart {
        Headers headers = Headers.empty();
        final MatchingRules.Builder rules = MatchingRules.builder();
        final Generators.Builder generators = Generators.builder();

        void set(String name, String... values) {
            if (values.length == 0) {
                throw new IllegalArgumentException("header '" + name + "': give at least one value");
            }
            headers = headers.with(name, List.of(values));
        }

        void set(String name, Matcher value) {
            headers = headers.with(name, TextValues.text(value, "header '" + name + "'"));
            value.ownRules().forEach(rule -> rules.add(MatchingRules.HEADER, name, rule));
            if (value.ownGenerator() != null) {
                generators.add(MatchingRules.HEADER, name, value.ownGenerator());
            }
        }

        Headers withContentType(Optional<String> contentType) {
            if (contentType.isPresent() && !headers.contains("Content-Type")) {
                return headers.with("Content-Type", contentType.get());
            }
            return headers;
        }
    }

    private final class Request implements RequestBuilder {
        final String description;
        final List<ProviderState> states;
        String method;
        String path;
        Matcher pathMatcher;
        final Map<String, List<String>> query = new LinkedHashMap<>();
        final MatchingRules.Builder queryRules = MatchingRules.builder();
        final Generators.Builder queryGenerators = Generators.builder();
        final HeaderPart headers = new HeaderPart();
        final BodyPart body = new BodyPart();
        final List<String> comments = new ArrayList<>();
        boolean pending;

        Request(String description, List<ProviderState> states) {
            this.description = description;
            this.states = states;
        }

        @Override
        public RequestBuilder method(String newMethod, String newPath) {
            if (newPath == null || !newPath.startsWith("/")) {
                throw new IllegalArgumentException(
                        "interaction \"" + description + "\": the path must start with '/' but was " + newPath);
            }
            method = Objects.requireNonNull(newMethod, "method");
            path = newPath;
            pathMatcher = null;
            return this;
        }

        @Override
        public RequestBuilder method(String newMethod, Matcher newPath) {
            method(newMethod, TextValues.text(newPath, "path"));
            pathMatcher = newPath;
            return this;
        }

        @Override
        public RequestBuilder query(String name, String... values) {
            if (values.length == 0) {
                throw new IllegalArgumentException("query parameter '" + name + "': give at least one value");
            }
            query.put(name, List.of(values));
            return this;
        }

        @Override
        public RequestBuilder query(String name, Matcher value) {
            query.put(name, List.of(TextValues.text(value, "query parameter '" + name + "'")));
            value.ownRules().forEach(rule -> queryRules.add(MatchingRules.QUERY, name, rule));
            if (value.ownGenerator() != null) {
                queryGenerators.add(MatchingRules.QUERY, name, value.ownGenerator());
            }
            return this;
        }

        @Override
        public RequestBuilder header(String name, String... values) {
            headers.set(name, values);
            return this;
        }

        @Override
        public RequestBuilder header(String name, Matcher value) {
            headers.set(name, value);
            return this;
        }

        @Override
        public RequestBuilder comment(String text) {
            comments.add(text);
            return this;
        }

        @Override
        public RequestBuilder pending() {
            pending = true;
            return this;
        }

        @Override
        public RequestBuilder body(Consumer<JsonObjectBuilder> object) {
            body.object(object);
            return this;
        }

        @Override
        public RequestBuilder body(Object exampleOrMatcher) {
            body.example(exampleOrMatcher);
            return this;
        }

        @Override
        public RequestBuilder jsonBody(String json) {
            body.jsonText(json, "application/json");
            return this;
        }

        @Override
        public RequestBuilder jsonBody(String json, String contentType) {
            body.jsonText(json, contentType);
            return this;
        }

        @Override
        public RequestBuilder textBody(String text) {
            body.text(text, "text/plain; charset=UTF-8");
            return this;
        }

        @Override
        public RequestBuilder textBody(String text, String contentType) {
            body.text(text, contentType);
            return this;
        }

        @Override
        public RequestBuilder textBody(Matcher text, String contentType) {
            body.text(text, contentType);
            return this;
        }

        @Override
        public RequestBuilder xmlBody(String xml) {
            body.xml(xml);
            return this;
        }

        @Override
        public RequestBuilder formBody(Map<String, ?> fields) {
            body.form(fields);
            return this;
        }

        @Override
        public RequestBuilder binaryBody(byte[] content, String contentType) {
            body.binary(content, contentType);
            return this;
        }

        @Override
        public PactBuilder willRespondWith(int status) {
            return willRespondWith(r -> r.status(status));
        }

        @Override
        public PactBuilder willRespondWith(int status, Consumer<JsonObjectBuilder> responseBody) {
            return willRespondWith(r -> r.status(status).body(responseBody));
        }

        @Override
        public PactBuilder willRespondWith(int status, Object bodyExampleOrMatcher) {
            return willRespondWith(r -> r.status(status).body(bodyExampleOrMatcher));
        }

        @Override
        public PactBuilder willRespondWith(Consumer<ResponseBuilder> definition) {
            if (open != this) {
                throw new IllegalArgumentException("interaction \"" + description
                        + "\" already has a response; start a new one with uponReceiving");
            }
            open = null;
            if (method == null) {
                throw new IllegalArgumentException("interaction \"" + description
                        + "\" has no request line: call get(\"/path\"), post(...) or method(...) first");
            }
            Response response = new Response();
            definition.accept(response);
            add(build(response));
            return PactBuilderImpl.this;
        }

        private HttpInteraction build(Response response) {
            MatchingRules.Builder rules = MatchingRules.builder();
            Generators.Builder generators = Generators.builder();
            if (pathMatcher != null) {
                pathMatcher.ownRules().forEach(rules::path);
                if (pathMatcher.ownGenerator() != null) {
                    generators.add(MatchingRules.PATH, "", pathMatcher.ownGenerator());
                }
            }
            merge(queryRules.build(), rules);
            merge(headers.rules.build(), rules);
            merge(queryGenerators.build(), generators);
            merge(headers.generators.build(), generators);
            body.addTo(rules, generators);
            HttpRequest request = new HttpRequest(
                    method,
                    path,
                    Query.of(query),
                    headers.withContentType(body.contentType),
                    body.body,
                    rules.build(),
                    generators.build());
            return new HttpInteraction(
                    description,
                    states,
                    request,
                    response.build(),
                    Optional.empty(),
                    pending,
                    comments(comments),
                    Optional.empty(),
                    Map.of());
        }
    }

    private static void merge(MatchingRules from, MatchingRules.Builder into) {
        from.categories().forEach((category, rules) -> rules.forEach((key, list) -> into.put(category, key, list)));
    }

    private static void merge(Generators from, Generators.Builder into) {
        from.categories()
                .forEach((category, generators) ->
                        generators.forEach((key, generator) -> into.add(category, key, generator)));
    }

    private static final class Response implements ResponseBuilder {
        int status = 200;
        Matcher statusMatcher;
        final HeaderPart headers = new HeaderPart();
        final BodyPart body = new BodyPart();

        @Override
        public ResponseBuilder status(int newStatus) {
            if (newStatus < 100 || newStatus > 999) {
                throw new IllegalArgumentException("status " + newStatus + " is not an HTTP status");
            }
            status = newStatus;
            statusMatcher = null;
            return this;
        }

        @Override
        public ResponseBuilder status(Matcher newStatus) {
            if (!newStatus.exampleNode().isIntegralNumber()) {
                throw new IllegalArgumentException(
                        "status: the example must be a number but was " + newStatus.exampleNode());
            }
            status(newStatus.exampleNode().intValue());
            statusMatcher = newStatus;
            return this;
        }

        @Override
        public ResponseBuilder header(String name, String... values) {
            headers.set(name, values);
            return this;
        }

        @Override
        public ResponseBuilder header(String name, Matcher value) {
            headers.set(name, value);
            return this;
        }

        @Override
        public ResponseBuilder body(Consumer<JsonObjectBuilder> object) {
            body.object(object);
            return this;
        }

        @Override
        public ResponseBuilder body(Object exampleOrMatcher) {
            body.example(exampleOrMatcher);
            return this;
        }

        @Override
        public ResponseBuilder jsonBody(String json) {
            body.jsonText(json, "application/json");
            return this;
        }

        @Override
        public ResponseBuilder jsonBody(String json, String contentType) {
            body.jsonText(json, contentType);
            return this;
        }

        @Override
        public ResponseBuilder textBody(String text) {
            body.text(text, "text/plain; charset=UTF-8");
            return this;
        }

        @Override
        public ResponseBuilder textBody(String text, String contentType) {
            body.text(text, contentType);
            return this;
        }

        @Override
        public ResponseBuilder textBody(Matcher text, String contentType) {
            body.text(text, contentType);
            return this;
        }

        @Override
        public ResponseBuilder xmlBody(String xml) {
            body.xml(xml);
            return this;
        }

        @Override
        public ResponseBuilder formBody(Map<String, ?> fields) {
            body.form(fields);
            return this;
        }

        @Override
        public ResponseBuilder binaryBody(byte[] content, String contentType) {
            body.binary(content, contentType);
            return this;
        }

        HttpResponse build() {
            MatchingRules.Builder rules = MatchingRules.builder();
            Generators.Builder generators = Generators.builder();
            if (statusMatcher != null) {
                statusMatcher.ownRules().forEach(rules::status);
                if (statusMatcher.ownGenerator() != null) {
                    generators.add(MatchingRules.STATUS, "", statusMatcher.ownGenerator());
                }
            }
            merge(headers.rules.build(), rules);
            merge(headers.generators.build(), generators);
            body.addTo(rules, generators);
            return new HttpResponse(
                    status, headers.withContentType(body.contentType), body.body, rules.build(), generators.build());
        }
    }

    // ------------------------------------------------------------------------------------------------- messages

    private static final class Message implements MessageBuilder {
        final String description;
        final BodyPart body = new BodyPart();
        final Map<String, JsonNode> metadata = new LinkedHashMap<>();
        final MatchingRules.Builder metadataRules = MatchingRules.builder();
        final Generators.Builder metadataGenerators = Generators.builder();
        final List<String> comments = new ArrayList<>();
        boolean pending;

        Message(String description) {
            this.description = description;
        }

        @Override
        public MessageBuilder content(Consumer<JsonObjectBuilder> object) {
            body.object(object);
            return this;
        }

        @Override
        public MessageBuilder content(Object exampleOrMatcher) {
            body.example(exampleOrMatcher);
            return this;
        }

        @Override
        public MessageBuilder jsonContent(String json) {
            body.jsonText(json, "application/json");
            return this;
        }

        @Override
        public MessageBuilder textContent(String text, String contentType) {
            body.text(text, contentType);
            return this;
        }

        @Override
        public MessageBuilder binaryContent(byte[] content, String contentType) {
            body.binary(content, contentType);
            return this;
        }

        @Override
        public MessageBuilder metadata(String key, Object valueOrMatcher) {
            Matcher value = Fragments.of(valueOrMatcher);
            if (value.isNested()) {
                throw new IllegalArgumentException("message \"" + description + "\", metadata '" + key
                        + "': use a plain value or a matcher of a single value");
            }
            metadata.put(key, value.exampleNode().deepCopy());
            value.ownRules().forEach(rule -> metadataRules.metadata(key, rule));
            if (value.ownGenerator() != null) {
                metadataGenerators.add(MatchingRules.METADATA, key, value.ownGenerator());
            }
            return this;
        }

        @Override
        public MessageBuilder comment(String text) {
            comments.add(text);
            return this;
        }

        @Override
        public MessageBuilder pending() {
            pending = true;
            return this;
        }

        Map<String, JsonNode> comments() {
            return PactBuilderImpl.comments(comments);
        }

        MessageContents contents() {
            MatchingRules.Builder rules = metadataRules.build().toBuilder();
            Generators.Builder generators = Generators.builder();
            merge(metadataGenerators.build(), generators);
            body.addTo(rules, generators);
            Map<String, JsonNode> meta = new LinkedHashMap<>();
            if (body.contentType.isPresent()
                    && metadata.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("contentType"))) {
                meta.put("contentType", Fragments.NODES.textNode(body.contentType.get()));
            }
            meta.putAll(metadata);
            return new MessageContents(body.body, meta, rules.build(), generators.build());
        }
    }

    private static final class Exchange implements SyncMessageBuilder {
        final String description;
        Message request;
        final List<Message> responses = new ArrayList<>();
        final List<String> comments = new ArrayList<>();
        boolean pending;

        Exchange(String description) {
            this.description = description;
        }

        @Override
        public SyncMessageBuilder request(Consumer<MessageBuilder> definition) {
            request = new Message(description);
            definition.accept(request);
            return this;
        }

        @Override
        public SyncMessageBuilder response(Consumer<MessageBuilder> definition) {
            Message response = new Message(description);
            definition.accept(response);
            responses.add(response);
            return this;
        }

        @Override
        public SyncMessageBuilder comment(String text) {
            comments.add(text);
            return this;
        }

        @Override
        public SyncMessageBuilder pending() {
            pending = true;
            return this;
        }
    }
}
