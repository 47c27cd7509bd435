package io.pactbroker.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One matching rule of the Pact specification (V2 to V4). Rules are attached to paths by {@link MatchingRules}; what
 * each rule accepts is described in {@code docs/pact-core.md} and implemented by {@code io.pactbroker.core.matching}.
 *
 * <pre>{@code
 * MatchingRule sku = MatchingRule.regex("[A-Z]\\d");
 * MatchingRule atLeastOne = MatchingRule.minType(1);
 * sku.name();   // "regex"
 * }</pre>
 */
public sealed interface MatchingRule {

    /** The rule's name as written in {@code "match"} (V4 spelling). */
    String name();

    /** Type rules ({@code type}, {@code min}, {@code max}, min/max): compare by type, not value. */
    default boolean isTypeRule() {
        return false;
    }

    /** Rules about a collection's values whatever their keys: {@code values}, {@code eachValue}, {@code arrayContains}. */
    default boolean isValuesRule() {
        return false;
    }

    /** Whether a rule on a parent also governs the parent's children. */
    default boolean cascades() {
        return true;
    }

    static MatchingRule equality() {
        return new Equality();
    }

    static MatchingRule regex(String regex) {
        return new Regex(regex);
    }

    static MatchingRule type() {
        return new Type();
    }

    static MatchingRule minType(int min) {
        return new MinType(min);
    }

    static MatchingRule maxType(int max) {
        return new MaxType(max);
    }

    static MatchingRule minMaxType(int min, int max) {
        return new MinMaxType(min, max);
    }

    static MatchingRule integer() {
        return new IntegerType();
    }

    static MatchingRule decimal() {
        return new DecimalType();
    }

    static MatchingRule number() {
        return new NumberType();
    }

    /** The value must equal the expected value. */
    record Equality() implements MatchingRule {
        @Override
        public String name() {
            return "equality";
        }
    }

    /**
     * The value (as text) must match the regular expression entirely.
     *
     * @param regex a Java regular expression
     */
    record Regex(String regex) implements MatchingRule {
        public Regex {
            Objects.requireNonNull(regex, "regex");
        }

        @Override
        public String name() {
            return "regex";
        }
    }

    /** The value must have the same JSON type as the expected value. */
    record Type() implements MatchingRule {
        @Override
        public String name() {
            return "type";
        }

        @Override
        public boolean isTypeRule() {
            return true;
        }
    }

    /**
     * Like {@link Type}, and an array must have at least {@code min} elements.
     *
     * @param min the least number of elements
     */
    record MinType(int min) implements MatchingRule {
        @Override
        public String name() {
            return "type";
        }

        @Override
        public boolean isTypeRule() {
            return true;
        }
    }

    /**
     * Like {@link Type}, and an array must have at most {@code max} elements.
     *
     * @param max the greatest number of elements
     */
    record MaxType(int max) implements MatchingRule {
        @Override
        public String name() {
            return "type";
        }

        @Override
        public boolean isTypeRule() {
            return true;
        }
    }

    /**
     * Like {@link Type}, and an array must have between {@code min} and {@code max} elements.
     *
     * @param min the least number of elements
     * @param max the greatest number of elements
     */
    record MinMaxType(int min, int max) implements MatchingRule {
        @Override
        public String name() {
            return "type";
        }

        @Override
        public boolean isTypeRule() {
            return true;
        }
    }

    /**
     * The value must be a date-time in the format (a {@link java.time.format.DateTimeFormatter} pattern such as
     * {@code yyyy-MM-dd'T'HH:mm:ssXXX}; ISO-8601 when empty).
     *
     * @param format the pattern, possibly empty
     */
    record DateTime(String format) implements MatchingRule {
        @Override
        public String name() {
            return "datetime";
        }
    }

    /**
     * The value must be a date in the format ({@code yyyy-MM-dd} when empty).
     *
     * @param format the pattern, possibly empty
     */
    record Date(String format) implements MatchingRule {
        @Override
        public String name() {
            return "date";
        }
    }

    /**
     * The value must be a time in the format ({@code HH:mm:ss} when empty).
     *
     * @param format the pattern, possibly empty
     */
    record Time(String format) implements MatchingRule {
        @Override
        public String name() {
            return "time";
        }
    }

    /**
     * The value (as text) must contain the string.
     *
     * @param value the text to look for
     */
    record Include(String value) implements MatchingRule {
        @Override
        public String name() {
            return "include";
        }
    }

    /** The value must be a number (integer or decimal). */
    record NumberType() implements MatchingRule {
        @Override
        public String name() {
            return "number";
        }
    }

    /** The value must be an integer. */
    record IntegerType() implements MatchingRule {
        @Override
        public String name() {
            return "integer";
        }
    }

    /** The value must be a decimal number (with a fraction part). */
    record DecimalType() implements MatchingRule {
        @Override
        public String name() {
            return "decimal";
        }
    }

    /** The value must be {@code null}. */
    record NullValue() implements MatchingRule {
        @Override
        public String name() {
            return "null";
        }
    }

    /** The value must be a boolean (or the text {@code true} or {@code false}). */
    record BooleanType() implements MatchingRule {
        @Override
        public String name() {
            return "boolean";
        }
    }

    /**
     * The content (bytes, detected by magic numbers and shape) must be of the content type.
     *
     * @param contentType the expected media type, for example {@code application/pdf}
     */
    record ContentType(String contentType) implements MatchingRule {
        @Override
        public String name() {
            return "contentType";
        }
    }

    /**
     * The array must contain, for each variant, at least one element matching that variant.
     *
     * @param variants the variants, each naming an element of the expected array
     */
    record ArrayContains(List<Variant> variants) implements MatchingRule {
        public ArrayContains {
            variants = List.copyOf(variants);
        }

        @Override
        public String name() {
            return "arrayContains";
        }

        @Override
        public boolean isValuesRule() {
            return true;
        }
    }

    /**
     * One variant of {@link ArrayContains}: the expected element at {@code index}, matched with {@code rules} (paths
     * relative to the element, {@code $} being the element) and generated with {@code generators}.
     *
     * @param index the index of the example element in the expected array
     * @param rules the rules by path relative to the element
     * @param generators the generators by path relative to the element
     */
    record Variant(int index, Map<String, RuleList> rules, Map<String, Generator> generators) {
        public Variant {
            rules = Map.copyOf(rules);
            generators = Map.copyOf(generators);
        }
    }

    /** Values are compared whatever their keys: keys in the actual map need not be in the expected one. */
    record Values() implements MatchingRule {
        @Override
        public String name() {
            return "values";
        }

        @Override
        public boolean isValuesRule() {
            return true;
        }

        @Override
        public boolean cascades() {
            return false;
        }
    }

    /** Classes of HTTP status. */
    enum StatusClass {
        INFORMATION("information", 100, 199),
        SUCCESS("success", 200, 299),
        REDIRECT("redirect", 300, 399),
        CLIENT_ERROR("clientError", 400, 499),
        SERVER_ERROR("serverError", 500, 599),
        NON_ERROR("nonError", 0, 399),
        ERROR("error", 400, 999);

        private final String jsonName;
        private final int from;
        private final int to;

        StatusClass(String jsonName, int from, int to) {
            this.jsonName = jsonName;
            this.from = from;
            this.to = to;
        }

        /** The name used in pact files. */
        public String jsonName() {
            return jsonName;
        }

        public boolean contains(int status) {
            return status >= from && status <= to;
        }

        /** Parses a pact file's name for the class. */
        public static Optional<StatusClass> fromJsonName(String name) {
            for (StatusClass c : values()) {
                if (c.jsonName.equalsIgnoreCase(name)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The status must be of the class, or one of the codes.
     *
     * @param statusClass the class, when the rule names one
     * @param codes the allowed codes, when the rule lists them
     */
    record StatusCode(Optional<StatusClass> statusClass, List<Integer> codes) implements MatchingRule {
        public StatusCode {
            codes = List.copyOf(codes);
        }

        @Override
        public String name() {
            return "statusCode";
        }
    }

    /** The value must not be empty (an empty string, array or object, or null). */
    record NotEmpty() implements MatchingRule {
        @Override
        public String name() {
            return "notEmpty";
        }
    }

    /** The value must be a semantic version ({@code 1.2.3}, {@code 1.0.0-rc.1+build}). */
    record Semver() implements MatchingRule {
        @Override
        public String name() {
            return "semver";
        }
    }

    /**
     * Every key of the object must match the rules.
     *
     * @param rules the rules every key must satisfy
     * @param example an example key, when the pact gives one
     */
    record EachKey(List<MatchingRule> rules, Optional<String> example) implements MatchingRule {
        public EachKey {
            rules = List.copyOf(rules);
        }

        @Override
        public String name() {
            return "eachKey";
        }

        @Override
        public boolean cascades() {
            return false;
        }
    }

    /**
     * Every value of the object or array must match the rules (compared with the first expected value).
     *
     * @param rules the rules every value must satisfy
     * @param example an example value, when the pact gives one
     */
    record EachValue(List<MatchingRule> rules, Optional<String> example) implements MatchingRule {
        public EachValue {
            rules = List.copyOf(rules);
        }

        @Override
        public String name() {
            return "eachValue";
        }

        @Override
        public boolean isValuesRule() {
            return true;
        }

        @Override
        public boolean cascades() {
            return false;
        }
    }

    /**
     * A rule this library does not know (for example one provided by a plugin). It is kept so that it survives
     * reading and writing; matching with it reports a mismatch saying the rule is not supported.
     *
     * @param name the {@code match} value
     * @param definition the whole rule as found in the file
     */
    record Unknown(String name, JsonNode definition) implements MatchingRule {
        @Override
        public boolean cascades() {
            return false;
        }
    }
}
