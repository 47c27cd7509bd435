package io.pactbroker.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactbroker.core.internal.Json;
import io.pactbroker.core.model.Body;
import io.pactbroker.core.model.ContentType;
import io.pactbroker.core.model.Generator;
import io.pactbroker.core.model.Generators;
import io.pactbroker.core.model.MatchingRules;
import io.pactbroker.core.model.RuleList;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Consumer;

/** A body being defined: the content, its rules and generators by body path, and the content type to declare. */
final class BodyPart {

    Body body = Body.missing();
    Map<String, RuleList> rules = new LinkedHashMap<>();
    Map<String, Generator> generators = new LinkedHashMap<>();
    Optional<String> contentType = Optional.empty();

    void json(Matcher matcher) {
        set(Body.json(matcher.exampleNode()), "application/json");
        matcher.rules().forEach((path, list) -> rules.put("$" + path, list));
        matcher.generators().forEach((path, generator) -> generators.put("$" + path, generator));
    }

    void object(Consumer<JsonObjectBuilder> object) {
        json(JsonBuilders.object(object));
    }

    void example(Object exampleOrMatcher) {
        if (exampleOrMatcher instanceof Matcher m) {
            json(m);
        } else {
            json(Matchers.like(exampleOrMatcher));
        }
    }

    void jsonText(String json, String type) {
        ContentType parsed = contentType(type);
        if (!parsed.isJson()) {
            throw new IllegalArgumentException("jsonBody(..., \"" + type + "\"): " + type + " is not a JSON type");
        }
        JsonNode tree;
        try {
            tree = Json.parse(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("jsonBody(...): not valid JSON: " + e.getMessage());
        }
        set(Body.json(tree, parsed), type);
    }

    void text(String text, String type) {
        set(Body.text(text, contentType(type)), type);
    }

    void text(Matcher text, String type) {
        if (!text.exampleNode().isTextual()) {
            throw new IllegalArgumentException("textBody(...): the example must be text but was " + text.exampleNode());
        }
        set(Body.text(text.exampleNode().textValue(), contentType(type)), type);
        text.rules().forEach((path, list) -> rules.put("$" + path, list));
        text.generators().forEach((path, generator) -> generators.put("$" + path, generator));
    }

    void xml(String xml) {
        set(Body.text(xml, ContentType.XML), "application/xml");
    }

    void form(Map<String, ?> fields) {
        StringJoiner joiner = new StringJoiner("&");
        Map<String, RuleList> formRules = new LinkedHashMap<>();
        Map<String, Generator> formGenerators = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            Matcher m = Fragments.of(value);
            String text = TextValues.text(m, "form field '" + name + "'");
            joiner.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(text, StandardCharsets.UTF_8));
            String path = "$" + Fragments.field(name);
            if (!m.ownRules().isEmpty()) {
                formRules.put(path, m.rules().get(""));
            }
            if (m.ownGenerator() != null) {
                formGenerators.put(path, m.ownGenerator());
            }
        });
        set(Body.text(joiner.toString(), ContentType.FORM_URLENCODED), "application/x-www-form-urlencoded");
        rules.putAll(formRules);
        generators.putAll(formGenerators);
    }

    void binary(byte[] content, String type) {
        set(Body.binary(content, contentType(type)), type);
    }

    private void set(Body newBody, String type) {
        body = newBody;
        rules = new LinkedHashMap<>();
        generators = new LinkedHashMap<>();
        contentType = Optional.of(type);
    }

    void addTo(MatchingRules.Builder ruleBuilder, Generators.Builder generatorBuilder) {
        rules.forEach((path, list) -> ruleBuilder.put(MatchingRules.BODY, path, list));
        generators.forEach((path, generator) -> generatorBuilder.add(MatchingRules.BODY, path, generator));
    }

    private static ContentType contentType(String type) {
        return ContentType.parse(type)
                .orElseThrow(() -> new IllegalArgumentException("\"" + type + "\" is not a content type"));
    }
}
