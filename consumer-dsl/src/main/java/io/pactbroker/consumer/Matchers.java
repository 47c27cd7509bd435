package io.pactbroker.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactbroker.core.generators.Generation;
import io.pactbroker.core.generators.GeneratorContext;
import io.pactbroker.core.model.Generator;
import io.pactbroker.core.model.MatchingRule;
import io.pactbroker.core.model.MatchingRule.StatusClass;
import io.pactbroker.core.model.RuleList;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Every matcher and generator of the Pact specification V4, as static methods returning a {@link Matcher}. Use them
 * wherever a value is expected: body fields, array elements, headers, query parameters, the path, the status and
 * message metadata. A matcher's example must satisfy its own rule, and sizes must make sense; otherwise the method (or,
 * for checks that need the whole interaction, the interaction's builder) throws an {@link IllegalArgumentException}
 * saying what is wrong.
 *
 * <pre>{@code
 * import static io.pactbroker.consumer.Matchers.*;
 *
 * body -> body
 *     .field("id", integer(7))
 *     .field("sku", regex("[A-Z]\\d", "A1"))
 *     .field("tags", eachLike("urgent"))
 *     .field("placed", timestamp("yyyy-MM-dd'T'HH:mm:ssXXX", "2024-05-01T10:00:00Z"))
 *     .field("trackingId", uuid())                      // generated: a fresh UUID on every mock response
 * }</pre>
 *
 * <p>Matchers without an example ({@code integer()}, {@code uuid()}, {@code date("yyyy-MM-dd")}, ...) also carry a
 * generator: the mock server answers with a fresh value each time, while the pact file holds a fixed example (generated
 * from a fixed clock and seed, so the file does not change from run to run).
 */
public final class Matchers {

    /** Where generated examples come from: a fixed instant and seed, so pact files are the same on every run. */
    private static final Instant EXAMPLE_INSTANT = Instant.parse("2024-01-15T10:30:00Z");

    private static final String UUID_REGEX =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private Matchers() {}

    // ------------------------------------------------------------------------------------------------ structure

    /** An object built field by field (no rule of its own). */
    public static Matcher object(Consumer<JsonObjectBuilder> object) {
        return JsonBuilders.object(object);
    }

    /** An array built element by element (no rule of its own). */
    public static Matcher array(Consumer<JsonArrayBuilder> array) {
        return JsonBuilders.array(array);
    }

    /**
     * Matches by type: the example's shape, with every value compared by type (strings with strings, numbers with
     * numbers...), recursively, unless a nested matcher says otherwise. Records, maps and lists serve as examples.
     *
     * <pre>{@code like(new Order(7, "OPEN", List.of(new Line("A1", 2))))}</pre>
     */
    public static Matcher like(Object example) {
        return Fragments.of(example).withRule(MatchingRule.type());
    }

    /** Exactly this value, also inside a {@code like} or {@code eachLike} (which would otherwise match by type). */
    public static Matcher exact(Object value) {
        return Fragments.of(value).withRule(MatchingRule.equality());
    }

    /** An array of at least one element, each like the example (type matching). */
    public static Matcher eachLike(Object element) {
        return atLeast(1, element);
    }

    /** An array of at least one object, each like the example. */
    public static Matcher eachLike(Consumer<JsonObjectBuilder> element) {
        return atLeast(1, object(element));
    }

    /** An array of at least {@code min} elements, each like the example; the pact shows {@code min} copies. */
    public static Matcher atLeast(int min, Object element) {
        if (min < 0) {
            throw new IllegalArgumentException("atLeast(" + min + ", ...): the minimum must not be negative");
        }
        return repeat(Math.max(min, 1), Fragments.of(element), new MatchingRule.MinType(min));
    }

    /** An array of at least {@code min} objects, each like the example. */
    public static Matcher atLeast(int min, Consumer<JsonObjectBuilder> element) {
        return atLeast(min, object(element));
    }

    /** An array of at most {@code max} elements, each like the example; the pact shows one. */
    public static Matcher atMost(int max, Object element) {
        if (max < 1) {
            throw new IllegalArgumentException("atMost(" + max + ", ...): the maximum must be at least 1");
        }
        return repeat(1, Fragments.of(element), new MatchingRule.MaxType(max));
    }

    /** An array of at most {@code max} objects, each like the example. */
    public static Matcher atMost(int max, Consumer<JsonObjectBuilder> element) {
        return atMost(max, object(element));
    }

    /** An array of between {@code min} and {@code max} elements, each like the example. */
    public static Matcher atLeastAtMost(int min, int max, Object element) {
        if (min < 0) {
            throw new IllegalArgumentException(
                    "atLeastAtMost(" + min + ", " + max + ", ...): the minimum must not be negative");
        }
        if (min > max) {
            throw new IllegalArgumentException("atLeastAtMost(" + min + ", " + max + ", ...): the minimum " + min
                    + " is greater than the maximum " + max);
        }
        if (max < 1) {
            throw new IllegalArgumentException(
                    "atLeastAtMost(" + min + ", " + max + ", ...): the maximum must be at least 1");
        }
        return repeat(Math.max(min, 1), Fragments.of(element), new MatchingRule.MinMaxType(min, max));
    }

    /** An array of between {@code min} and {@code max} objects, each like the example. */
    public static Matcher atLeastAtMost(int min, int max, Consumer<JsonObjectBuilder> element) {
        return atLeastAtMost(min, max, object(element));
    }

    private static Matcher repeat(int copies, Matcher element, MatchingRule rule) {
        var array = Fragments.NODES.arrayNode();
        for (int i = 0; i < copies; i++) {
            array.add(element.exampleNode().deepCopy());
        }
        Map<String, RuleList> rules = new LinkedHashMap<>();
        rules.put("", RuleList.of(rule));
        Map<String, Generator> generators = new LinkedHashMap<>();
        Fragments.nest("[*]", element, rules, generators);
        return new Matcher(array, rules, generators);
    }

    /**
     * An array that contains, somewhere, an element matching each variant (in any order, among other elements).
     *
     * <pre>{@code arrayContaining(object(o -> o.field("type", "email")), object(o -> o.field("type", "sms")))}</pre>
     */
    public static Matcher arrayContaining(Object... variants) {
        if (variants.length == 0) {
            throw new IllegalArgumentException("arrayContaining(): give at least one variant");
        }
        var array = Fragments.NODES.arrayNode();
        List<MatchingRule.Variant> list = new ArrayList<>();
        for (int i = 0; i < variants.length; i++) {
            Matcher variant = Fragments.of(variants[i]);
            array.add(variant.exampleNode().deepCopy());
            Map<String, RuleList> rules = new LinkedHashMap<>();
            variant.rules().forEach((path, rule) -> rules.put("$" + path, rule));
            Map<String, Generator> generators = new LinkedHashMap<>();
            variant.generators().forEach((path, generator) -> generators.put("$" + path, generator));
            list.add(new MatchingRule.Variant(i, rules, generators));
        }
        return Matcher.of(array, new MatchingRule.ArrayContains(list));
    }

    /**
     * An object whose every key satisfies the key matcher (its rules; its example is not used), with the example's
     * values.
     *
     * <pre>{@code eachKey(regex("[a-z]{2}", "en"), Map.of("en", "Hello", "de", "Hallo"))}</pre>
     */
    public static Matcher eachKey(Matcher keys, Object example) {
        Matcher object = Fragments.of(example);
        if (!object.exampleNode().isObject()) {
            throw new IllegalArgumentException("eachKey(...): the example must be an object (a map, record or lambda)"
                    + " but was " + object.exampleNode());
        }
        Optional<String> firstKey = object.exampleNode().fieldNames().hasNext()
                ? Optional.of(object.exampleNode().fieldNames().next())
                : Optional.empty();
        return object.withRule(new MatchingRule.EachKey(requireOwnRules("eachKey", keys), firstKey));
    }

    /**
     * An object (or array) whose every value, under any key, is like the value matcher; the pact shows one entry.
     *
     * <pre>{@code eachValue("en", regex("\\w+", "Hello"))   // {"en": "Hello", "de": "Hallo", ...} }</pre>
     */
    public static Matcher eachValue(String exampleKey, Matcher values) {
        var object = Fragments.NODES.objectNode();
        object.set(exampleKey, values.exampleNode().deepCopy());
        Map<String, RuleList> rules = new LinkedHashMap<>();
        rules.put("", RuleList.of(new MatchingRule.EachValue(requireOwnRules("eachValue", values), Optional.empty())));
        Map<String, Generator> generators = new LinkedHashMap<>();
        values.rules().forEach((path, list) -> {
            if (!path.isEmpty()) {
                rules.put(".*" + path, list);
            }
        });
        values.generators().forEach((path, generator) -> generators.put(".*" + path, generator));
        return new Matcher(object, rules, generators);
    }

    private static List<MatchingRule> requireOwnRules(String what, Matcher matcher) {
        if (matcher.ownRules().isEmpty()) {
            throw new IllegalArgumentException(what + "(...): the matcher " + matcher
                    + " has no rule of its own; use one such as regex(...) or like(...)");
        }
        return matcher.ownRules();
    }

    // --------------------------------------------------------------------------------------------------- values

    /** Any string. */
    public static Matcher string(String example) {
        return like(example);
    }

    /** Any string; the mock server generates 20 letters and digits. */
    public static Matcher string() {
        return randomString(20);
    }

    /** A string of letters and digits; the mock server generates {@code size} of them. */
    public static Matcher randomString(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("randomString(" + size + "): the size must not be negative");
        }
        return generated(MatchingRule.type(), new Generator.RandomString(size), Fragments.NODES.textNode(""));
    }

    /** A string matching the regular expression entirely (Java syntax). */
    public static Matcher regex(String regex, String example) {
        Pattern pattern = compile(regex);
        if (example == null || !pattern.matcher(example).matches()) {
            throw new IllegalArgumentException("regex(\"" + regex + "\", " + quote(example) + "): the example does not"
                    + " match /" + regex + "/");
        }
        return Matcher.of(Fragments.NODES.textNode(example), MatchingRule.regex(regex));
    }

    /** A string matching the regular expression; the mock server generates one. */
    public static Matcher regex(String regex) {
        compile(regex);
        return generated(MatchingRule.regex(regex), new Generator.Regex(regex), Fragments.NODES.textNode(""));
    }

    /** Any integer. */
    public static Matcher integer(long example) {
        return Matcher.of(Fragments.integral(example), MatchingRule.integer());
    }

    /** Any integer; the mock server generates one between 0 and 2147483647. */
    public static Matcher integer() {
        return randomInt(0, Integer.MAX_VALUE);
    }

    /** An integer; the mock server generates one in {@code [min, max]}. */
    public static Matcher randomInt(int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException(
                    "randomInt(" + min + ", " + max + "): the minimum " + min + " is greater than the maximum " + max);
        }
        return generated(MatchingRule.integer(), new Generator.RandomInt(min, max), Fragments.NODES.numberNode(0));
    }

    /** Any decimal number (with a fraction part: {@code 1.0} yes, {@code 1} no). */
    public static Matcher decimal(double example) {
        return decimal(new BigDecimal(Double.toString(example)));
    }

    /** Any decimal number (with a fraction part). */
    public static Matcher decimal(BigDecimal example) {
        return Matcher.of(Fragments.NODES.numberNode(example), MatchingRule.decimal());
    }

    /** Any decimal number; the mock server generates one of 10 digits. */
    public static Matcher decimal() {
        return randomDecimal(10);
    }

    /** A decimal number; the mock server generates one of {@code digits} digits. */
    public static Matcher randomDecimal(int digits) {
        if (digits < 1) {
            throw new IllegalArgumentException("randomDecimal(" + digits + "): give at least one digit");
        }
        return generated(
                MatchingRule.decimal(),
                new Generator.RandomDecimal(digits),
                Fragments.NODES.numberNode(BigDecimal.ONE));
    }

    /** Any number, integer or decimal. */
    public static Matcher number(Number example) {
        return Matcher.of(Fragments.number(example), MatchingRule.number());
    }

    /** Any number; the mock server generates an integer. */
    public static Matcher number() {
        return generated(
                MatchingRule.number(), new Generator.RandomInt(0, Integer.MAX_VALUE), Fragments.NODES.numberNode(0));
    }

    /** A string of hexadecimal digits; the mock server generates {@code digits} of them. */
    public static Matcher randomHexadecimal(int digits) {
        if (digits < 1) {
            throw new IllegalArgumentException("randomHexadecimal(" + digits + "): give at least one digit");
        }
        return generated(
                MatchingRule.regex("[0-9a-fA-F]+"),
                new Generator.RandomHexadecimal(digits),
                Fragments.NODES.textNode(""));
    }

    /** Any boolean. */
    public static Matcher bool(boolean example) {
        return Matcher.of(Fragments.NODES.booleanNode(example), new MatchingRule.BooleanType());
    }

    /** Any boolean; the mock server generates one. */
    public static Matcher bool() {
        return generated(
                new MatchingRule.BooleanType(), new Generator.RandomBoolean(), Fragments.NODES.booleanNode(true));
    }

    /** {@code null}. */
    public static Matcher nullValue() {
        return Matcher.of(Fragments.NODES.nullNode(), new MatchingRule.NullValue());
    }

    /** Text that contains the value. */
    public static Matcher includes(String value) {
        return Matcher.of(Fragments.NODES.textNode(value), new MatchingRule.Include(value));
    }

    /** Text that contains the value, with a fuller example. */
    public static Matcher includes(String value, String example) {
        if (example == null || !example.contains(value)) {
            throw new IllegalArgumentException(
                    "includes(" + quote(value) + ", " + quote(example) + "): the example does not contain the value");
        }
        return Matcher.of(Fragments.NODES.textNode(example), new MatchingRule.Include(value));
    }

    /** A value that is not empty: not {@code null}, {@code ""}, {@code []} or {@code {}}; of the example's type. */
    public static Matcher notEmpty(Object example) {
        return Fragments.of(example).withRule(new MatchingRule.NotEmpty());
    }

    /** A semantic version, such as {@code 1.2.3} or {@code 1.0.0-rc.1+build.5}. */
    public static Matcher semver(String example) {
        return Matcher.of(Fragments.NODES.textNode(example), new MatchingRule.Semver());
    }

    /** A UUID in any case. */
    public static Matcher uuid(String example) {
        return regex(UUID_REGEX, example);
    }

    /** A UUID; the mock server generates a fresh one. */
    public static Matcher uuid() {
        return generated(
                MatchingRule.regex(UUID_REGEX), new Generator.Uuid(Optional.empty()), Fragments.NODES.textNode(""));
    }

    // ---------------------------------------------------------------------------------------------- date & time

    /** A date in the format (a {@code java.time} pattern such as {@code yyyy-MM-dd}). */
    public static Matcher date(String format, String example) {
        checkFormat("date", format);
        return Matcher.of(Fragments.NODES.textNode(example), new MatchingRule.Date(format));
    }

    /** A date in the format; the mock server generates today's date. */
    public static Matcher date(String format) {
        checkFormat("date", format);
        return generated(
                new MatchingRule.Date(format),
                new Generator.Date(Optional.of(format), Optional.empty()),
                Fragments.NODES.textNode(""));
    }

    /** An ISO date ({@code yyyy-MM-dd}); the mock server generates today's date. */
    public static Matcher date() {
        return date("yyyy-MM-dd");
    }

    /** A time in the format (such as {@code HH:mm:ss}). */
    public static Matcher time(String format, String example) {
        checkFormat("time", format);
        return Matcher.of(Fragments.NODES.textNode(example), new MatchingRule.Time(format));
    }

    /** A time in the format; the mock server generates the current time. */
    public static Matcher time(String format) {
        checkFormat("time", format);
        return generated(
                new MatchingRule.Time(format),
                new Generator.Time(Optional.of(format), Optional.empty()),
                Fragments.NODES.textNode(""));
    }

    /** A date and time in the format (such as {@code yyyy-MM-dd'T'HH:mm:ssXXX}). */
    public static Matcher timestamp(String format, String example) {
        checkFormat("timestamp", format);
        return Matcher.of(Fragments.NODES.textNode(example), new MatchingRule.DateTime(format));
    }

    /** A date and time in the format; the mock server generates the current one. */
    public static Matcher timestamp(String format) {
        checkFormat("timestamp", format);
        return generated(
                new MatchingRule.DateTime(format),
                new Generator.DateTime(Optional.of(format), Optional.empty()),
                Fragments.NODES.textNode(""));
    }

    /**
     * A date in the format, generated relative to today by an expression such as {@code + 1 day} or {@code next
     * monday}.
     */
    public static Matcher dateExpression(String expression, String format) {
        checkFormat("dateExpression", format);
        return generated(
                new MatchingRule.Date(format),
                new Generator.Date(Optional.of(format), Optional.of(expression)),
                Fragments.NODES.textNode(""));
    }

    /** A time in the format, generated by an expression such as {@code @ + 1 hour} or {@code @ noon}. */
    public static Matcher timeExpression(String expression, String format) {
        checkFormat("timeExpression", format);
        return generated(
                new MatchingRule.Time(format),
                new Generator.Time(Optional.of(format), Optional.of(expression)),
                Fragments.NODES.textNode(""));
    }

    /** A date and time in the format, generated by an expression such as {@code tomorrow @ 10 o'clock am}. */
    public static Matcher timestampExpression(String expression, String format) {
        checkFormat("timestampExpression", format);
        return generated(
                new MatchingRule.DateTime(format),
                new Generator.DateTime(Optional.of(format), Optional.of(expression)),
                Fragments.NODES.textNode(""));
    }

    // ------------------------------------------------------------------------------------------ status, states

    /**
     * A status of the class, for {@code willRespondWith(response -> response.status(...))}.
     *
     * <pre>{@code response.status(statusCode(StatusClass.SUCCESS, 200))}</pre>
     */
    public static Matcher statusCode(StatusClass statusClass, int example) {
        if (!statusClass.contains(example)) {
            throw new IllegalArgumentException("statusCode(" + statusClass + ", " + example + "): " + example
                    + " is not a status of the class " + statusClass.jsonName());
        }
        return Matcher.of(
                Fragments.NODES.numberNode(example), new MatchingRule.StatusCode(Optional.of(statusClass), List.of()));
    }

    /** One of the listed statuses; the first is the example. */
    public static Matcher statusCode(int example, int... others) {
        List<Integer> codes = new ArrayList<>();
        codes.add(example);
        Arrays.stream(others).forEach(codes::add);
        return Matcher.of(Fragments.NODES.numberNode(example), new MatchingRule.StatusCode(Optional.empty(), codes));
    }

    /**
     * A value the provider fills in from its provider-state callback: a key ({@code "id"}) or a template ({@code
     * "/orders/${id}"}). The consumer side sees the example; the value must have the example's type.
     *
     * <pre>{@code
     * pact.given("an order exists", Map.of("id", 7))
     *     .uponReceiving("get the order").get(fromProviderState("/orders/${id}", "/orders/7"))
     * }</pre>
     */
    public static Matcher fromProviderState(String expression, Object example) {
        Matcher value = Fragments.of(example);
        JsonNode node = value.exampleNode();
        Generator.DataType type = node.isIntegralNumber()
                ? Generator.DataType.INTEGER
                : node.isNumber()
                        ? Generator.DataType.DECIMAL
                        : node.isBoolean() ? Generator.DataType.BOOLEAN : Generator.DataType.STRING;
        if (!node.isValueNode() || node.isNull()) {
            throw new IllegalArgumentException("fromProviderState(" + quote(expression) + ", " + node
                    + "): the example must be a string, number or boolean");
        }
        return value.withRule(MatchingRule.type())
                .withGenerator(new Generator.ProviderState(expression, Optional.of(type)));
    }

    /**
     * A URL pointing at the mock server: the consumer sees the mock server's own URL with the part the regular
     * expression's first group matches; the provider may answer with any URL matching the expression.
     *
     * <pre>{@code mockServerUrl(".*(/orders/\\d+)$", "http://localhost:8080/orders/7")}</pre>
     */
    public static Matcher mockServerUrl(String regex, String example) {
        Matcher matcher = regex(regex, example);
        if (compile(regex).matcher("").groupCount() < 1) {
            throw new IllegalArgumentException("mockServerUrl(\"" + regex + "\", ...): the expression needs a group"
                    + " for the part after the base URL, such as .*(/orders/\\d+)$");
        }
        return matcher.withGenerator(new Generator.MockServerUrl(example, regex));
    }

    // ---------------------------------------------------------------------------------------------- internals

    private static Matcher generated(MatchingRule rule, Generator generator, JsonNode seed) {
        GeneratorContext context = GeneratorContext.consumer()
                .withClock(Clock.fixed(EXAMPLE_INSTANT, ZoneOffset.UTC))
                .withRandom(new Random(7));
        JsonNode example;
        try {
            example = Generation.value(generator, seed, context);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "cannot generate an example for " + generator.type() + ": " + e.getMessage(), e);
        }
        return new Matcher(example, Map.of("", RuleList.of(rule)), Map.of("", generator));
    }

    private static Pattern compile(String regex) {
        if (regex == null) {
            throw new IllegalArgumentException("a regular expression must not be null");
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("/" + regex + "/ is not a valid regular expression: "
                    + e.getDescription() + " (at index " + e.getIndex() + ")");
        }
    }

    private static void checkFormat(String what, String format) {
        if (format == null || format.isEmpty()) {
            return;
        }
        try {
            DateTimeFormatter.ofPattern(format);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    what + "(\"" + format + "\", ...): not a valid date/time format: " + e.getMessage());
        }
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
