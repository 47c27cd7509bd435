package io.pactbroker.core.generators;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactbroker.core.generators.internal.JsonPaths;
import io.pactbroker.core.generators.internal.Values;
import io.pactbroker.core.internal.Json;
import io.pactbroker.core.model.Body;
import io.pactbroker.core.model.DocPath;
import io.pactbroker.core.model.Generator;
import io.pactbroker.core.model.Generators;
import io.pactbroker.core.model.Headers;
import io.pactbroker.core.model.HttpRequest;
import io.pactbroker.core.model.HttpResponse;
import io.pactbroker.core.model.MatchingRule;
import io.pactbroker.core.model.MatchingRules;
import io.pactbroker.core.model.MessageContents;
import io.pactbroker.core.model.Query;
import io.pactbroker.core.model.RuleList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies generators: replaces example values with generated ones before a request is sent (provider side) or a
 * response or message is returned (consumer side). Generated values satisfy the matching rules that accompany them
 * (a {@code RandomInt} under an {@code integer} rule is an integer, a {@code Regex} value matches the regex, a {@code
 * DateTime} with a format is in that format). Stateless and thread-safe.
 *
 * <p>Generators apply to the path, query parameters, headers and status, to JSON bodies by path (wildcards select
 * several values), to text bodies at {@code $}, and to message contents and metadata. A value keeps its example's
 * JSON type where that makes sense ({@code RandomInt} gives a number for a number and digits for a string). When a
 * generator does not apply on the side given by the context, a provider-state value is absent or there is no mock
 * server URL, the example stays.
 *
 * <pre>{@code
 * // provider side: fill in values from the provider-state callback
 * HttpRequest toSend = Generation.request(interaction.request(), GeneratorContext.provider(Map.of("id", 42)));
 *
 * // consumer side: the mock server's response
 * HttpResponse toReturn = Generation.response(interaction.response(), GeneratorContext.consumer(mockServerUrl));
 * }</pre>
 *
 * <p>Every method fails with an {@link IllegalArgumentException} naming the place when a generator cannot work: an
 * unsupported regular expression, an invalid date format or expression, a provider-state value of the wrong type.
 */
public final class Generation {

    private Generation() {}

    /** The request with its generators applied (the generators and rules stay on it). */
    public static HttpRequest request(HttpRequest request, GeneratorContext context) {
        Generators generators = request.generators();
        if (generators.isEmpty() && !hasArrayContainsGenerators(request.matchingRules())) {
            return request;
        }
        HttpRequest result = request;
        Generator pathGenerator = generators.category(MatchingRules.PATH).get("");
        if (pathGenerator != null) {
            result = result.withPath(string(pathGenerator, request.path(), context, "the path"));
        }
        result = result.withQuery(query(request.query(), generators.category(MatchingRules.QUERY), context));
        result = result.withHeaders(headers(request.headers(), generators.category(MatchingRules.HEADER), context));
        result = result.withBody(
                body(request.body(), generators.category(MatchingRules.BODY), request.matchingRules(), context));
        return result;
    }

    /** The response with its generators applied. */
    public static HttpResponse response(HttpResponse response, GeneratorContext context) {
        Generators generators = response.generators();
        if (generators.isEmpty() && !hasArrayContainsGenerators(response.matchingRules())) {
            return response;
        }
        HttpResponse result = response;
        Generator statusGenerator = generators.category(MatchingRules.STATUS).get("");
        if (statusGenerator != null) {
            JsonNode status = at(
                            "the status",
                            () -> Values.generate(statusGenerator, Json.NODES.numberNode(response.status()), context))
                    .orElse(Json.NODES.numberNode(response.status()));
            result = result.withStatus(status.asInt(response.status()));
        }
        result = result.withHeaders(headers(response.headers(), generators.category(MatchingRules.HEADER), context));
        result = result.withBody(
                body(response.body(), generators.category(MatchingRules.BODY), response.matchingRules(), context));
        return result;
    }

    /** The message contents and metadata with their generators applied. */
    public static MessageContents message(MessageContents message, GeneratorContext context) {
        Generators generators = message.generators();
        if (generators.isEmpty() && !hasArrayContainsGenerators(message.matchingRules())) {
            return message;
        }
        Map<String, JsonNode> metadata = new LinkedHashMap<>(message.metadata());
        generators.category(MatchingRules.METADATA).forEach((key, generator) -> {
            JsonNode example = metadata.getOrDefault(key, Json.NODES.textNode(""));
            at("metadata '" + key + "'", () -> Values.generate(generator, example, context))
                    .ifPresent(value -> metadata.put(key, value));
        });
        return message.withMetadata(metadata)
                .withContents(body(
                        message.contents(), generators.category(MatchingRules.BODY), message.matchingRules(), context));
    }

    /**
     * One generated value in place of an example, or the example when the generator does not apply in the context.
     */
    public static JsonNode value(Generator generator, JsonNode example, GeneratorContext context) {
        return Values.generate(generator, example, context).orElse(example);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String string(Generator generator, String example, GeneratorContext context, String where) {
        return at(where, () -> Values.generate(generator, Json.NODES.textNode(example), context))
                .map(v -> v.isTextual() ? v.textValue() : v.asText())
                .orElse(example);
    }

    private static Query query(Query query, Map<String, Generator> generators, GeneratorContext context) {
        Query result = query;
        for (Map.Entry<String, Generator> e : generators.entrySet()) {
            String example = query.first(e.getKey()).orElse("");
            result = result.with(
                    e.getKey(),
                    List.of(string(e.getValue(), example, context, "query parameter '" + e.getKey() + "'")));
        }
        return result;
    }

    private static Headers headers(Headers headers, Map<String, Generator> generators, GeneratorContext context) {
        Headers result = headers;
        for (Map.Entry<String, Generator> e : generators.entrySet()) {
            String example = headers.joined(e.getKey()).orElse("");
            result = result.with(e.getKey(), string(e.getValue(), example, context, "header '" + e.getKey() + "'"));
        }
        return result;
    }

    private static Body body(
            Body body, Map<String, Generator> generators, MatchingRules rules, GeneratorContext context) {
        if (body instanceof Body.Json json) {
            JsonNode tree = json.value().deepCopy();
            for (Map.Entry<String, Generator> e : generators.entrySet()) {
                String where = e.getKey();
                DocPath path = parse(where);
                tree = JsonPaths.replace(
                        tree, path, example -> at(where, () -> Values.generate(e.getValue(), example, context))
                                .orElse(example));
            }
            tree = arrayContains(tree, rules, context);
            return Body.json(tree, json.type());
        }
        if (body instanceof Body.Text text) {
            Generator root = generators.containsKey("$") ? generators.get("$") : generators.get("");
            if (root != null) {
                return new Body.Text(string(root, text.value(), context, "the body"), text.declaredType());
            }
        }
        return body;
    }

    /** Generators inside {@code arrayContains} variants apply to the example element of their variant. */
    private static JsonNode arrayContains(JsonNode tree, MatchingRules rules, GeneratorContext context) {
        for (Map.Entry<String, RuleList> e : rules.category(MatchingRules.BODY).entrySet()) {
            for (MatchingRule rule : e.getValue().rules()) {
                if (rule instanceof MatchingRule.ArrayContains contains) {
                    for (MatchingRule.Variant variant : contains.variants()) {
                        if (variant.generators().isEmpty()) {
                            continue;
                        }
                        tree = JsonPaths.replace(tree, parse(e.getKey()), array -> {
                            if (array.isArray() && variant.index() < array.size()) {
                                JsonNode element = array.get(variant.index());
                                for (Map.Entry<String, Generator> g :
                                        variant.generators().entrySet()) {
                                    String where = e.getKey() + "[" + variant.index() + "]"
                                            + g.getKey().substring(1);
                                    element = JsonPaths.replace(element, parse(g.getKey()), example -> at(
                                                    where, () -> Values.generate(g.getValue(), example, context))
                                            .orElse(example));
                                }
                                ((com.fasterxml.jackson.databind.node.ArrayNode) array).set(variant.index(), element);
                            }
                            return array;
                        });
                    }
                }
            }
        }
        return tree;
    }

    private static boolean hasArrayContainsGenerators(MatchingRules rules) {
        for (RuleList list : rules.category(MatchingRules.BODY).values()) {
            for (MatchingRule rule : list.rules()) {
                if (rule instanceof MatchingRule.ArrayContains contains
                        && contains.variants().stream()
                                .anyMatch(v -> !v.generators().isEmpty())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static DocPath parse(String expression) {
        try {
            return DocPath.parse(expression.isEmpty() ? "$" : expression);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("generator at " + expression + ": " + e.getMessage(), e);
        }
    }

    private interface Attempt {
        Optional<JsonNode> run();
    }

    private static Optional<JsonNode> at(String where, Attempt attempt) {
        try {
            return attempt.run();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("generator at " + where + ": " + e.getMessage(), e);
        }
    }
}
