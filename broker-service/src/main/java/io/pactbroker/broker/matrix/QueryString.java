package io.pactbroker.broker.matrix;

import io.pactbroker.broker.common.problem.InvalidRequestException;
import io.pactbroker.broker.common.web.NestedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query string read the way the Pact Broker (Rack) reads it, for the matrix's nested parameters. The pairs come from
 * {@link NestedQuery#pairs} (the broker's one reader of Rack-style query strings); what is the matrix's own is how they
 * group into selectors:
 *
 * <ul>
 *   <li>{@code q[][pacticipant]=Foo&q[][version]=1&q[][pacticipant]=Bar} (also {@code q[]pacticipant=Foo}): a list
 *       of objects, where a key that the last object already has starts a new object;
 *   <li>{@code q[0][pacticipant]=Foo}: objects by index;
 *   <li>{@code success[]=true&success[]=false} and {@code ignore[]=Foo}: lists of values;
 *   <li>anything else: a single value (the last one given).
 * </ul>
 *
 * <p>When the list form leaves an object without a {@code pacticipant} (as when a client sorts the parameters by
 * name: {@code q[][pacticipant]=Foo&q[][pacticipant]=Bar&q[][version]=1&q[][version]=2}), the values are matched
 * by position instead: the n-th version belongs to the n-th pacticipant.
 */
final class QueryString {

    private static final Pattern NESTED =
            Pattern.compile("^([^\\[\\]]+)\\[(\\d*)\\](?:\\[([^\\[\\]]+)\\]|([^\\[\\]]+))$");
    private static final Pattern LIST = Pattern.compile("^([^\\[\\]]+)\\[\\]$");

    private final Map<String, List<Map<String, String>>> objects = new LinkedHashMap<>();
    private final Map<String, List<String[]>> pairs = new LinkedHashMap<>();
    private final Map<String, List<String>> lists = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    private QueryString() {}

    static QueryString parse(String rawQuery) {
        QueryString q = new QueryString();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return q;
        }
        Map<String, List<String[]>> listForm = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, Map<String, String>>> indexedForm = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : pairs(rawQuery)) {
            String key = pair.getKey();
            String value = pair.getValue() == null ? "" : pair.getValue();
            Matcher nested = NESTED.matcher(key);
            Matcher list = LIST.matcher(key);
            if (nested.matches()) {
                String name = nested.group(1);
                String field = nested.group(3) != null ? nested.group(3) : nested.group(4);
                if (nested.group(2).isEmpty()) {
                    listForm.computeIfAbsent(name, n -> new ArrayList<>()).add(new String[] {field, value});
                } else {
                    indexedForm
                            .computeIfAbsent(name, n -> new TreeMap<>())
                            .computeIfAbsent(Integer.valueOf(nested.group(2)), i -> new LinkedHashMap<>())
                            .put(field, value);
                }
            } else if (list.matches()) {
                q.lists.computeIfAbsent(list.group(1), n -> new ArrayList<>()).add(value);
            } else {
                q.values.put(key, value);
            }
        }
        listForm.forEach((name, list) -> q.objects.put(name, group(list)));
        q.pairs.putAll(listForm);
        indexedForm.forEach((name, byIndex) ->
                q.objects.computeIfAbsent(name, n -> new ArrayList<>()).addAll(byIndex.values()));
        return q;
    }

    /** Rack's grouping, or grouping by position when Rack's leaves an object without a pacticipant. */
    static List<Map<String, String>> group(List<String[]> pairs) {
        List<Map<String, String>> rack = new ArrayList<>();
        for (String[] pair : pairs) {
            if (rack.isEmpty() || rack.get(rack.size() - 1).containsKey(pair[0])) {
                rack.add(new LinkedHashMap<>());
            }
            rack.get(rack.size() - 1).put(pair[0], pair[1]);
        }
        boolean complete = rack.stream().allMatch(o -> o.containsKey("pacticipant"));
        if (complete) {
            return rack;
        }
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (String[] pair : pairs) {
            columns.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(pair[1]);
        }
        List<String> pacticipants = columns.getOrDefault("pacticipant", List.of());
        if (pacticipants.isEmpty() || columns.values().stream().anyMatch(c -> c.size() > pacticipants.size())) {
            return rack;
        }
        List<Map<String, String>> byPosition = new ArrayList<>();
        for (int i = 0; i < pacticipants.size(); i++) {
            Map<String, String> o = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> column : columns.entrySet()) {
                if (i < column.getValue().size()) {
                    o.put(column.getKey(), column.getValue().get(i));
                }
            }
            byPosition.add(o);
        }
        return byPosition;
    }

    /**
     * The values of a list-form group by key, when the keys arrived sorted by name with a key repeated and some key
     * besides {@code pacticipant} ({@code q[][pacticipant]=Foo&q[][pacticipant]=Bar&q[][tag]=prod&q[][version]=1}):
     * then the order no longer says which value belongs to which pacticipant. Null otherwise.
     */
    Map<String, List<String>> ambiguousColumns(String name) {
        List<String[]> list = pairs.get(name);
        if (list == null || list.size() < 2) {
            return null;
        }
        boolean sorted = true;
        boolean repeated = false;
        for (int i = 1; i < list.size(); i++) {
            int order = list.get(i - 1)[0].compareTo(list.get(i)[0]);
            sorted &= order <= 0;
            repeated |= order == 0;
        }
        Map<String, List<String>> columns = new LinkedHashMap<>();
        list.forEach(p -> columns.computeIfAbsent(p[0], k -> new ArrayList<>()).add(p[1]));
        if (!sorted || !repeated || columns.size() < 2 || !columns.containsKey("pacticipant")) {
            return null;
        }
        int pacticipants = columns.get("pacticipant").size();
        if (pacticipants < 2 || columns.values().stream().anyMatch(c -> c.size() > pacticipants)) {
            return null;
        }
        return columns;
    }

    List<Map<String, String>> objects(String name) {
        return objects.getOrDefault(name, List.of());
    }

    /** The values of {@code name[]}, or of {@code name} when given once without brackets; null when absent. */
    List<String> list(String name) {
        if (lists.containsKey(name)) {
            return lists.get(name);
        }
        return values.containsKey(name) ? List.of(values.get(name)) : null;
    }

    String value(String name) {
        return values.get(name);
    }

    private static List<Map.Entry<String, String>> pairs(String rawQuery) {
        try {
            return NestedQuery.pairs(rawQuery);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.malformed("The query string is not valid: " + e.getMessage());
        }
    }
}
