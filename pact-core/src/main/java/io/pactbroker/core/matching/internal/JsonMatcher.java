package io.pactbroker.core.matching.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactbroker.core.internal.Json;
import io.pactbroker.core.matching.Mismatch;
import io.pactbroker.core.model.DocPath;
import io.pactbroker.core.model.MatchingRule;
import io.pactbroker.core.model.RuleList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares JSON documents: objects key by key, arrays element by element, values by equality unless a rule says
 * otherwise. Rules on objects and arrays decide how their contents are compared (type rules pad the expected array
 * with its first element, {@code values}/{@code eachValue} compare every actual value with an expected one, {@code
 * arrayContains} looks for each variant anywhere in the array, {@code eachKey} checks every key).
 */
public final class JsonMatcher {

    private JsonMatcher() {}

    /** Compares two documents from the root. */
    public static List<Mismatch> match(JsonNode expected, JsonNode actual, RuleContext context) {
        List<Mismatch> out = new ArrayList<>();
        compare(Loc.root(), expected, actual, context, out);
        return out;
    }

    static void compare(Loc loc, JsonNode expected, JsonNode actual, RuleContext context, List<Mismatch> out) {
        if (expected.isObject()) {
            if (actual.isObject()) {
                compareMaps(loc, expected, actual, context, out);
            } else {
                out.add(mismatch(loc, null, expected, actual, "expected an object but was " + Describe.value(actual)));
            }
        } else if (expected.isArray()) {
            if (actual.isArray()) {
                compareLists(loc, expected, actual, context, out);
            } else {
                out.add(mismatch(loc, null, expected, actual, "expected an array but was " + Describe.value(actual)));
            }
        } else {
            compareValues(loc, expected, actual, context, out);
        }
    }

    static Mismatch mismatch(Loc loc, MatchingRule rule, JsonNode expected, JsonNode actual, String description) {
        return new Mismatch(
                Mismatch.Kind.BODY,
                loc.rendered(),
                Optional.ofNullable(rule),
                Describe.full(expected),
                Describe.full(actual),
                description);
    }

    // ------------------------------------------------------------------------------------------------ values

    private static void compareValues(
            Loc loc, JsonNode expected, JsonNode actual, RuleContext context, List<Mismatch> out) {
        if (context.matcherIsDefined(loc)) {
            RuleContext.Selected selected = context.select(loc);
            out.addAll(applyRules(loc, selected, expected, actual, false));
        } else if (!ValueRules.jsonEquals(expected, actual)) {
            out.add(mismatch(
                    loc,
                    null,
                    expected,
                    actual,
                    "expected " + Describe.value(expected) + " but was " + Describe.value(actual)));
        }
    }

    /** Applies rules to one value, combining with AND or OR. */
    static List<Mismatch> applyRules(
            Loc loc, RuleContext.Selected selected, JsonNode expected, JsonNode actual, boolean textMode) {
        if (selected.rules().isEmpty()) {
            return ValueRules.jsonEquals(expected, actual)
                    ? List.of()
                    : List.of(mismatch(
                            loc,
                            null,
                            expected,
                            actual,
                            "expected " + Describe.value(expected) + " but was " + Describe.value(actual)));
        }
        List<Mismatch> failures = new ArrayList<>();
        for (MatchingRule rule : selected.rules().rules()) {
            String failure = ValueRules.check(rule, expected, actual, selected.cascaded(), textMode);
            if (failure == null) {
                if (selected.rules().logic() == RuleList.RuleLogic.OR) {
                    return List.of();
                }
            } else {
                failures.add(mismatch(loc, rule, expected, actual, failure));
            }
        }
        return failures;
    }

    // ------------------------------------------------------------------------------------------------ objects

    private static void compareMaps(
            Loc loc, JsonNode expected, JsonNode actual, RuleContext context, List<Mismatch> out) {
        if (expected.isEmpty() && !context.allowUnexpectedKeys() && !actual.isEmpty()) {
            out.add(mismatch(
                    loc, null, expected, actual, "expected an empty object but was " + Describe.value(actual)));
            return;
        }
        if (context.matcherIsDefined(loc)) {
            RuleContext.Selected selected = context.select(loc);
            List<List<Mismatch>> results = new ArrayList<>();
            for (MatchingRule rule : selected.rules().rules()) {
                List<Mismatch> result = new ArrayList<>();
                compareMapsWithRule(loc, rule, selected.cascaded(), expected, actual, context, result);
                results.add(result);
            }
            out.addAll(combine(selected.rules().logic(), results));
        } else {
            matchKeys(loc, expected, actual, context, out);
            compareEntries(loc, expected, actual, context, out);
        }
    }

    private static void compareEntries(
            Loc loc, JsonNode expected, JsonNode actual, RuleContext context, List<Mismatch> out) {
        Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode actualValue = actual.get(field.getKey());
            if (actualValue != null) {
                compare(loc.field(field.getKey()), field.getValue(), actualValue, context, out);
            }
        }
    }

    private static void compareMapsWithRule(
            Loc loc,
            MatchingRule rule,
            boolean cascaded,
            JsonNode expected,
            JsonNode actual,
            RuleContext context,
            List<Mismatch> out) {
        if (!cascaded && rule.isValuesRule()) {
            RuleContext valuesContext = context;
            if (rule instanceof MatchingRule.EachValue eachValue) {
                valuesContext =
                        context.plus(Map.of(starPath(loc), new RuleList(eachValue.rules(), RuleList.RuleLogic.AND)));
            }
            JsonNode first = expected.isEmpty() ? null : expected.elements().next();
            Iterator<Map.Entry<String, JsonNode>> fields = actual.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode expectedValue = expected.has(field.getKey()) ? expected.get(field.getKey()) : first;
                if (expectedValue != null) {
                    compare(loc.field(field.getKey()), expectedValue, field.getValue(), valuesContext, out);
                }
            }
            return;
        }
        String failure = containerCheck(rule, expected, actual, cascaded);
        if (failure != null) {
            out.add(mismatch(loc, rule, expected, actual, failure));
        }
        matchKeys(loc, expected, actual, context, out);
        compareEntries(loc, expected, actual, context, out);
    }

    /** What a rule says about an object or array itself (its contents are compared separately). */
    private static String containerCheck(MatchingRule rule, JsonNode expected, JsonNode actual, boolean cascaded) {
        if (rule instanceof MatchingRule.Equality) {
            return ValueRules.jsonEquals(expected, actual)
                    ? null
                    : "expected " + Describe.value(expected) + " but was " + Describe.value(actual);
        }
        if (rule.isTypeRule()
                || rule instanceof MatchingRule.NotEmpty
                || rule instanceof MatchingRule.Unknown
                || rule instanceof MatchingRule.ContentType) {
            return ValueRules.check(rule, expected, actual, cascaded, false);
        }
        if (rule instanceof MatchingRule.Values
                || rule instanceof MatchingRule.EachKey
                || rule instanceof MatchingRule.EachValue
                || rule instanceof MatchingRule.ArrayContains
                || rule instanceof MatchingRule.Regex
                || rule instanceof MatchingRule.Include
                || cascaded
                || actual.isArray()) {
            return null;
        }
        return ValueRules.check(rule, expected, actual, false, false);
    }

    private static DocPath starPath(Loc loc) {
        List<DocPath.Token> tokens = new ArrayList<>();
        for (String segment : loc.segments) {
            tokens.add(segment.equals("$") && tokens.isEmpty() ? new DocPath.Root() : new DocPath.Field(segment));
        }
        tokens.add(new DocPath.Star());
        return DocPath.of(tokens);
    }

    private static void matchKeys(
            Loc loc, JsonNode expected, JsonNode actual, RuleContext context, List<Mismatch> out) {
        boolean collectionRule = context.directMatcherDefined(
                loc,
                r -> r instanceof MatchingRule.Values
                        || r instanceof MatchingRule.EachValue
                        || r instanceof MatchingRule.EachKey);
        if (!collectionRule) {
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!actual.has(field.getKey())) {
                    out.add(mismatch(
                            loc.field(field.getKey()),
                            null,
                            field.getValue(),
                            null,
                            "expected " + Describe.value(field.getValue()) + " but the key was missing"));
                }
            }
            if (!context.allowUnexpectedKeys()) {
                Iterator<Map.Entry<String, JsonNode>> actualFields = actual.fields();
                while (actualFields.hasNext()) {
                    Map.Entry<String, JsonNode> field = actualFields.next();
                    if (!expected.has(field.getKey())) {
                        out.add(mismatch(
                                loc.field(field.getKey()),
                                null,
                                null,
                                field.getValue(),
                                "expected no such key but was " + Describe.value(field.getValue())));
                    }
                }
            }
        }
        Optional<RuleList> direct = context.direct(loc);
        if (direct.isPresent()) {
            for (MatchingRule rule : direct.get().rules()) {
                if (rule instanceof MatchingRule.EachKey eachKey) {
                    Iterator<String> names = actual.fieldNames();
                    while (names.hasNext()) {
                        String key = names.next();
                        JsonNode keyNode = Json.NODES.textNode(key);
                        for (MatchingRule keyRule : eachKey.rules()) {
                            String failure = ValueRules.check(keyRule, keyNode, keyNode, false, true);
                            if (failure != null) {
                                out.add(new Mismatch(
                                        Mismatch.Kind.BODY,
                                        loc.field(key).rendered(),
                                        Optional.of(keyRule),
                                        "",
                                        key,
                                        "expected the key to be " + failure.substring("expected ".length())));
                            }
                        }
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ arrays

    private static void compareLists(
            Loc loc, JsonNode expected, JsonNode actual, RuleContext context, List<Mismatch> out) {
        if (context.matcherIsDefined(loc)) {
            RuleContext.Selected selected = context.select(loc);
            List<List<Mismatch>> results = new ArrayList<>();
            for (MatchingRule rule : selected.rules().rules()) {
                List<Mismatch> result = new ArrayList<>();
                compareListsWithRule(loc, rule, selected.cascaded(), expected, actual, context, result);
                results.add(result);
            }
            out.addAll(combine(selected.rules().logic(), results));
        } else if (expected.isEmpty() && !actual.isEmpty()) {
            out.add(mismatch(
                    loc,
                    null,
                    expected,
                    actual,
                    "expected an empty array but had " + Describe.items(actual.size()) + ": "
                            + Describe.value(actual)));
        } else {
            for (int i = 0; i < expected.size(); i++) {
                Loc child = loc.index(i);
                if (i < actual.size()) {
                    compare(child, expected.get(i), actual.get(i), context, out);
                } else if (!context.matcherIsDefined(child)) {
                    out.add(mismatch(
                            child,
                            null,
                            expected.get(i),
                            null,
                            "expected " + Describe.value(expected.get(i)) + " but the array had only "
                                    + Describe.items(actual.size())));
                }
            }
            if (actual.size() > expected.size()) {
                out.add(mismatch(
                        loc,
                        null,
                        expected,
                        actual,
                        "expected an array with " + Describe.items(expected.size()) + " but had "
                                + Describe.items(actual.size())));
            }
        }
    }

    private static void compareListsWithRule(
            Loc loc,
            MatchingRule rule,
            boolean cascaded,
            JsonNode expected,
            JsonNode actual,
            RuleContext context,
            List<Mismatch> out) {
        if (rule instanceof MatchingRule.ArrayContains contains && !cascaded) {
            arrayContains(loc, contains, expected, actual, context, out);
            return;
        }
        if (rule instanceof MatchingRule.EachValue eachValue && !cascaded) {
            RuleContext valuesContext =
                    context.plus(Map.of(starPath(loc), new RuleList(eachValue.rules(), RuleList.RuleLogic.AND)));
            listContents(loc, expected, actual, valuesContext, out);
            return;
        }
        String failure = containerCheck(rule, expected, actual, cascaded);
        if (failure != null) {
            out.add(mismatch(loc, rule, expected, actual, failure));
        }
        if (!expected.isEmpty()) {
            listContents(loc, expected, actual, context, out);
        }
    }

    /** Compares elements, the expected array padded with its first element to the actual length. */
    private static void listContents(
            Loc loc, JsonNode expected, JsonNode actual, RuleContext context, List<Mismatch> out) {
        if (expected.isEmpty()) {
            return;
        }
        int length = Math.max(expected.size(), actual.size());
        for (int i = 0; i < length; i++) {
            JsonNode expectedValue = i < expected.size() ? expected.get(i) : expected.get(0);
            Loc child = loc.index(i);
            if (i < actual.size()) {
                compare(child, expectedValue, actual.get(i), context, out);
            } else if (!context.matcherIsDefined(child)) {
                out.add(mismatch(
                        child,
                        null,
                        expectedValue,
                        null,
                        "expected " + Describe.value(expectedValue) + " but the array had only "
                                + Describe.items(actual.size())));
            }
        }
    }

    private static void arrayContains(
            Loc loc,
            MatchingRule.ArrayContains rule,
            JsonNode expected,
            JsonNode actual,
            RuleContext context,
            List<Mismatch> out) {
        List<MatchingRule.Variant> variants = rule.variants();
        if (variants.isEmpty()) {
            variants = new ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                variants.add(new MatchingRule.Variant(i, Map.of(), Map.of()));
            }
        }
        for (MatchingRule.Variant variant : variants) {
            if (variant.index() < 0 || variant.index() >= expected.size()) {
                out.add(mismatch(
                        loc,
                        rule,
                        expected,
                        actual,
                        "the arrayContains variant " + variant.index() + " is not in the expected array, which has "
                                + Describe.items(expected.size())));
                continue;
            }
            JsonNode example = expected.get(variant.index());
            RuleContext variantContext = context.only(variant.rules().isEmpty() ? Map.of() : variant.rules());
            boolean found = false;
            for (JsonNode element : actual) {
                List<Mismatch> attempt = new ArrayList<>();
                compare(Loc.root(), example, element, variantContext, attempt);
                if (attempt.isEmpty()) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                out.add(mismatch(
                        loc,
                        rule,
                        example,
                        actual,
                        "expected an array containing an element like " + Describe.value(example) + " but none of its "
                                + Describe.items(actual.size()) + " matched"));
            }
        }
    }

    /** AND keeps every mismatch (once); OR keeps none when one rule passed. */
    static List<Mismatch> combine(RuleList.RuleLogic logic, List<List<Mismatch>> results) {
        if (logic == RuleList.RuleLogic.OR) {
            for (List<Mismatch> result : results) {
                if (result.isEmpty()) {
                    return List.of();
                }
            }
        }
        LinkedHashSet<Mismatch> all = new LinkedHashSet<>();
        results.forEach(all::addAll);
        return new ArrayList<>(all);
    }
}
