package io.pactbroker.core.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.core.PactSpecification;
import io.pactbroker.core.internal.ContentSniffer;
import io.pactbroker.core.internal.Json;
import io.pactbroker.core.model.internal.RulesJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Writes pacts as canonical JSON (object keys sorted, interactions in their given order, two-space indentation, a
 * trailing newline), so that the same pact always gives the same bytes and files diff cleanly. A pact can be written
 * at V2, V3 or V4; writing at a lower version than the pact's own reports everything that could not be represented
 * instead of dropping it silently.
 *
 * <pre>{@code
 * WriteResult result = PactWriter.write(pact, PactSpecification.V3);
 * if (!result.isLossless()) {
 *     result.warnings().forEach(System.err::println);
 * }
 * Files.writeString(Path.of("pacts/web-orders.json"), result.json());
 * }</pre>
 */
public final class PactWriter {

    private PactWriter() {}

    /** Writes the pact at its own specification version (V1 and V1.1 pacts are written as V2). */
    public static WriteResult write(Pact pact) {
        PactSpecification version =
                pact.specification().compareTo(PactSpecification.V2) < 0 ? PactSpecification.V2 : pact.specification();
        return write(pact, version);
    }

    /**
     * Writes the pact at the given version (V2, V3 or V4).
     *
     * @throws IllegalArgumentException for V1 and V1.1, which are only read
     */
    public static WriteResult write(Pact pact, PactSpecification version) {
        if (version.compareTo(PactSpecification.V2) < 0) {
            throw new IllegalArgumentException("Pacts can be written at V2, V3 or V4, not " + version);
        }
        List<String> warnings = new ArrayList<>();
        ObjectNode root = Json.NODES.objectNode();
        root.putObject("consumer").put("name", pact.consumer());
        root.putObject("provider").put("name", pact.provider());
        ArrayNode interactions = Json.NODES.arrayNode();
        ArrayNode messages = Json.NODES.arrayNode();
        for (Interaction interaction : pact.interactions()) {
            String label = "interaction '" + interaction.description() + "'";
            Consumer<String> warn = w -> warnings.add(label + ": " + w);
            if (version == PactSpecification.V4) {
                interactions.add(v4Interaction(interaction, warn));
            } else if (interaction instanceof HttpInteraction http) {
                interactions.add(legacyHttp(http, version, warn));
            } else if (interaction instanceof AsynchronousMessage message) {
                if (version == PactSpecification.V2) {
                    warn.accept("messages cannot be written as V2 and the message was left out");
                } else {
                    messages.add(v3Message(message, warn));
                }
            } else {
                warn.accept(
                        "synchronous messages cannot be written as " + version + " and the interaction was left out");
            }
        }
        if (!interactions.isEmpty() || messages.isEmpty()) {
            root.set("interactions", interactions);
        }
        if (!messages.isEmpty()) {
            if (!interactions.isEmpty()) {
                warnings.add("the pact has both HTTP interactions and messages; V3 keeps them in one file under"
                        + " 'interactions' and 'messages', which some V3 tools do not read together");
            }
            root.set("messages", messages);
        }
        ObjectNode metadata = root.putObject("metadata");
        pact.metadata().forEach((k, v) -> metadata.set(k, v.deepCopy()));
        metadata.putObject("pactSpecification").put("version", version.version());
        return new WriteResult(Json.canonical(root), root, warnings);
    }

    // -------------------------------------------------------------------------------------------- V2 and V3

    private static ObjectNode legacyHttp(HttpInteraction http, PactSpecification version, Consumer<String> warn) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("description", http.description());
        providerStates(node, http.providerStates(), version, warn);
        v4Only(http, warn, version);
        node.set("request", legacyRequest(http.request(), version, warn));
        node.set("response", legacyResponse(http.response(), version, warn));
        common(node, http);
        return node;
    }

    private static void providerStates(
            ObjectNode node, List<ProviderState> states, PactSpecification version, Consumer<String> warn) {
        if (states.isEmpty()) {
            return;
        }
        if (version == PactSpecification.V2) {
            node.put("providerState", states.get(0).name());
            if (states.size() > 1) {
                warn.accept("V2 allows one provider state; '"
                        + String.join(
                                "', '",
                                states.stream().skip(1).map(ProviderState::name).toList())
                        + "' left out");
            }
            for (ProviderState state : states.subList(0, 1)) {
                if (!state.params().isEmpty()) {
                    warn.accept("the parameters of provider state '" + state.name()
                            + "' cannot be written as V2 and were left out");
                }
            }
            return;
        }
        ArrayNode list = node.putArray("providerStates");
        for (ProviderState state : states) {
            ObjectNode s = list.addObject();
            s.put("name", state.name());
            if (!state.params().isEmpty()) {
                ObjectNode params = s.putObject("params");
                state.params().forEach((k, v) -> params.set(k, v.deepCopy()));
            }
        }
    }

    private static void v4Only(Interaction interaction, Consumer<String> warn, PactSpecification version) {
        if (interaction.key().isPresent()) {
            warn.accept("the V4 key '" + interaction.key().get() + "' cannot be written as " + version
                    + " and was left out");
        }
        if (interaction.pending()) {
            warn.accept("the V4 'pending' flag cannot be written as " + version + " and was left out");
        }
        if (!interaction.comments().isEmpty()) {
            warn.accept("the V4 comments cannot be written as " + version + " and were left out");
        }
    }

    private static void common(ObjectNode node, Interaction interaction) {
        interaction.id().ifPresent(id -> node.put("_id", id));
        interaction.extensions().forEach((k, v) -> node.set(k, v.deepCopy()));
    }

    private static ObjectNode legacyRequest(HttpRequest request, PactSpecification version, Consumer<String> warn) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("method", request.method());
        node.put("path", request.path());
        if (!request.query().isEmpty()) {
            if (version == PactSpecification.V2) {
                node.put("query", request.query().toQueryString());
            } else {
                ObjectNode query = node.putObject("query");
                request.query().asMap().forEach((k, values) -> {
                    ArrayNode list = query.putArray(k);
                    values.forEach(list::add);
                });
            }
        }
        legacyHeaders(node, request.headers());
        legacyBody(node, "body", request.body(), request.headers(), warn);
        legacyRulesAndGenerators(node, request.matchingRules(), request.generators(), version, "request", warn);
        return node;
    }

    private static ObjectNode legacyResponse(HttpResponse response, PactSpecification version, Consumer<String> warn) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("status", response.status());
        legacyHeaders(node, response.headers());
        legacyBody(node, "body", response.body(), response.headers(), warn);
        legacyRulesAndGenerators(node, response.matchingRules(), response.generators(), version, "response", warn);
        return node;
    }

    private static void legacyHeaders(ObjectNode node, Headers headers) {
        if (headers.isEmpty()) {
            return;
        }
        ObjectNode out = node.putObject("headers");
        headers.asMap().forEach((name, values) -> out.put(name, String.join(", ", values)));
    }

    private static void legacyBody(ObjectNode node, String field, Body body, Headers headers, Consumer<String> warn) {
        if (body instanceof Body.Missing) {
            return;
        }
        if (body instanceof Body.Null) {
            node.putNull(field);
        } else if (body instanceof Body.Json json) {
            // A JSON string would read back as text; its JSON form (in quotes) reads back as the JSON string.
            node.set(
                    field,
                    json.value().isTextual()
                            ? Json.NODES.textNode(Json.compact(json.value()))
                            : json.value().deepCopy());
        } else if (body instanceof Body.Text text) {
            node.put(field, text.value());
            contentTypeKept(text.declaredType(), headers, text.value(), warn);
        } else if (body instanceof Body.Binary binary) {
            node.put(field, binary.base64());
            Optional<ContentType> header = headers.contentType();
            if (header.isEmpty() || !header.get().isBinary()) {
                warn.accept("the binary " + field + " is written as base64 text; without a binary Content-Type"
                        + " header, V2 and V3 readers take it as that text");
            }
        }
    }

    private static void contentTypeKept(
            Optional<ContentType> declared, Headers headers, String text, Consumer<String> warn) {
        if (declared.isEmpty() || headers.contentType().isPresent()) {
            return;
        }
        ContentType detected = ContentSniffer.detect(text);
        if (!declared.get().baseType().equals(detected.baseType())) {
            warn.accept("the body's content type " + declared.get()
                    + " is not in a Content-Type header, which is the only place V2 and V3 keep it");
        }
    }

    private static void legacyRulesAndGenerators(
            ObjectNode node,
            MatchingRules rules,
            Generators generators,
            PactSpecification version,
            String part,
            Consumer<String> warn) {
        if (version == PactSpecification.V2) {
            ObjectNode written = RulesJson.writeV2Rules(rules, warn);
            if (!written.isEmpty()) {
                node.set("matchingRules", written);
            }
            if (!generators.isEmpty()) {
                generators
                        .categories()
                        .forEach((category, byKey) -> byKey.forEach((key, g) ->
                                warn.accept("generator '" + g.type() + "' at " + RulesJson.describe(category, key)
                                        + " of the " + part + " has no V2 equivalent and was left out")));
            }
            return;
        }
        ObjectNode written = RulesJson.writeRules(rules, version, MatchingRules.BODY, warn);
        if (!written.isEmpty()) {
            node.set("matchingRules", written);
        }
        ObjectNode writtenGenerators = RulesJson.writeGenerators(generators, version, MatchingRules.BODY, warn);
        if (!writtenGenerators.isEmpty()) {
            node.set("generators", writtenGenerators);
        }
    }

    private static ObjectNode v3Message(AsynchronousMessage message, Consumer<String> warn) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("description", message.description());
        providerStates(node, message.providerStates(), PactSpecification.V3, warn);
        v4Only(message, warn, PactSpecification.V3);
        MessageContents contents = message.contents();
        Headers contentType = contents.contentType()
                .map(t -> Headers.of("Content-Type", t.toString()))
                .orElse(Headers.empty());
        legacyBody(node, "contents", contents.contents(), contentType, warn);
        if (!contents.metadata().isEmpty()) {
            ObjectNode metadata = node.putObject("metaData");
            contents.metadata().forEach((k, v) -> metadata.set(k, v.deepCopy()));
        }
        legacyRulesAndGenerators(
                node, contents.matchingRules(), contents.generators(), PactSpecification.V3, "message", warn);
        common(node, message);
        return node;
    }

    // -------------------------------------------------------------------------------------------- V4

    private static ObjectNode v4Interaction(Interaction interaction, Consumer<String> warn) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("type", interaction.type());
        node.put("description", interaction.description());
        providerStates(node, interaction.providerStates(), PactSpecification.V4, warn);
        interaction.key().ifPresent(k -> node.put("key", k));
        if (interaction.pending()) {
            node.put("pending", true);
        }
        if (!interaction.comments().isEmpty()) {
            ObjectNode comments = node.putObject("comments");
            interaction.comments().forEach((k, v) -> comments.set(k, v.deepCopy()));
        }
        if (interaction instanceof HttpInteraction http) {
            node.set("request", v4Request(http.request(), warn));
            node.set("response", v4Response(http.response(), warn));
        } else if (interaction instanceof AsynchronousMessage message) {
            v4MessageContents(node, message.contents(), warn);
        } else if (interaction instanceof SynchronousMessage sync) {
            node.set("request", v4MessageContents(Json.NODES.objectNode(), sync.request(), warn));
            ArrayNode responses = node.putArray("response");
            sync.responses().forEach(r -> responses.add(v4MessageContents(Json.NODES.objectNode(), r, warn)));
        }
        common(node, interaction);
        return node;
    }

    private static ObjectNode v4Request(HttpRequest request, Consumer<String> warn) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("method", request.method());
        node.put("path", request.path());
        if (!request.query().isEmpty()) {
            ObjectNode query = node.putObject("query");
            request.query().asMap().forEach((k, values) -> {
                ArrayNode list = query.putArray(k);
                values.forEach(list::add);
            });
        }
        v4Headers(node, request.headers());
        v4Body(node, "body", request.body(), request.headers().contentType());
        v4RulesAndGenerators(node, request.matchingRules(), request.generators(), MatchingRules.BODY, warn);
        return node;
    }

    private static ObjectNode v4Response(HttpResponse response, Consumer<String> warn) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("status", response.status());
        v4Headers(node, response.headers());
        v4Body(node, "body", response.body(), response.headers().contentType());
        v4RulesAndGenerators(node, response.matchingRules(), response.generators(), MatchingRules.BODY, warn);
        return node;
    }

    private static ObjectNode v4MessageContents(ObjectNode node, MessageContents contents, Consumer<String> warn) {
        v4Body(node, "contents", contents.contents(), contents.contentType());
        if (!contents.metadata().isEmpty()) {
            ObjectNode metadata = node.putObject("metadata");
            contents.metadata().forEach((k, v) -> metadata.set(k, v.deepCopy()));
        }
        v4RulesAndGenerators(node, contents.matchingRules(), contents.generators(), "content", warn);
        return node;
    }

    private static void v4Headers(ObjectNode node, Headers headers) {
        if (headers.isEmpty()) {
            return;
        }
        ObjectNode out = node.putObject("headers");
        headers.asMap().forEach((name, values) -> {
            ArrayNode list = out.putArray(name);
            values.forEach(list::add);
        });
    }

    private static void v4Body(ObjectNode node, String field, Body body, Optional<ContentType> fallbackType) {
        if (body instanceof Body.Missing) {
            return;
        }
        if (body instanceof Body.Null) {
            node.putNull(field);
            return;
        }
        ObjectNode out = node.putObject(field);
        Optional<ContentType> type = body.contentType().or(() -> fallbackType);
        if (body instanceof Body.Json json) {
            out.set("content", json.value().deepCopy());
            out.put("encoded", false);
        } else if (body instanceof Body.Text text) {
            out.put("content", text.value());
            out.put("encoded", false);
            if (type.isEmpty() && !text.value().isEmpty()) {
                type = Optional.of(ContentSniffer.detect(text.value()));
            }
            if (type.isPresent() && type.get().isJson()) {
                // A JSON content type would make readers take the content as a JSON value rather than text.
                out.put("contentTypeHint", "TEXT");
            }
        } else if (body instanceof Body.Binary binary) {
            out.put("content", binary.base64());
            out.put("encoded", "base64");
        }
        type.ifPresent(t -> out.put("contentType", t.toString()));
    }

    private static void v4RulesAndGenerators(
            ObjectNode node, MatchingRules rules, Generators generators, String bodyName, Consumer<String> warn) {
        ObjectNode written = RulesJson.writeRules(rules, PactSpecification.V4, bodyName, warn);
        if (!written.isEmpty()) {
            node.set("matchingRules", written);
        }
        ObjectNode writtenGenerators = RulesJson.writeGenerators(generators, PactSpecification.V4, bodyName, warn);
        if (!writtenGenerators.isEmpty()) {
            node.set("generators", writtenGenerators);
        }
    }
}
