package io.pactbroker.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP headers: names in the order given, each with one or more values. Lookups ignore the case of the name.
 * Immutable.
 *
 * <pre>{@code
 * Headers headers = Headers.of("Content-Type", "application/json", "Accept", "text/html, application/json");
 * headers.first("content-type");   // Optional[application/json]
 * headers.get("ACCEPT");           // [text/html, application/json]
 * }</pre>
 */
public final class Headers {

    private static final Headers EMPTY = new Headers(Map.of());

    /** Headers whose values are lists by definition (RFC 9110), so a comma separates values. */
    private static final Set<String> MULTI_VALUE = Set.of(
            "accept",
            "accept-encoding",
            "accept-language",
            "access-control-allow-headers",
            "access-control-allow-methods",
            "access-control-expose-headers",
            "access-control-request-headers",
            "allow",
            "cache-control",
            "if-match",
            "if-none-match",
            "vary");

    private final Map<String, List<String>> values;

    private Headers(Map<String, List<String>> values) {
        this.values = values;
    }

    /** No headers. */
    public static Headers empty() {
        return EMPTY;
    }

    /**
     * Headers from name/value pairs: {@code of("Accept", "text/html", "X-Id", "7")}. A value of a list-valued header
     * (such as {@code Accept}) is split at commas.
     */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Builder builder = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.addParsed(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    /** Headers from a multi-map, as a server hands them over. Values are taken as given (not split). */
    public static Headers of(Map<String, ? extends List<String>> multiMap) {
        Builder builder = builder();
        multiMap.forEach((name, list) -> list.forEach(value -> builder.add(name, value)));
        return builder.build();
    }

    /**
     * The values one header line stands for: list-valued headers ({@code Accept}, {@code Cache-Control}, ...) are split
     * at commas, any other header is one value (a date or a JSON document can contain commas).
     */
    public static List<String> parseValue(String name, String value) {
        if (MULTI_VALUE.contains(name.toLowerCase(Locale.ROOT))) {
            return Arrays.stream(value.split(",")).map(String::trim).toList();
        }
        return List.of(value.trim());
    }

    /** A builder that keeps names in the order they are first added. */
    public static Builder builder() {
        return new Builder();
    }

    /** All values of the header, in order; empty when absent. The name's case does not matter. */
    public List<String> get(String name) {
        List<String> exact = values.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return List.of();
    }

    /** The first value of the header. */
    public Optional<String> first(String name) {
        List<String> list = get(name);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /** The values joined as they would be on one header line: {@code "a, b"}. */
    public Optional<String> joined(String name) {
        List<String> list = get(name);
        return list.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", list));
    }

    /** Whether the header is present (ignoring case). */
    public boolean contains(String name) {
        return values.keySet().stream().anyMatch(n -> n.equalsIgnoreCase(name));
    }

    /** The header names as given, in order. */
    public Set<String> names() {
        return values.keySet();
    }

    /** The headers as an unmodifiable multi-map, names as given. */
    public Map<String, List<String>> asMap() {
        return values;
    }

    /** The content type named by the {@code Content-Type} header, if it is one. */
    public Optional<ContentType> contentType() {
        return first("Content-Type").flatMap(ContentType::parse);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public int size() {
        return values.size();
    }

    /** A copy with the header set to these values, replacing any header of that name (ignoring case). */
    public Headers with(String name, List<String> newValues) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        boolean replaced = false;
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                if (!replaced) {
                    copy.put(e.getKey(), List.copyOf(newValues));
                    replaced = true;
                }
            } else {
                copy.put(e.getKey(), e.getValue());
            }
        }
        if (!replaced) {
            copy.put(name, List.copyOf(newValues));
        }
        return new Headers(Collections.unmodifiableMap(copy));
    }

    /** A copy with the header set to one value. */
    public Headers with(String name, String value) {
        return with(name, List.of(value));
    }

    /** A copy without the header (ignoring case). */
    public Headers without(String name) {
        Map<String, List<String>> copy = new LinkedHashMap<>(values);
        copy.keySet().removeIf(n -> n.equalsIgnoreCase(name));
        return new Headers(Collections.unmodifiableMap(copy));
    }

    /** Equal when the same names (ignoring case) have the same values in the same order. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Headers other && normalised().equals(other.normalised());
    }

    @Override
    public int hashCode() {
        return normalised().hashCode();
    }

    private Map<String, List<String>> normalised() {
        Map<String, List<String>> map = new java.util.TreeMap<>();
        values.forEach((k, v) -> map.merge(k.toLowerCase(Locale.ROOT), v, (a, b) -> {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }));
        return map;
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Collects headers; names keep the order of their first addition and the case of that addition. */
    public static final class Builder {
        private final Map<String, List<String>> values = new LinkedHashMap<>();

        private Builder() {}

        /** Adds one value to the header. */
        public Builder add(String name, String value) {
            String key = existingName(name);
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            return this;
        }

        /** Adds the values one header line stands for (see {@link Headers#parseValue}). */
        public Builder addParsed(String name, String value) {
            parseValue(name, value).forEach(v -> add(name, v));
            return this;
        }

        /** Adds all the values. */
        public Builder addAll(String name, List<String> newValues) {
            String key = existingName(name);
            values.computeIfAbsent(key, k -> new ArrayList<>()).addAll(newValues);
            return this;
        }

        private String existingName(String name) {
            if (values.containsKey(name)) {
                return name;
            }
            for (String existing : values.keySet()) {
                if (existing.equalsIgnoreCase(name)) {
                    return existing;
                }
            }
            return name;
        }

        public Headers build() {
            if (values.isEmpty()) {
                return EMPTY;
            }
            Map<String, List<String>> copy = new LinkedHashMap<>();
            values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return new Headers(Collections.unmodifiableMap(copy));
        }
    }
}
