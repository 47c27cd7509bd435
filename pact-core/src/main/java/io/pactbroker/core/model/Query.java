package io.pactbroker.core.model;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Query parameters: names in the order first seen, each with its values in order. Immutable. When the parameters
 * came from a raw query string, that string is kept too (see {@link #raw()}), because specification V1 compares query
 * strings as strings.
 *
 * <pre>{@code
 * Query query = Query.parse("animal=alligator&animal=hippo&name=Mary%20Jane");
 * query.get("animal");        // [alligator, hippo]
 * query.first("name");        // Optional[Mary Jane]
 * query.toQueryString();      // animal=alligator&animal=hippo&name=Mary+Jane
 * }</pre>
 */
public final class Query {

    private static final Query EMPTY = new Query(Map.of(), Optional.empty());

    private final Map<String, List<String>> values;
    private final Optional<String> raw;

    private Query(Map<String, List<String>> values, Optional<String> raw) {
        this.values = values;
        this.raw = raw;
    }

    /** No parameters. */
    public static Query empty() {
        return EMPTY;
    }

    /**
     * Parses a raw query string (without the leading {@code ?}). Names and values are percent-decoded and {@code +}
     * is a space; a parameter without {@code =} has the empty value; empty segments ({@code a=1&&b=2}, a trailing
     * {@code &}) are skipped.
     */
    public static Query parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return rawQuery == null ? EMPTY : new Query(Map.of(), Optional.of(""));
        }
        String text = rawQuery.startsWith("?") ? rawQuery.substring(1) : rawQuery;
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String[] pair : pairs(text)) {
            map.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(pair[1]);
        }
        return new Query(freeze(map), Optional.of(text));
    }

    /** Parameters from a multi-map; the order of the map is kept. */
    public static Query of(Map<String, ? extends List<String>> parameters) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        parameters.forEach((k, v) -> map.put(k, new ArrayList<>(v)));
        return map.isEmpty() ? EMPTY : new Query(freeze(map), Optional.empty());
    }

    /** Parameters from name/value pairs: {@code of("a", "1", "b", "2")}. */
    public static Query of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.computeIfAbsent(namesAndValues[i], k -> new ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return of(map);
    }

    /**
     * The decoded name/value pairs of a raw query string, in order and including empty segments (as {@code ["",
     * ""]}), which is what string comparison of V1 query strings needs.
     */
    public static List<String[]> segments(String rawQuery) {
        List<String[]> result = new ArrayList<>();
        int start = 0;
        while (true) {
            int amp = rawQuery.indexOf('&', start);
            String segment = amp < 0 ? rawQuery.substring(start) : rawQuery.substring(start, amp);
            result.add(pair(segment));
            if (amp < 0) {
                return result;
            }
            start = amp + 1;
        }
    }

    private static List<String[]> pairs(String text) {
        List<String[]> result = new ArrayList<>();
        for (String segment : text.split("&")) {
            if (!segment.isEmpty()) {
                result.add(pair(segment));
            }
        }
        return result;
    }

    private static String[] pair(String segment) {
        int eq = segment.indexOf('=');
        if (eq < 0) {
            return new String[] {decode(segment), ""};
        }
        return new String[] {decode(segment.substring(0, eq)), decode(segment.substring(eq + 1))};
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A stray '%' that is not an escape: keep the text as it came.
            return text;
        }
    }

    private static Map<String, List<String>> freeze(Map<String, List<String>> map) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }

    /** The values of a parameter, in order; empty when absent. Names are case-sensitive. */
    public List<String> get(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The first value of a parameter. */
    public Optional<String> first(String name) {
        List<String> list = get(name);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /** The parameter names in order. */
    public Set<String> names() {
        return values.keySet();
    }

    /** The parameters as an unmodifiable multi-map. */
    public Map<String, List<String>> asMap() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The raw query string these parameters were parsed from, if they were. */
    public Optional<String> raw() {
        return raw;
    }

    /** A copy with the parameter set to these values (the raw form is dropped, as it no longer applies). */
    public Query with(String name, List<String> newValues) {
        Map<String, List<String>> copy = new LinkedHashMap<>(values);
        copy.put(name, List.copyOf(newValues));
        return new Query(Collections.unmodifiableMap(copy), Optional.empty());
    }

    /** The parameters encoded as a query string, {@code a=1&b=x+y}, in order. */
    public String toQueryString() {
        StringBuilder out = new StringBuilder();
        values.forEach((name, list) -> {
            for (String value : list) {
                if (out.length() > 0) {
                    out.append('&');
                }
                out.append(encode(name)).append('=').append(encode(value));
            }
        });
        return out.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Equal when the same parameters have the same values in the same order (the raw form does not count). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Query other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return raw.orElseGet(this::toQueryString);
    }
}
