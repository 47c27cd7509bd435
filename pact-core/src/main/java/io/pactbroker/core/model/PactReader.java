package io.pactbroker.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pactbroker.core.PactSpecification;
import io.pactbroker.core.hash.ContentHash;
import io.pactbroker.core.internal.ContentSniffer;
import io.pactbroker.core.internal.Json;
import io.pactbroker.core.model.internal.RulesJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads pact files of every specification version (V1, V1.1, V2, V3, V4), leniently where real files vary: V1.1's
 * {@code providerState}, Ruby's {@code provider_state}, missing metadata (the version is then inferred), V2 flat
 * matching rules keyed by {@code $.body...}, query strings or maps, header values as strings or lists, V3 message
 * pacts, and V4's typed interactions. Truly malformed input fails with a {@link PactReadException} saying what and
 * where.
 *
 * <pre>{@code
 * Pact pact = PactReader.read(Path.of("pacts/web-orders.json"));
 * HttpRequest expected = PactReader.readRequest(requestJson, PactSpecification.V3);
 * }</pre>
 */
public final class PactReader {

    private static final Set<String> BODY_ATTRIBUTES = Set.of("content", "contentType", "contentTypeHint", "encoded");
    private static final Set<String> HTTP_FIELDS = Set.of(
            "type",
            "description",
            "providerState",
            "provider_state",
            "providerStates",
            "request",
            "response",
            "key",
            "pending",
            "comments",
            "_id");
    private static final Set<String> MESSAGE_FIELDS = Set.of(
            "type",
            "description",
            "providerState",
            "provider_state",
            "providerStates",
            "contents",
            "metaData",
            "metadata",
            "matchingRules",
            "generators",
            "request",
            "response",
            "key",
            "pending",
            "comments",
            "_id");
    private static final Set<String> SPEC_KEYS =
            Set.of("pactSpecification", "pact-specification", "pactSpecificationVersion");

    private PactReader() {}

    /** Reads a pact from JSON text (a leading byte order mark is ignored). */
    public static Pact read(String json) {
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        JsonNode tree;
        try {
            tree = Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new PactReadException("", "not valid JSON: " + e.getOriginalMessage() + " at " + location(e), e);
        }
        return read(tree);
    }

    /** Reads a pact file (UTF-8). */
    public static Pact read(Path file) throws IOException {
        return read(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Reads a parsed pact. The tree is not modified. */
    public static Pact read(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new PactReadException("", "a pact must be a JSON object");
        }
        String consumer = name(tree, "consumer");
        String provider = name(tree, "provider");
        PactSpecification spec = specification(tree);
        List<Interaction> interactions = new ArrayList<>();
        JsonNode http = tree.get("interactions");
        if (http != null && !http.isNull()) {
            if (!http.isArray()) {
                throw new PactReadException("interactions", "must be an array but was " + RulesJson.kind(http));
            }
            for (int i = 0; i < http.size(); i++) {
                interactions.add(interaction(http.get(i), spec, "interactions[" + i + "]", false));
            }
        }
        JsonNode messages = tree.get("messages");
        if (messages != null && !messages.isNull()) {
            if (!messages.isArray()) {
                throw new PactReadException("messages", "must be an array but was " + RulesJson.kind(messages));
            }
            for (int i = 0; i < messages.size(); i++) {
                interactions.add(interaction(messages.get(i), spec, "messages[" + i + "]", true));
            }
        }
        Map<String, JsonNode> metadata = new LinkedHashMap<>();
        JsonNode metadataNode = tree.get("metadata");
        if (metadataNode != null && metadataNode.isObject()) {
            metadataNode.properties().forEach(e -> {
                if (!SPEC_KEYS.contains(e.getKey())) {
                    metadata.put(e.getKey(), e.getValue().deepCopy());
                }
            });
        }
        return new Pact(consumer, provider, interactions, metadata, spec);
    }

    /**
     * Reads one interaction of a pact of the given version: an HTTP interaction, or a message when it has {@code
     * contents} (V3) or a message {@code type} (V4).
     */
    public static Interaction readInteraction(JsonNode node, PactSpecification spec) {
        return interaction(node, spec, "", false);
    }

    /** Reads the {@code request} part of an HTTP interaction. */
    public static HttpRequest readRequest(JsonNode node, PactSpecification spec) {
        return request(node, spec, "");
    }

    /** Reads the {@code response} part of an HTTP interaction. */
    public static HttpResponse readResponse(JsonNode node, PactSpecification spec) {
        return response(node, spec, "");
    }

    /** Reads a message's contents, metadata, rules and generators (a V3 message, or a V4 message part). */
    public static MessageContents readMessage(JsonNode node, PactSpecification spec) {
        return messageContents(node, spec.compareTo(PactSpecification.V4) >= 0, "");
    }

    // -------------------------------------------------------------------------------------------- document

    private static String name(JsonNode tree, String role) {
        JsonNode party = tree.get(role);
        if (party == null || party.isNull()) {
            throw new PactReadException(role, "the " + role + " is missing");
        }
        JsonNode name = party.isObject() ? party.get("name") : party;
        if (name == null || !name.isTextual() || name.textValue().isBlank()) {
            throw new PactReadException(role + ".name", "the " + role + " has no name");
        }
        return name.textValue();
    }

    private static PactSpecification specification(JsonNode tree) {
        JsonNode version = ContentHash.specificationVersion(tree);
        if (version != null && !version.isNull()) {
            String text = version.isTextual() ? version.textValue() : version.asText();
            return PactSpecification.parse(text)
                    .orElseThrow(() -> new PactReadException(
                            "metadata.pactSpecification.version",
                            "'" + text + "' is not a known specification version"));
        }
        return inferSpecification(tree);
    }

    /** Without metadata, the shape of the document tells the version. */
    private static PactSpecification inferSpecification(JsonNode tree) {
        JsonNode interactions = tree.path("interactions");
        for (JsonNode interaction : interactions) {
            if (interaction.has("type")) {
                return PactSpecification.V4;
            }
        }
        if (tree.has("messages")) {
            return PactSpecification.V3;
        }
        for (JsonNode interaction : interactions) {
            if (interaction.has("providerStates")
                    || interaction.path("request").path("query").isObject()
                    || interaction.path("request").has("generators")
                    || interaction.path("response").has("generators")
                    || isV3Rules(interaction.path("request").path("matchingRules"))
                    || isV3Rules(interaction.path("response").path("matchingRules"))) {
                return PactSpecification.V3;
            }
        }
        return PactSpecification.V2;
    }

    private static boolean isV3Rules(JsonNode rules) {
        return rules.isObject()
                && !rules.isEmpty()
                && !rules.fieldNames().next().startsWith("$");
    }

    // -------------------------------------------------------------------------------------------- interactions

    private static Interaction interaction(JsonNode node, PactSpecification spec, String where, boolean message) {
        if (node == null || !node.isObject()) {
            throw new PactReadException(where, "an interaction must be an object");
        }
        String description = node.hasNonNull("description") ? RulesJson.text(node.get("description")) : "";
        List<ProviderState> states = providerStates(node, where);
        Optional<String> key = text(node, "key");
        boolean pending = node.path("pending").asBoolean(false);
        Map<String, JsonNode> comments = objectEntries(node.get("comments"));
        Optional<String> id = text(node, "_id");
        JsonNode typeNode = node.get("type");
        String type = typeNode != null && typeNode.isTextual() ? typeNode.textValue() : null;
        boolean v4 = type != null || spec.compareTo(PactSpecification.V4) >= 0;
        if (type == null) {
            type = message || node.has("contents") ? "Asynchronous/Messages" : "Synchronous/HTTP";
        }
        switch (type) {
            case "Synchronous/HTTP": {
                Map<String, JsonNode> extensions = extensions(node, HTTP_FIELDS);
                HttpRequest request = request(
                        required(node, "request", where), v4 ? PactSpecification.V4 : spec, at(where, "request"));
                HttpResponse response =
                        response(node.get("response"), v4 ? PactSpecification.V4 : spec, at(where, "response"));
                return new HttpInteraction(
                        description, states, request, response, key, pending, comments, id, extensions);
            }
            case "Asynchronous/Messages": {
                Map<String, JsonNode> extensions = extensions(node, MESSAGE_FIELDS);
                MessageContents contents = messageContents(node, v4, where);
                return new AsynchronousMessage(description, states, contents, key, pending, comments, id, extensions);
            }
            case "Synchronous/Messages": {
                Map<String, JsonNode> extensions = extensions(node, MESSAGE_FIELDS);
                MessageContents request = messageContents(required(node, "request", where), true, at(where, "request"));
                List<MessageContents> responses = new ArrayList<>();
                JsonNode responseNode = node.get("response");
                if (responseNode != null && responseNode.isArray()) {
                    for (int i = 0; i < responseNode.size(); i++) {
                        responses.add(
                                messageContents(responseNode.get(i), true, at(where, "response") + "[" + i + "]"));
                    }
                } else if (responseNode != null && responseNode.isObject()) {
                    responses.add(messageContents(responseNode, true, at(where, "response")));
                }
                return new SynchronousMessage(
                        description, states, request, responses, key, pending, comments, id, extensions);
            }
            default:
                throw new PactReadException(
                        at(where, "type"),
                        "'" + type + "' is not an interaction type (Synchronous/HTTP, Asynchronous/Messages,"
                                + " Synchronous/Messages)");
        }
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new PactReadException(at(where, field), value == null ? "is missing" : "must be an object");
        }
        return value;
    }

    private static String at(String where, String field) {
        return where.isEmpty() ? field : where + "." + field;
    }

    private static List<ProviderState> providerStates(JsonNode node, String where) {
        List<ProviderState> states = new ArrayList<>();
        JsonNode list = node.get("providerStates");
        if (list != null && list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                JsonNode state = list.get(i);
                if (state.isTextual()) {
                    states.add(ProviderState.of(state.textValue()));
                } else if (state.isObject() && state.hasNonNull("name")) {
                    states.add(ProviderState.of(RulesJson.text(state.get("name")), objectEntries(state.get("params"))));
                } else {
                    throw new PactReadException(
                            at(where, "providerStates") + "[" + i + "]", "a provider state needs a 'name'");
                }
            }
            return states;
        }
        for (String field : List.of("providerState", "provider_state")) {
            JsonNode state = node.get(field);
            if (state != null && state.isTextual() && !state.textValue().isEmpty()) {
                states.add(ProviderState.of(state.textValue()));
                return states;
            }
        }
        return states;
    }

    private static Map<String, JsonNode> extensions(JsonNode node, Set<String> known) {
        Map<String, JsonNode> extensions = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            if (!known.contains(e.getKey())) {
                extensions.put(e.getKey(), e.getValue().deepCopy());
            }
        });
        return extensions;
    }

    private static Map<String, JsonNode> objectEntries(JsonNode node) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> map.put(e.getKey(), e.getValue().deepCopy()));
        }
        return map;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(RulesJson.text(value));
    }

    // -------------------------------------------------------------------------------------------- HTTP parts

    private static HttpRequest request(JsonNode node, PactSpecification spec, String where) {
        if (node == null || !node.isObject()) {
            throw new PactReadException(where, "a request must be an object");
        }
        boolean v4 = spec.compareTo(PactSpecification.V4) >= 0;
        String method = node.hasNonNull("method") ? RulesJson.text(node.get("method")) : "GET";
        String path = node.hasNonNull("path") ? RulesJson.text(node.get("path")) : "/";
        Query query = query(node.get("query"), at(where, "query"));
        Headers headers = headers(node.get("headers"), at(where, "headers"));
        Body body = v4 ? v4Body(node.get("body"), headers, at(where, "body")) : body(node.get("body"), headers);
        MatchingRules rules = RulesJson.readRules(node.get("matchingRules"), at(where, "matchingRules"));
        Generators generators = RulesJson.readGenerators(node.get("generators"), at(where, "generators"));
        return new HttpRequest(method, path, query, headers, body, rules, generators);
    }

    private static HttpResponse response(JsonNode node, PactSpecification spec, String where) {
        if (node == null || node.isNull()) {
            return HttpResponse.of(200);
        }
        if (!node.isObject()) {
            throw new PactReadException(where, "a response must be an object");
        }
        boolean v4 = spec.compareTo(PactSpecification.V4) >= 0;
        int status = 200;
        JsonNode statusNode = node.get("status");
        if (statusNode != null && !statusNode.isNull()) {
            if (statusNode.isIntegralNumber()) {
                status = statusNode.intValue();
            } else if (statusNode.isTextual() && statusNode.textValue().trim().matches("\\d{3}")) {
                status = Integer.parseInt(statusNode.textValue().trim());
            } else {
                throw new PactReadException(at(where, "status"), "'" + statusNode + "' is not an HTTP status");
            }
        }
        Headers headers = headers(node.get("headers"), at(where, "headers"));
        Body body = v4 ? v4Body(node.get("body"), headers, at(where, "body")) : body(node.get("body"), headers);
        MatchingRules rules = RulesJson.readRules(node.get("matchingRules"), at(where, "matchingRules"));
        Generators generators = RulesJson.readGenerators(node.get("generators"), at(where, "generators"));
        return new HttpResponse(status, headers, body, rules, generators);
    }

    private static Query query(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return Query.empty();
        }
        if (node.isTextual()) {
            return Query.parse(node.textValue());
        }
        if (node.isObject()) {
            Map<String, List<String>> map = new LinkedHashMap<>();
            node.properties().forEach(e -> {
                List<String> values = new ArrayList<>();
                JsonNode value = e.getValue();
                if (value.isArray()) {
                    value.forEach(v -> values.add(RulesJson.text(v)));
                } else if (!value.isNull()) {
                    values.add(RulesJson.text(value));
                }
                map.put(e.getKey(), values);
            });
            return Query.of(map);
        }
        throw new PactReadException(where, "a query must be a string or an object but was " + RulesJson.kind(node));
    }

    private static Headers headers(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return Headers.empty();
        }
        if (!node.isObject()) {
            throw new PactReadException(where, "headers must be an object but were " + RulesJson.kind(node));
        }
        Headers.Builder builder = Headers.builder();
        node.properties().forEach(e -> {
            JsonNode value = e.getValue();
            if (value.isTextual()) {
                builder.addParsed(e.getKey(), value.textValue());
            } else if (value.isArray()) {
                List<String> values = new ArrayList<>();
                value.forEach(v -> values.add(RulesJson.text(v)));
                builder.addAll(e.getKey(), values);
            } else if (!value.isNull()) {
                builder.add(e.getKey(), value.toString());
            }
        });
        return builder.build();
    }

    // -------------------------------------------------------------------------------------------- bodies

    /** A V1 to V3 body: JSON inline, or a string whose meaning depends on the content type. */
    private static Body body(JsonNode value, Headers headers) {
        if (value == null || value.isMissingNode()) {
            return Body.missing();
        }
        if (value.isNull()) {
            return Body.nullBody();
        }
        Optional<ContentType> declared = headers.contentType();
        if (value.isTextual()) {
            return stringBody(value.textValue(), declared);
        }
        return Body.json(value.deepCopy(), declared.filter(ContentType::isJson).orElse(ContentType.JSON));
    }

    private static Body stringBody(String text, Optional<ContentType> declared) {
        if (text.isEmpty()) {
            return new Body.Text("", declared);
        }
        ContentType type = declared.orElseGet(() -> ContentSniffer.detect(text));
        if (type.isJson()) {
            try {
                JsonNode parsed = Json.parse(text);
                if (parsed.isObject() || parsed.isArray() || parsed.isTextual()) {
                    return Body.json(parsed, type);
                }
            } catch (JsonProcessingException e) {
                // Not a JSON document: the text is a JSON string.
            }
            return Body.json(TextNode.valueOf(text), type);
        }
        if (type.isText() || declared.isEmpty()) {
            return Body.text(text, type);
        }
        try {
            return Body.binary(Base64.getMimeDecoder().decode(text), type);
        } catch (IllegalArgumentException e) {
            return Body.text(text, type);
        }
    }

    /** A V4 body: {@code {"content": ..., "contentType": ..., "encoded": false|"base64"|"json"}}. */
    private static Body v4Body(JsonNode value, Headers headers, String where) {
        if (value == null || value.isMissingNode()) {
            return Body.missing();
        }
        if (value.isNull()) {
            return Body.nullBody();
        }
        if (!value.isObject()) {
            return body(value, headers);
        }
        if (!value.has("content")) {
            boolean onlyAttributes = true;
            var names = value.fieldNames();
            while (names.hasNext()) {
                onlyAttributes &= BODY_ATTRIBUTES.contains(names.next());
            }
            return onlyAttributes ? Body.missing() : Body.json(value.deepCopy());
        }
        JsonNode content = value.get("content");
        if (content.isNull()) {
            return Body.nullBody();
        }
        Optional<ContentType> declared = value.hasNonNull("contentType")
                ? ContentType.parse(RulesJson.text(value.get("contentType")))
                : headers.contentType();
        String hint = value.path("contentTypeHint").asText("").toUpperCase(Locale.ROOT);
        JsonNode encodedNode = value.get("encoded");
        String encoding = "";
        if (encodedNode != null && encodedNode.isTextual()) {
            encoding = encodedNode.textValue().toLowerCase(Locale.ROOT);
        } else if (encodedNode != null && encodedNode.isBoolean() && encodedNode.booleanValue()) {
            encoding = "base64";
        }
        if (encoding.equals("base64")) {
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(RulesJson.text(content));
            } catch (IllegalArgumentException e) {
                throw new PactReadException(at(where, "content"), "is marked as base64 but is not: " + e.getMessage());
            }
            if (hint.equals("BINARY")) {
                return new Body.Binary(bytes, declared);
            }
            return Body.fromBytes(bytes, declared.map(ContentType::toString).orElse(null));
        }
        if (encoding.equals("json")) {
            try {
                return Body.json(Json.parse(RulesJson.text(content)), declared.orElse(ContentType.JSON));
            } catch (JsonProcessingException e) {
                throw new PactReadException(
                        at(where, "content"), "is marked as JSON but does not parse: " + e.getOriginalMessage());
            }
        }
        if (declared.isPresent() && declared.get().isJson() && !hint.equals("TEXT") && !hint.equals("BINARY")) {
            if (content.isTextual() && content.textValue().isEmpty()) {
                return new Body.Text("", declared);
            }
            return Body.json(content.deepCopy(), declared.get());
        }
        String text = RulesJson.text(content);
        if (text.isEmpty()) {
            return new Body.Text("", declared);
        }
        if (hint.equals("BINARY")) {
            return new Body.Binary(text.getBytes(StandardCharsets.UTF_8), declared);
        }
        ContentType type = declared.orElseGet(() -> ContentSniffer.detect(text));
        if (type.isJson() && !hint.equals("TEXT")) {
            try {
                return Body.json(Json.parse(text), type);
            } catch (JsonProcessingException e) {
                return Body.text(text, type);
            }
        }
        if (type.isText() || hint.equals("TEXT")) {
            return Body.text(text, type);
        }
        return new Body.Binary(text.getBytes(StandardCharsets.UTF_8), Optional.of(type));
    }

    // -------------------------------------------------------------------------------------------- messages

    private static MessageContents messageContents(JsonNode node, boolean v4, String where) {
        JsonNode metadataNode = node.has("metadata") ? node.get("metadata") : node.get("metaData");
        Map<String, JsonNode> metadata = objectEntries(metadataNode);
        Headers contentTypeHeader = Headers.empty();
        for (Map.Entry<String, JsonNode> e : metadata.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if ((key.equals("contenttype") || key.equals("content-type"))
                    && e.getValue().isTextual()) {
                contentTypeHeader = Headers.of("Content-Type", e.getValue().textValue());
            }
        }
        Body contents = v4
                ? v4Body(node.get("contents"), contentTypeHeader, at(where, "contents"))
                : body(node.get("contents"), contentTypeHeader);
        MatchingRules rules = RulesJson.readRules(node.get("matchingRules"), at(where, "matchingRules"));
        Generators generators = RulesJson.readGenerators(node.get("generators"), at(where, "generators"));
        return new MessageContents(contents, metadata, rules, generators);
    }

    private static String location(JsonProcessingException e) {
        if (e.getLocation() == null) {
            return "an unknown position";
        }
        return "line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
    }
}
