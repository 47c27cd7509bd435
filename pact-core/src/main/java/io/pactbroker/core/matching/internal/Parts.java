package io.pactbroker.core.matching.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.pactbroker.core.internal.Json;
import io.pactbroker.core.matching.Mismatch;
import io.pactbroker.core.model.Headers;
import io.pactbroker.core.model.MatchingRule;
import io.pactbroker.core.model.Query;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Matching of the parts of a message other than the body: method, path, query, headers, status and metadata. */
public final class Parts {

    private Parts() {}

    public static List<Mismatch> method(String expected, String actual) {
        if (expected.equalsIgnoreCase(actual)) {
            return List.of();
        }
        return List.of(new Mismatch(
                Mismatch.Kind.METHOD,
                "",
                Optional.empty(),
                expected,
                actual,
                "expected " + expected + " but was " + actual));
    }

    public static List<Mismatch> path(String expected, String actual, RuleContext rules) {
        if (rules.matcherIsDefined(Loc.empty())) {
            return rekind(
                    JsonMatcher.applyRules(Loc.empty(), rules.select(Loc.empty()), text(expected), text(actual), true),
                    Mismatch.Kind.PATH,
                    "");
        }
        if (expected.equals(actual)) {
            return List.of();
        }
        return List.of(new Mismatch(
                Mismatch.Kind.PATH,
                "",
                Optional.empty(),
                expected,
                actual,
                "expected " + Describe.quoted(expected) + " but was " + Describe.quoted(actual)));
    }

    public static List<Mismatch> status(int expected, int actual, RuleContext rules) {
        JsonNode e = Json.NODES.numberNode(expected);
        JsonNode a = Json.NODES.numberNode(actual);
        if (rules.matcherIsDefined(Loc.empty())) {
            return rekind(
                    JsonMatcher.applyRules(Loc.empty(), rules.select(Loc.empty()), e, a, false),
                    Mismatch.Kind.STATUS,
                    "");
        }
        if (expected == actual) {
            return List.of();
        }
        return List.of(new Mismatch(
                Mismatch.Kind.STATUS,
                "",
                Optional.empty(),
                Integer.toString(expected),
                Integer.toString(actual),
                "expected " + expected + " but was " + actual));
    }

    static JsonNode text(String value) {
        return Json.NODES.textNode(value);
    }

    static List<Mismatch> rekind(List<Mismatch> mismatches, Mismatch.Kind kind, String path) {
        List<Mismatch> out = new ArrayList<>(mismatches.size());
        for (Mismatch m : mismatches) {
            out.add(new Mismatch(kind, path, m.rule(), m.expected(), m.actual(), m.description()));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------- query

    /** Query parameters by name; specification V1 compares query strings as strings (after decoding). */
    public static List<Mismatch> query(Query expected, Query actual, RuleContext rules, boolean v1) {
        if (v1 && expected.raw().isPresent() && actual.raw().isPresent()) {
            List<String> e = Query.segments(expected.raw().get()).stream()
                    .map(Arrays::asList)
                    .map(Object::toString)
                    .toList();
            List<String> a = Query.segments(actual.raw().get()).stream()
                    .map(Arrays::asList)
                    .map(Object::toString)
                    .toList();
            if (e.equals(a)) {
                return List.of();
            }
            return List.of(new Mismatch(
                    Mismatch.Kind.QUERY,
                    "",
                    Optional.empty(),
                    expected.raw().get(),
                    actual.raw().get(),
                    "expected " + Describe.quoted(expected.raw().get()) + " but was "
                            + Describe.quoted(actual.raw().get()) + " (V1 compares query strings as strings)"));
        }
        return multiMap(
                expected.asMap(), actual.asMap(), rules, Mismatch.Kind.QUERY, name -> name, "query parameter", true);
    }

    interface PathOf {
        String of(String name);
    }

    /**
     * Compares multi-valued string maps (query parameters, form fields): every expected name must be there with its
     * values in order, and no other names may be.
     */
    static List<Mismatch> multiMap(
            Map<String, List<String>> expected,
            Map<String, List<String>> actual,
            RuleContext rules,
            Mismatch.Kind kind,
            PathOf pathOf,
            String what,
            boolean unexpectedIsMismatch) {
        List<Mismatch> out = new ArrayList<>();
        expected.forEach((name, values) -> {
            List<String> actualValues = actual.get(name);
            String path = pathOf.of(name);
            if (actualValues == null) {
                out.add(new Mismatch(
                        kind,
                        path,
                        Optional.empty(),
                        String.join(", ", values),
                        "",
                        "expected " + describeValues(values) + " but the " + what + " was missing"));
                return;
            }
            Loc loc = Loc.named(name);
            if (rules.matcherIsDefined(loc)) {
                out.addAll(rekind(stringList(loc, values, actualValues, rules, Parts::compareValue), kind, path));
            } else if (values.isEmpty() && !actualValues.isEmpty()) {
                out.add(new Mismatch(
                        kind,
                        path,
                        Optional.empty(),
                        "",
                        String.join(", ", actualValues),
                        "expected no values but was " + describeValues(actualValues)));
            } else {
                for (int i = 0; i < Math.max(values.size(), actualValues.size()); i++) {
                    if (i >= values.size() || i >= actualValues.size()) {
                        out.add(new Mismatch(
                                kind,
                                path,
                                Optional.empty(),
                                String.join(", ", values),
                                String.join(", ", actualValues),
                                "expected " + describeValues(values) + " but was " + describeValues(actualValues)));
                        break;
                    }
                    List<Mismatch> value = compareValue(loc.index(i), values.get(i), actualValues.get(i), rules);
                    out.addAll(rekind(value, kind, path));
                }
            }
        });
        if (unexpectedIsMismatch) {
            actual.forEach((name, values) -> {
                if (!expected.containsKey(name)) {
                    out.add(new Mismatch(
                            kind,
                            pathOf.of(name),
                            Optional.empty(),
                            "",
                            String.join(", ", values),
                            "expected no such " + what + " but was " + describeValues(values)));
                }
            });
        }
        return out;
    }

    static String describeValues(List<String> values) {
        if (values.size() == 1) {
            return Describe.quoted(values.get(0));
        }
        return values.stream().map(Describe::quoted).collect(Collectors.joining(", ", "[", "]"));
    }

    private static List<Mismatch> compareValue(Loc loc, String expected, String actual, RuleContext rules) {
        if (rules.matcherIsDefined(loc)) {
            return JsonMatcher.applyRules(loc, rules.select(loc), text(expected), text(actual), true);
        }
        if (expected.equals(actual)) {
            return List.of();
        }
        return List.of(new Mismatch(
                Mismatch.Kind.BODY,
                loc.rendered(),
                Optional.empty(),
                expected,
                actual,
                "expected " + Describe.quoted(expected) + " but was " + Describe.quoted(actual)));
    }

    interface ValueComparer {
        List<Mismatch> compare(Loc loc, String expected, String actual, RuleContext rules);
    }

    /** A list of string values under rules on the list (type rules pad the expected list with its first value). */
    static List<Mismatch> stringList(
            Loc loc, List<String> expected, List<String> actual, RuleContext rules, ValueComparer comparer) {
        RuleContext.Selected selected = rules.select(loc);
        List<List<Mismatch>> results = new ArrayList<>();
        ArrayNode e = Json.NODES.arrayNode();
        expected.forEach(e::add);
        ArrayNode a = Json.NODES.arrayNode();
        actual.forEach(a::add);
        for (MatchingRule rule : selected.rules().rules()) {
            List<Mismatch> result = new ArrayList<>();
            if (rule instanceof MatchingRule.Equality) {
                if (!expected.equals(actual)) {
                    result.add(new Mismatch(
                            Mismatch.Kind.BODY,
                            loc.rendered(),
                            Optional.of(rule),
                            String.join(", ", expected),
                            String.join(", ", actual),
                            "expected " + describeValues(expected) + " but was " + describeValues(actual)));
                }
            } else if (rule.isTypeRule()) {
                String failure = ValueRules.check(rule, e, a, selected.cascaded(), true);
                if (failure != null) {
                    result.add(new Mismatch(
                            Mismatch.Kind.BODY,
                            loc.rendered(),
                            Optional.of(rule),
                            String.join(", ", expected),
                            String.join(", ", actual),
                            failure.replace("an array", "a list of values")));
                }
            }
            if (!expected.isEmpty()) {
                for (int i = 0; i < actual.size(); i++) {
                    String expectedValue = i < expected.size() ? expected.get(i) : expected.get(0);
                    result.addAll(comparer.compare(loc.index(i), expectedValue, actual.get(i), rules));
                }
                if (actual.size() < expected.size() && !rule.isTypeRule()) {
                    result.add(new Mismatch(
                            Mismatch.Kind.BODY,
                            loc.rendered(),
                            Optional.of(rule),
                            String.join(", ", expected),
                            String.join(", ", actual),
                            "expected " + describeValues(expected) + " but was " + describeValues(actual)));
                }
            }
            results.add(result);
        }
        return JsonMatcher.combine(selected.rules().logic(), results);
    }

    // ---------------------------------------------------------------------------------------------- headers

    private static final List<String> PARAMETERISED = List.of("accept", "content-type");

    /** Every expected header must be there (names ignore case) with matching values; other headers may be. */
    public static List<Mismatch> headers(Headers expected, Headers actual, RuleContext rules) {
        List<Mismatch> out = new ArrayList<>();
        expected.asMap().forEach((name, declared) -> {
            List<String> values = split(name, declared);
            if (!actual.contains(name)) {
                out.add(new Mismatch(
                        Mismatch.Kind.HEADER,
                        name,
                        Optional.empty(),
                        String.join(", ", values),
                        "",
                        "expected " + describeValues(values) + " but the header was missing"));
                return;
            }
            List<String> actualValues = split(name, actual.get(name));
            if (values.isEmpty()) {
                if (!actualValues.isEmpty() && !actualValues.equals(List.of(""))) {
                    out.add(new Mismatch(
                            Mismatch.Kind.HEADER,
                            name,
                            Optional.empty(),
                            "",
                            String.join(", ", actualValues),
                            "expected an empty header but was " + describeValues(actualValues)));
                }
                return;
            }
            if (values.size() == 1 && actualValues.size() == 1) {
                out.addAll(headerValue(name, 0, values.get(0), actualValues.get(0), rules));
                return;
            }
            Loc loc = Loc.named(name);
            if (rules.matcherIsDefined(loc)) {
                out.addAll(rekind(
                        stringList(loc, values, actualValues, rules, (l, e, a, r) -> headerValue(name, 0, e, a, r)),
                        Mismatch.Kind.HEADER,
                        name));
                return;
            }
            for (int i = 0; i < Math.max(values.size(), actualValues.size()); i++) {
                if (i >= actualValues.size()) {
                    out.add(new Mismatch(
                            Mismatch.Kind.HEADER,
                            name,
                            Optional.empty(),
                            String.join(", ", values),
                            String.join(", ", actualValues),
                            "expected " + describeValues(values) + " but was " + describeValues(actualValues)));
                    break;
                }
                String expectedValue = i < values.size() ? values.get(i) : "";
                out.addAll(headerValue(name, i, expectedValue, actualValues.get(i), rules));
            }
        });
        return out;
    }

    /** Whether rules on the {@code Content-Type} header accept the actual content type. */
    public static boolean contentTypeRuleAccepts(String expected, String actual, RuleContext headerRules) {
        return headerRules.matcherIsDefined(Loc.named("Content-Type"))
                && headerValue("Content-Type", 0, expected, actual, headerRules).isEmpty();
    }

    /**
     * The values of a list-valued header ({@code Accept}, {@code Cache-Control}...) split at commas, so that one line
     * {@code a, b} and two lines {@code a} and {@code b} compare the same.
     */
    private static List<String> split(String name, List<String> values) {
        List<String> out = new ArrayList<>(values.size());
        for (String value : values) {
            out.addAll(Headers.parseValue(name, value));
        }
        return out;
    }

    private static List<Mismatch> headerValue(
            String name, int index, String expected, String actual, RuleContext rules) {
        String e = expected.trim();
        String a = actual.trim();
        Loc loc = Loc.named(name);
        Loc indexed = loc.index(index);
        if (rules.matcherIsDefined(loc)) {
            return rekind(
                    JsonMatcher.applyRules(loc, rules.select(loc), text(e), text(a), true), Mismatch.Kind.HEADER, name);
        }
        if (rules.matcherIsDefined(indexed)) {
            return rekind(
                    JsonMatcher.applyRules(indexed, rules.select(indexed), text(e), text(a), true),
                    Mismatch.Kind.HEADER,
                    name);
        }
        boolean matches = PARAMETERISED.contains(name.toLowerCase(Locale.ROOT))
                ? parameterValueMatches(e, a)
                : normaliseCommas(e).equals(normaliseCommas(a));
        if (matches) {
            return List.of();
        }
        return List.of(new Mismatch(
                Mismatch.Kind.HEADER,
                name,
                Optional.empty(),
                e,
                a,
                "expected " + Describe.quoted(e) + " but was " + Describe.quoted(a)));
    }

    private static String normaliseCommas(String value) {
        return Arrays.stream(value.split(",", -1)).map(String::trim).collect(Collectors.joining(","));
    }

    /**
     * A value with parameters ({@code application/json; charset=UTF-8}): the main value must be the same and every
     * expected parameter must be there with the same value (ignoring case); the actual value may have more.
     */
    public static boolean parameterValueMatches(String expected, String actual) {
        List<String> e = splitParameters(expected);
        List<String> a = splitParameters(actual);
        String eMain = e.isEmpty() ? "" : e.get(0);
        String aMain = a.isEmpty() ? "" : a.get(0);
        if (!eMain.equals(aMain)) {
            return false;
        }
        Map<String, String> actualParameters = parameters(a);
        for (Map.Entry<String, String> parameter : parameters(e).entrySet()) {
            String value = actualParameters.get(parameter.getKey());
            if (value == null || !value.equalsIgnoreCase(parameter.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> splitParameters(String value) {
        return Arrays.stream(value.split(";"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static Map<String, String> parameters(List<String> parts) {
        Map<String, String> map = new HashMap<>();
        for (String part : parts.subList(Math.min(1, parts.size()), parts.size())) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                map.put(
                        part.substring(0, eq).trim().toLowerCase(Locale.ROOT),
                        part.substring(eq + 1).trim());
            }
        }
        return map;
    }

    // ---------------------------------------------------------------------------------------------- metadata

    /** Every expected metadata entry must be there and match; other entries may be. */
    public static List<Mismatch> metadata(
            Map<String, JsonNode> expected, Map<String, JsonNode> actual, RuleContext rules) {
        List<Mismatch> out = new ArrayList<>();
        expected.forEach((key, value) -> {
            JsonNode actualValue = actual.get(key);
            if (actualValue == null) {
                out.add(new Mismatch(
                        Mismatch.Kind.METADATA,
                        key,
                        Optional.empty(),
                        Describe.full(value),
                        "",
                        "expected " + Describe.value(value) + " but the entry was missing"));
                return;
            }
            Loc loc = Loc.named(key);
            if (rules.matcherIsDefined(loc)) {
                out.addAll(rekind(
                        JsonMatcher.applyRules(loc, rules.select(loc), value, actualValue, false),
                        Mismatch.Kind.METADATA,
                        key));
                return;
            }
            String lower = key.toLowerCase(Locale.ROOT);
            boolean matches = (lower.equals("contenttype") || lower.equals("content-type"))
                            && value.isTextual()
                            && actualValue.isTextual()
                    ? parameterValueMatches(value.textValue(), actualValue.textValue())
                    : ValueRules.jsonEquals(value, actualValue);
            if (!matches) {
                out.add(new Mismatch(
                        Mismatch.Kind.METADATA,
                        key,
                        Optional.empty(),
                        Describe.full(value),
                        Describe.full(actualValue),
                        "expected " + Describe.value(value) + " but was " + Describe.value(actualValue)));
            }
        });
        return out;
    }
}
