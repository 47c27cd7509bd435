package io.pactbroker.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The matching rules of a request, response or message, by category and key. Categories are {@value #BODY}, {@value
 * #HEADER}, {@value #QUERY}, {@value #PATH}, {@value #METHOD}, {@value #STATUS} and {@value #METADATA}. Body and
 * metadata keys are path expressions ({@code $.lines[*].sku}); header and query keys are names ({@code Accept});
 * path, method and status have the single key {@code ""}. Order is kept as given. Immutable.
 *
 * <pre>{@code
 * MatchingRules rules = MatchingRules.builder()
 *     .body("$.id", MatchingRule.integer())
 *     .body("$.lines", MatchingRule.minType(1))
 *     .header("X-Request-Id", MatchingRule.regex("[0-9a-f-]{36}"))
 *     .build();
 * }</pre>
 *
 * @param categories rule lists by category and key
 */
public record MatchingRules(Map<String, Map<String, RuleList>> categories) {

    public static final String BODY = "body";
    public static final String HEADER = "header";
    public static final String QUERY = "query";
    public static final String PATH = "path";
    public static final String METHOD = "method";
    public static final String STATUS = "status";
    public static final String METADATA = "metadata";

    private static final MatchingRules EMPTY = new MatchingRules(Map.of());

    public MatchingRules {
        Map<String, Map<String, RuleList>> copy = new LinkedHashMap<>();
        categories.forEach((name, rules) -> {
            if (!rules.isEmpty()) {
                copy.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(rules)));
            }
        });
        categories = Collections.unmodifiableMap(copy);
    }

    /** No rules. */
    public static MatchingRules empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The rules of a category by key; empty when there are none. */
    public Map<String, RuleList> category(String name) {
        return categories.getOrDefault(name, Map.of());
    }

    /** The rules at one key of a category. */
    public Optional<RuleList> get(String category, String key) {
        return Optional.ofNullable(category(category).get(key));
    }

    public boolean isEmpty() {
        return categories.isEmpty();
    }

    /** A copy with a category replaced (removed when the rules are empty). */
    public MatchingRules withCategory(String name, Map<String, RuleList> rules) {
        Map<String, Map<String, RuleList>> copy = new LinkedHashMap<>(categories);
        if (rules.isEmpty()) {
            copy.remove(name);
        } else {
            copy.put(name, rules);
        }
        return new MatchingRules(copy);
    }

    /** A builder; adding to a key that has rules appends to them. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        categories.forEach((name, rules) -> rules.forEach((key, list) -> builder.put(name, key, list)));
        return builder;
    }

    /** Collects rules. */
    public static final class Builder {
        private final Map<String, Map<String, RuleList>> categories = new LinkedHashMap<>();

        private Builder() {}

        /** Adds a rule to a key (AND-combined with any rules already there). */
        public Builder add(String category, String key, MatchingRule rule) {
            Map<String, RuleList> rules = categories.computeIfAbsent(category, c -> new LinkedHashMap<>());
            RuleList existing = rules.get(key);
            rules.put(key, existing == null ? RuleList.of(rule) : existing.plus(rule));
            return this;
        }

        /** Sets the rule list of a key. */
        public Builder put(String category, String key, RuleList rules) {
            categories.computeIfAbsent(category, c -> new LinkedHashMap<>()).put(key, rules);
            return this;
        }

        public Builder body(String path, MatchingRule rule) {
            return add(BODY, path, rule);
        }

        public Builder body(String path, RuleList rules) {
            return put(BODY, path, rules);
        }

        public Builder header(String name, MatchingRule rule) {
            return add(HEADER, name, rule);
        }

        public Builder query(String name, MatchingRule rule) {
            return add(QUERY, name, rule);
        }

        public Builder path(MatchingRule rule) {
            return add(PATH, "", rule);
        }

        public Builder status(MatchingRule rule) {
            return add(STATUS, "", rule);
        }

        public Builder metadata(String key, MatchingRule rule) {
            return add(METADATA, key, rule);
        }

        public MatchingRules build() {
            return categories.isEmpty() ? EMPTY : new MatchingRules(categories);
        }
    }
}
