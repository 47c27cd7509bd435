package io.pactbroker.broker.common.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Query strings with nested keys as Rack (the Pact Broker's web layer) writes and reads them: {@code a=1},
 * {@code tags[]=x}, {@code s[][b]=main&s[][l]=true}, {@code q[name]=x}. The Pact Broker carries these in query
 * strings (the deprecated pacts-for-verification GET) and, base64url-encoded, in the selection metadata of pact URLs,
 * so both brokers must read and write them the same way.
 *
 * <p>Parsing gives {@code Map<String, Object>} whose values are strings, lists or maps. As in Rack, {@code s[][b]}
 * (also written {@code s[]b}) appends to the last map of the list unless that map already has {@code b}, in which case
 * a new map starts. Grammars that need the pairs in their order (the matrix's {@code q[][pacticipant]=...}) read
 * them with {@link #pairs}.
 */
public final class NestedQuery {

    private NestedQuery() {}

    /** Writes a map of strings, booleans, numbers, lists and maps; null values write only their key. */
    public static String build(Map<String, ?> params) {
        List<String> parts = new ArrayList<>();
        params.forEach((key, value) -> build(value, key, parts));
        return String.join("&", parts);
    }

    private static void build(Object value, String prefix, List<String> parts) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> build(v, prefix + "[" + k + "]", parts));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> build(v, prefix + "[]", parts));
        } else if (value == null) {
            parts.add(escape(prefix));
        } else {
            parts.add(escape(prefix) + "=" + escape(String.valueOf(value)));
        }
    }

    /** {@code application/x-www-form-urlencoded} escaping, which is Ruby's {@code encode_www_form_component}. */
    public static String escape(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Reads a query string; pairs that cannot be decoded or nested are skipped. */
    public static Map<String, Object> parse(String query) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : split(query, true)) {
            normalize(result, pair.getKey(), pair.getValue());
        }
        return result;
    }

    /**
     * The decoded name and value of each pair of a query string, in their order; the value is null for a name without
     * {@code =}.
     *
     * @throws IllegalArgumentException when a pair is not valid percent-encoding
     */
    public static List<Map.Entry<String, String>> pairs(String query) {
        return split(query, false);
    }

    private static List<Map.Entry<String, String>> split(String query, boolean skipUndecodable) {
        List<Map.Entry<String, String>> result = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return result;
        }
        for (String pair : query.split("[&;]")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? null : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                result.add(new AbstractMap.SimpleImmutableEntry<>(key, value));
            } catch (IllegalArgumentException e) {
                if (!skipUndecodable) {
                    throw e;
                }
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static boolean normalize(Map<String, Object> params, String name, Object value) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        String key;
        String after;
        int open = name.indexOf('[', 1);
        if (open < 0) {
            key = name;
            after = "";
        } else {
            key = name.substring(0, open);
            after = name.substring(open);
        }
        if (after.isEmpty()) {
            params.put(key, value);
            return true;
        }
        if (after.equals("[]")) {
            Object existing = params.computeIfAbsent(key, k -> new ArrayList<>());
            if (!(existing instanceof List)) {
                return false;
            }
            ((List<Object>) existing).add(value);
            return true;
        }
        if (after.startsWith("[]")) {
            // s[][b]=x, s[]b=x or s[][b][c]=x: a list of maps
            String childKey = after.substring(2);
            String child = childKey.startsWith("[") ? childKey.substring(1).replaceFirst("]", "") : childKey;
            Object existing = params.computeIfAbsent(key, k -> new ArrayList<>());
            if (!(existing instanceof List)) {
                return false;
            }
            List<Object> list = (List<Object>) existing;
            Object last = list.isEmpty() ? null : list.get(list.size() - 1);
            if (last instanceof Map<?, ?> lastMap && !hasPath((Map<String, Object>) lastMap, child)) {
                return normalize((Map<String, Object>) lastMap, child, value);
            }
            Map<String, Object> element = new LinkedHashMap<>();
            if (!normalize(element, child, value)) {
                return false;
            }
            list.add(element);
            return true;
        }
        if (after.startsWith("[")) {
            int close = after.indexOf(']');
            if (close < 0) {
                params.put(name, value);
                return true;
            }
            Object existing = params.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
            if (!(existing instanceof Map)) {
                return false;
            }
            String child = after.substring(1, close) + after.substring(close + 1);
            return normalize((Map<String, Object>) existing, child, value);
        }
        params.put(name, value);
        return true;
    }

    /** Whether the map has every key of {@code b[c]} (Rack's {@code params_hash_has_key?}); never for lists. */
    @SuppressWarnings("unchecked")
    private static boolean hasPath(Map<String, Object> map, String name) {
        if (name.contains("[]")) {
            return false;
        }
        Object at = map;
        for (String part : name.split("[\\[\\]]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!(at instanceof Map<?, ?> m) || !m.containsKey(part)) {
                return false;
            }
            at = ((Map<String, Object>) m).get(part);
        }
        return true;
    }
}
