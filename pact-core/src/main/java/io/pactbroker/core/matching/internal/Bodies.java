package io.pactbroker.core.matching.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactbroker.core.internal.ContentSniffer;
import io.pactbroker.core.internal.Json;
import io.pactbroker.core.matching.Mismatch;
import io.pactbroker.core.model.Body;
import io.pactbroker.core.model.ContentType;
import io.pactbroker.core.model.MatchingRule;
import io.pactbroker.core.model.Query;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Body matching: first the content types must agree, then the contents are compared by the expected content type
 * (JSON, XML, multipart, form, binary, or text).
 */
public final class Bodies {

    private Bodies() {}

    /** A body with the content type it has, states or appears to have. */
    public record Part(Body body, Optional<ContentType> contentType) {
        /** The body's own content type, else the declared one, else detected from the content. */
        public static Part of(Body body, Optional<ContentType> declared) {
            Optional<ContentType> type = body.contentType().or(() -> declared);
            if (type.isEmpty() && body.isPresent()) {
                type = Optional.of(ContentSniffer.detect(body.bytes()));
            }
            return new Part(body, type);
        }
    }

    /**
     * Matches a body, checking the content type first.
     *
     * @param headerRules the header rules, which may allow other content types through a rule on {@code Content-Type}
     */
    public static List<Mismatch> match(Part expected, Part actual, RuleContext rules, RuleContext headerRules) {
        ContentType expectedType = expected.contentType().orElse(null);
        ContentType actualType = actual.contentType().orElse(null);
        boolean compatible = expectedType == null
                || actualType == null
                || expectedType.isUnknown()
                || actualType.isUnknown()
                || expectedType.isEquivalentTo(actualType)
                || expectedType.isEquivalentTo(actualType.baseType())
                || Parts.contentTypeRuleAccepts(expectedType.toString(), actualType.toString(), headerRules);
        if (compatible) {
            return content(expectedType, expected.body(), actual.body(), rules);
        }
        if (expected.body().isPresent()) {
            return List.of(new Mismatch(
                    Mismatch.Kind.BODY_TYPE,
                    "",
                    Optional.empty(),
                    expectedType.toString(),
                    actualType.toString(),
                    "expected a body of type " + expectedType + " but was " + actualType));
        }
        return List.of();
    }

    /** Matches body contents of a known content type (also used for message contents). */
    public static List<Mismatch> content(ContentType type, Body expected, Body actual, RuleContext rules) {
        if (expected instanceof Body.Missing) {
            return List.of();
        }
        if (expected instanceof Body.Null || expected.isEmpty()) {
            if (actual.isPresent()) {
                return List.of(body(
                        null,
                        "",
                        describe(actual),
                        "expected " + (expected.isEmpty() ? "an empty body" : "no body") + " but was "
                                + describe(actual)));
            }
            return List.of();
        }
        if (actual instanceof Body.Missing || actual instanceof Body.Null) {
            return List.of(
                    body(null, describe(expected), "", "expected " + describe(expected) + " but the body was missing"));
        }
        if (actual.isEmpty()) {
            return List.of(
                    body(null, describe(expected), "", "expected " + describe(expected) + " but the body was empty"));
        }
        return compare(type == null ? ContentType.TEXT : type, expected, actual, rules);
    }

    private static List<Mismatch> compare(ContentType type, Body expected, Body actual, RuleContext rules) {
        if (type.isJson()) {
            return json(expected, actual, rules);
        }
        if (type.isXml()) {
            return XmlMatcher.match(expected.bytes(), actual.bytes(), rules);
        }
        if (type.isMultipart()) {
            return Multipart.match(type, expected, actual, rules);
        }
        if (type.isFormUrlEncoded()) {
            return form(expected, actual, rules);
        }
        if (type.isBinary() || hasContentTypeRule(rules)) {
            return binary(expected, actual, rules);
        }
        return text(expected, actual, rules);
    }

    private static boolean hasContentTypeRule(RuleContext rules) {
        return rules.matcherIsDefined(Loc.root())
                && rules.select(Loc.root()).rules().rules().stream()
                        .anyMatch(MatchingRule.ContentType.class::isInstance);
    }

    private static List<Mismatch> json(Body expected, Body actual, RuleContext rules) {
        List<Mismatch> problems = new ArrayList<>();
        JsonNode e = tree(expected, "expected", problems);
        JsonNode a = tree(actual, "actual", problems);
        if (!problems.isEmpty()) {
            return problems;
        }
        return JsonMatcher.match(e, a, rules);
    }

    private static JsonNode tree(Body body, String which, List<Mismatch> problems) {
        if (body instanceof Body.Json json) {
            return json.value();
        }
        try {
            return body instanceof Body.Text text ? Json.parse(text.value()) : Json.parse(body.bytes());
        } catch (IOException e) {
            String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException p
                    ? p.getOriginalMessage()
                    : e.getMessage();
            problems.add(body(null, "", "", "the " + which + " body is not valid JSON: " + message));
            return null;
        }
    }

    private static List<Mismatch> text(Body expected, Body actual, RuleContext rules) {
        String e = expected.text();
        String a = actual.text();
        if (rules.matcherIsDefined(Loc.root())) {
            return JsonMatcher.applyRules(
                    Loc.root(), rules.select(Loc.root()), Json.NODES.textNode(e), Json.NODES.textNode(a), true);
        }
        if (e.equals(a)) {
            return List.of();
        }
        return List.of(body(null, e, a, "expected " + Describe.quoted(e) + " but was " + Describe.quoted(a)));
    }

    private static List<Mismatch> form(Body expected, Body actual, RuleContext rules) {
        Query e = Query.parse(expected.text());
        Query a = Query.parse(actual.text());
        return Parts.multiMap(
                e.asMap(),
                a.asMap(),
                rules,
                Mismatch.Kind.BODY,
                name -> Loc.named(name).rendered(),
                "form field",
                true);
    }

    static List<Mismatch> binary(Body expected, Body actual, RuleContext rules) {
        byte[] e = expected.bytes();
        byte[] a = actual.bytes();
        if (rules.matcherIsDefined(Loc.root())) {
            RuleContext.Selected selected = rules.select(Loc.root());
            List<Mismatch> failures = new ArrayList<>();
            for (MatchingRule rule : selected.rules().rules()) {
                String failure = binaryRule(rule, e, a, actual);
                if (failure == null && selected.rules().logic() == io.pactbroker.core.model.RuleList.RuleLogic.OR) {
                    return List.of();
                }
                if (failure != null) {
                    failures.add(new Mismatch(Mismatch.Kind.BODY, "$", Optional.of(rule), bytes(e), bytes(a), failure));
                }
            }
            return failures;
        }
        if (Arrays.equals(e, a)) {
            return List.of();
        }
        return List.of(body(null, bytes(e), bytes(a), "expected " + bytes(e) + " but was " + bytes(a)));
    }

    private static String binaryRule(MatchingRule rule, byte[] expected, byte[] actual, Body actualBody) {
        if (rule instanceof MatchingRule.ContentType contentType) {
            return ValueRules.contentType(contentType.contentType(), actual);
        }
        if (rule instanceof MatchingRule.Equality) {
            return Arrays.equals(expected, actual) ? null : "expected " + bytes(expected) + " but was " + bytes(actual);
        }
        if (rule instanceof MatchingRule.NotEmpty) {
            return actual.length > 0 ? null : "expected a non-empty body but it was empty";
        }
        if (rule.isTypeRule()) {
            return null;
        }
        JsonNode text = Json.NODES.textNode(actualBody.text());
        return ValueRules.check(rule, text, text, false, true);
    }

    private static String bytes(byte[] data) {
        String hex = HexFormat.of().formatHex(data, 0, Math.min(data.length, 16));
        return data.length + " bytes (" + hex + (data.length > 16 ? "\u2026" : "") + ")";
    }

    private static String describe(Body body) {
        if (body instanceof Body.Json json) {
            return Describe.value(json.value());
        }
        if (body instanceof Body.Text text) {
            return Describe.quoted(text.value());
        }
        return body.toString();
    }

    static Mismatch body(MatchingRule rule, String expected, String actual, String description) {
        return new Mismatch(Mismatch.Kind.BODY, "$", Optional.ofNullable(rule), expected, actual, description);
    }
}
