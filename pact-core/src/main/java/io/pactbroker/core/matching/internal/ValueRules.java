package io.pactbroker.core.matching.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactbroker.core.internal.ContentSniffer;
import io.pactbroker.core.internal.Json;
import io.pactbroker.core.model.ContentType;
import io.pactbroker.core.model.MatchingRule;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What each matching rule accepts, for one value. A check returns {@code null} when the value passes and otherwise a
 * description of the form {@code expected ... but was ...}.
 *
 * <p>Values from JSON keep their JSON types. Values that are text by nature (headers, query parameters, paths, XML
 * text and attributes, form fields) are checked in text mode, where number and boolean rules look at the text.
 */
public final class ValueRules {

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?(\\d+\\.\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

    private ValueRules() {}

    /**
     * Checks one value against one rule.
     *
     * @param expected the expected value (the example)
     * @param actual the actual value
     * @param cascaded whether the rule was inherited from a parent (switches off size checks)
     * @param textMode whether the values are text by nature
     */
    public static String check(
            MatchingRule rule, JsonNode expected, JsonNode actual, boolean cascaded, boolean textMode) {
        if (rule instanceof MatchingRule.Equality || rule instanceof MatchingRule.Values) {
            if (rule instanceof MatchingRule.Values && actual.isContainerNode()) {
                return null;
            }
            return jsonEquals(expected, actual) ? null : "expected " + Describe.value(expected) + but(actual);
        }
        if (rule instanceof MatchingRule.Regex regex) {
            return regex(regex.regex(), actual);
        }
        if (rule instanceof MatchingRule.Type) {
            return sameType(expected, actual, textMode);
        }
        if (rule instanceof MatchingRule.MinType min) {
            return sized(expected, actual, textMode, cascaded ? -1 : min.min(), -1);
        }
        if (rule instanceof MatchingRule.MaxType max) {
            return sized(expected, actual, textMode, -1, cascaded ? -1 : max.max());
        }
        if (rule instanceof MatchingRule.MinMaxType minMax) {
            return sized(expected, actual, textMode, cascaded ? -1 : minMax.min(), cascaded ? -1 : minMax.max());
        }
        if (rule instanceof MatchingRule.Include include) {
            if (actual.isContainerNode()) {
                return null;
            }
            if (actual.isNull() || !text(actual).contains(include.value())) {
                return "expected a string including " + Describe.quoted(include.value()) + but(actual);
            }
            return null;
        }
        if (rule instanceof MatchingRule.NumberType) {
            return number(actual, cascaded, textMode, "a number", a -> a.isNumber(), t -> isNumber(t));
        }
        if (rule instanceof MatchingRule.IntegerType) {
            return number(actual, cascaded, textMode, "an integer", JsonNode::isIntegralNumber, t -> INTEGER.matcher(t)
                    .matches());
        }
        if (rule instanceof MatchingRule.DecimalType) {
            return number(
                    actual,
                    cascaded,
                    textMode,
                    "a decimal number",
                    JsonNode::isFloatingPointNumber,
                    t -> DECIMAL.matcher(t).matches());
        }
        if (rule instanceof MatchingRule.NullValue) {
            if (actual.isNull() || (cascaded && actual.isContainerNode())) {
                return null;
            }
            return "expected null" + but(actual);
        }
        if (rule instanceof MatchingRule.BooleanType) {
            if (actual.isBoolean() || actual.isArray() || (cascaded && actual.isObject())) {
                return null;
            }
            if (actual.isTextual()
                    && (actual.textValue().equals("true") || actual.textValue().equals("false"))) {
                return null;
            }
            return "expected a boolean" + but(actual);
        }
        if (rule instanceof MatchingRule.Date date) {
            return dateTime(DateTimes.Kind.DATE, date.format(), actual, cascaded);
        }
        if (rule instanceof MatchingRule.Time time) {
            return dateTime(DateTimes.Kind.TIME, time.format(), actual, cascaded);
        }
        if (rule instanceof MatchingRule.DateTime dateTime) {
            return dateTime(DateTimes.Kind.DATE_TIME, dateTime.format(), actual, cascaded);
        }
        if (rule instanceof MatchingRule.ContentType contentType) {
            return contentType(contentType.contentType(), bytesOf(actual));
        }
        if (rule instanceof MatchingRule.NotEmpty) {
            return isEmpty(actual) ? "expected a non-empty value" + but(actual) : null;
        }
        if (rule instanceof MatchingRule.Semver) {
            if (actual.isTextual() && SEMVER.matcher(actual.textValue()).matches()) {
                return null;
            }
            if (actual.isArray() || (cascaded && actual.isObject())) {
                return null;
            }
            return "expected a semantic version (like 1.2.3)" + but(actual);
        }
        if (rule instanceof MatchingRule.StatusCode status) {
            return statusCode(status, actual);
        }
        if (rule instanceof MatchingRule.EachKey
                || rule instanceof MatchingRule.EachValue
                || rule instanceof MatchingRule.ArrayContains) {
            return null;
        }
        if (rule instanceof MatchingRule.Unknown unknown) {
            return "expected a value accepted by the rule '" + unknown.name()
                    + "', which this implementation does not support, but was " + Describe.value(actual);
        }
        return "the rule '" + rule.name() + "' cannot be applied to " + Describe.value(actual);
    }

    private static String but(JsonNode actual) {
        return " but was " + Describe.value(actual);
    }

    /** JSON equality: integers equal integers, decimals equal decimals by value, integers never equal decimals. */
    public static boolean jsonEquals(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            if (expected.isIntegralNumber() != actual.isIntegralNumber()) {
                return false;
            }
            if (expected.isIntegralNumber()) {
                return expected.bigIntegerValue().equals(actual.bigIntegerValue());
            }
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (expected.isObject() && actual.isObject()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode other = actual.get(field.getKey());
                if (other == null || !jsonEquals(field.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!jsonEquals(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }

    /** A value as text: a string's value, a number's digits, anything else as JSON. */
    public static String text(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBigDecimal()) {
            return node.decimalValue().toString();
        }
        return node.isValueNode() ? node.asText() : Json.compact(node);
    }

    private static String regex(String regex, JsonNode actual) {
        if (actual.isContainerNode()) {
            return null;
        }
        Object compiled = Paths.pattern(regex);
        if (!(compiled instanceof Pattern pattern)) {
            return "the regular expression /" + regex + "/ is not valid (" + compiled + ")";
        }
        if (!actual.isNull() && pattern.matcher(text(actual)).matches()) {
            return null;
        }
        return "expected " + (actual.isTextual() || actual.isNull() ? "a string" : "a value") + " matching /" + regex
                + "/" + but(actual);
    }

    private static String sameType(JsonNode expected, JsonNode actual, boolean textMode) {
        if (textMode || sameKind(expected, actual)) {
            return null;
        }
        return "expected " + Describe.typeKind(expected) + " (like " + Describe.value(expected) + ")" + but(actual);
    }

    private static boolean sameKind(JsonNode expected, JsonNode actual) {
        return (expected.isNumber() && actual.isNumber())
                || (expected.isTextual() && actual.isTextual())
                || (expected.isBoolean() && actual.isBoolean())
                || (expected.isNull() && actual.isNull())
                || (expected.isArray() && actual.isArray())
                || (expected.isObject() && actual.isObject());
    }

    private static String sized(JsonNode expected, JsonNode actual, boolean textMode, int min, int max) {
        String type = sameType(expected, actual, textMode);
        if (type != null) {
            return type;
        }
        if (actual.isContainerNode()) {
            String what = actual.isArray() ? "an array" : "an object";
            String unit = actual.isArray() ? "" : " entries";
            int size = actual.size();
            if (min >= 0 && size < min) {
                return "expected " + what + " with at least " + count(min, unit) + " but had " + count(size, unit);
            }
            if (max >= 0 && size > max) {
                return "expected " + what + " with at most " + count(max, unit) + " but had " + count(size, unit);
            }
        }
        return null;
    }

    private static String count(int n, String unit) {
        return unit.isEmpty() ? Describe.items(n) : n + unit;
    }

    private interface NodeTest {
        boolean test(JsonNode node);
    }

    private interface TextTest {
        boolean test(String text);
    }

    private static String number(
            JsonNode actual, boolean cascaded, boolean textMode, String what, NodeTest json, TextTest text) {
        if (actual.isArray() || (cascaded && actual.isObject())) {
            return null;
        }
        if (json.test(actual)) {
            return null;
        }
        if (textMode && actual.isTextual() && text.test(actual.textValue().trim())) {
            return null;
        }
        return "expected " + what + but(actual);
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String dateTime(DateTimes.Kind kind, String format, JsonNode actual, boolean cascaded) {
        if (actual.isArray() || (cascaded && actual.isObject())) {
            return null;
        }
        String formatText = format.isEmpty() ? " (ISO-8601)" : " in the format '" + format + "'";
        if (actual.isNull() || actual.isObject()) {
            return "expected " + kind.description + formatText + but(actual);
        }
        Optional<String> problem = DateTimes.check(kind, format, text(actual));
        return problem.map(p -> "expected " + kind.description + formatText + but(actual) + " (" + p + ")")
                .orElse(null);
    }

    /** The bytes a value stands for: base64 text decoded, other text as UTF-8, anything else as JSON. */
    public static byte[] bytesOf(JsonNode actual) {
        if (actual.isTextual()) {
            try {
                return Base64.getDecoder().decode(actual.textValue());
            } catch (IllegalArgumentException e) {
                return actual.textValue().getBytes(StandardCharsets.UTF_8);
            }
        }
        return Json.compact(actual).getBytes(StandardCharsets.UTF_8);
    }

    /** Checks that bytes are of a content type, detected from the content (magic numbers, then shape). */
    public static String contentType(String expected, byte[] data) {
        Optional<ContentType> expectedType = ContentType.parse(expected);
        ContentType detected = ContentSniffer.detect(data);
        if (expectedType.isPresent()) {
            ContentType wanted = expectedType.get().baseType();
            ContentType found = detected.baseType();
            if (wanted.equals(found)
                    || (wanted.isJson() && found.isJson())
                    || (wanted.isXml() && found.isXml())
                    || (wanted.equals(ContentType.TEXT) && ContentSniffer.isProbablyText(data))) {
                return null;
            }
        }
        return "expected content of type " + expected + " but it was detected as " + detected.withoutParameters();
    }

    private static boolean isEmpty(JsonNode actual) {
        return actual.isNull()
                || (actual.isTextual() && actual.textValue().isEmpty())
                || (actual.isContainerNode() && actual.isEmpty());
    }

    private static String statusCode(MatchingRule.StatusCode rule, JsonNode actual) {
        int status;
        if (actual.isIntegralNumber()) {
            status = actual.intValue();
        } else if (actual.isTextual()
                && INTEGER.matcher(actual.textValue().trim()).matches()) {
            status = Integer.parseInt(actual.textValue().trim());
        } else {
            return "expected an HTTP status" + but(actual);
        }
        if (rule.statusClass().isPresent()) {
            MatchingRule.StatusClass statusClass = rule.statusClass().get();
            return statusClass.contains(status) ? null : "expected " + describe(statusClass) + " but was " + status;
        }
        return rule.codes().contains(status)
                ? null
                : "expected one of the statuses "
                        + rule.codes().stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + " but was " + status;
    }

    private static String describe(MatchingRule.StatusClass statusClass) {
        return switch (statusClass) {
            case INFORMATION -> "an information status (1xx)";
            case SUCCESS -> "a success status (2xx)";
            case REDIRECT -> "a redirect status (3xx)";
            case CLIENT_ERROR -> "a client error status (4xx)";
            case SERVER_ERROR -> "a server error status (5xx)";
            case NON_ERROR -> "a status that is not an error (below 400)";
            case ERROR -> "an error status (400 or above)";
        };
    }
}
