package io.pactbroker.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactbroker.core.model.Generator;
import io.pactbroker.core.model.MatchingRule;
import io.pactbroker.core.model.RuleList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An example value with the matching rules and generators that apply to it: what {@link Matchers} return and what the
 * body, header, query, path, status and metadata builders accept wherever a plain value is accepted. Immutable.
 *
 * <pre>{@code
 * Matcher sku = Matchers.regex("[A-Z]\\d", "A1");
 * request.header("X-Sku", sku);
 * body.field("sku", sku);
 * }</pre>
 *
 * <p>A matcher may be nested (an {@link Matchers#eachLike(Object) eachLike} of objects holding matchers): its rules are
 * kept by path relative to the place the matcher is put, {@code ""} being that place itself.
 */
public final class Matcher {

    private final JsonNode example;
    private final Map<String, RuleList> rules;
    private final Map<String, Generator> generators;

    Matcher(JsonNode example, Map<String, RuleList> rules, Map<String, Generator> generators) {
        this.example = Objects.requireNonNull(example, "example");
        this.rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        this.generators = Collections.unmodifiableMap(new LinkedHashMap<>(generators));
    }

    static Matcher plain(JsonNode example) {
        return new Matcher(example, Map.of(), Map.of());
    }

    static Matcher of(JsonNode example, MatchingRule rule) {
        return new Matcher(example, Map.of("", RuleList.of(rule)), Map.of());
    }

    /** The example value, as it is written to the pact file (a copy). */
    public JsonNode example() {
        return example.deepCopy();
    }

    JsonNode exampleNode() {
        return example;
    }

    /** The rules by path relative to the matcher's place ({@code ""} is the place itself). */
    Map<String, RuleList> rules() {
        return rules;
    }

    /** The generators by path relative to the matcher's place. */
    Map<String, Generator> generators() {
        return generators;
    }

    /** The rules at the matcher's own place, none when it has none. */
    List<MatchingRule> ownRules() {
        RuleList own = rules.get("");
        return own == null ? List.of() : own.rules();
    }

    Generator ownGenerator() {
        return generators.get("");
    }

    /** Whether the matcher has rules or generators anywhere but at its own place. */
    boolean isNested() {
        return rules.keySet().stream().anyMatch(k -> !k.isEmpty())
                || generators.keySet().stream().anyMatch(k -> !k.isEmpty());
    }

    /** A copy with a rule added at the matcher's own place (AND-combined with the ones there). */
    Matcher withRule(MatchingRule rule) {
        Map<String, RuleList> copy = new LinkedHashMap<>();
        RuleList own = rules.get("");
        copy.put("", own == null ? RuleList.of(rule) : own.plus(rule));
        rules.forEach((k, v) -> {
            if (!k.isEmpty()) {
                copy.put(k, v);
            }
        });
        return new Matcher(example, copy, generators);
    }

    /** A copy with the generator at the matcher's own place. */
    Matcher withGenerator(Generator generator) {
        Map<String, Generator> copy = new LinkedHashMap<>(generators);
        copy.put("", generator);
        return new Matcher(example, rules, copy);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(example.toString());
        rules.forEach((path, list) -> out.append(" [")
                .append(path.isEmpty() ? "$" : "$" + path)
                .append(": ")
                .append(list.rules().stream().map(MatchingRule::name).toList())
                .append(']'));
        return out.toString();
    }
}
