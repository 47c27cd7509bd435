package io.pactbroker.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generators of a request, response or message, by category and key: the same categories and keys as {@link
 * MatchingRules} (body and metadata by path, header and query by name, path/method/status under {@code ""}).
 * Immutable.
 *
 * <pre>{@code
 * Generators generators = Generators.builder()
 *     .add(MatchingRules.BODY, "$.id", new Generator.RandomInt(1, 100))
 *     .build();
 * }</pre>
 *
 * @param categories generators by category and key
 */
public record Generators(Map<String, Map<String, Generator>> categories) {

    private static final Generators EMPTY = new Generators(Map.of());

    public Generators {
        Map<String, Map<String, Generator>> copy = new LinkedHashMap<>();
        categories.forEach((name, generators) -> {
            if (!generators.isEmpty()) {
                copy.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(generators)));
            }
        });
        categories = Collections.unmodifiableMap(copy);
    }

    public static Generators empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The generators of a category by key. */
    public Map<String, Generator> category(String name) {
        return categories.getOrDefault(name, Map.of());
    }

    public boolean isEmpty() {
        return categories.isEmpty();
    }

    /** Collects generators; a later one at the same key replaces the earlier. */
    public static final class Builder {
        private final Map<String, Map<String, Generator>> categories = new LinkedHashMap<>();

        private Builder() {}

        public Builder add(String category, String key, Generator generator) {
            categories.computeIfAbsent(category, c -> new LinkedHashMap<>()).put(key, generator);
            return this;
        }

        public Generators build() {
            return categories.isEmpty() ? EMPTY : new Generators(categories);
        }
    }
}
