package io.pactbroker.consumer;

import java.util.function.Consumer;

/**
 * Builds a JSON object example, field by field, inside a lambda. Values may be plain (compared by equality, unless a
 * surrounding {@link Matchers#like(Object) like} or {@link Matchers#eachLike(Object) eachLike} makes them match by
 * type) or {@linkplain Matchers matchers}. The shortcuts {@code string}, {@code integer}, {@code decimal}, {@code
 * number} and {@code bool} match by type.
 *
 * <pre>{@code
 * body -> body
 *     .integer("id", 7)                                   // any integer
 *     .string("status", "OPEN")                           // any string
 *     .field("currency", "EUR")                           // exactly "EUR"
 *     .field("placed", Matchers.timestamp("yyyy-MM-dd'T'HH:mm:ssXXX", "2024-05-01T10:00:00Z"))
 *     .object("customer", c -> c.string("name", "Ada"))
 *     .eachLike("lines", line -> line.regex("sku", "[A-Z]\\d", "A1").integer("quantity", 2))
 * }</pre>
 */
public interface JsonObjectBuilder {

    /** A field with a plain value (string, number, boolean, null, record, map, list) or a {@link Matcher}. */
    JsonObjectBuilder field(String name, Object valueOrMatcher);

    /** Any string, for example {@code "Ada"}. */
    default JsonObjectBuilder string(String name, String example) {
        return field(name, Matchers.string(example));
    }

    /** Any integer, for example {@code 7}. */
    default JsonObjectBuilder integer(String name, long example) {
        return field(name, Matchers.integer(example));
    }

    /** Any decimal number (with a fraction part), for example {@code 9.99}. */
    default JsonObjectBuilder decimal(String name, double example) {
        return field(name, Matchers.decimal(example));
    }

    /** Any number, for example {@code 42} or {@code 4.2}. */
    default JsonObjectBuilder number(String name, Number example) {
        return field(name, Matchers.number(example));
    }

    /** Any boolean. */
    default JsonObjectBuilder bool(String name, boolean example) {
        return field(name, Matchers.bool(example));
    }

    /** A string matching the regular expression entirely. */
    default JsonObjectBuilder regex(String name, String regex, String example) {
        return field(name, Matchers.regex(regex, example));
    }

    /** A UUID. */
    default JsonObjectBuilder uuid(String name, String example) {
        return field(name, Matchers.uuid(example));
    }

    /** A date in the format ({@code yyyy-MM-dd} style). */
    default JsonObjectBuilder date(String name, String format, String example) {
        return field(name, Matchers.date(format, example));
    }

    /** A time in the format ({@code HH:mm:ss} style). */
    default JsonObjectBuilder time(String name, String format, String example) {
        return field(name, Matchers.time(format, example));
    }

    /** A date and time in the format ({@code yyyy-MM-dd'T'HH:mm:ssXXX} style). */
    default JsonObjectBuilder timestamp(String name, String format, String example) {
        return field(name, Matchers.timestamp(format, example));
    }

    /** The field must be {@code null}. */
    default JsonObjectBuilder nullValue(String name) {
        return field(name, Matchers.nullValue());
    }

    /** A nested object. */
    default JsonObjectBuilder object(String name, Consumer<JsonObjectBuilder> object) {
        return field(name, Matchers.object(object));
    }

    /** A nested array, element by element. */
    default JsonObjectBuilder array(String name, Consumer<JsonArrayBuilder> array) {
        return field(name, Matchers.array(array));
    }

    /** An array of at least one object, each like the example. */
    default JsonObjectBuilder eachLike(String name, Consumer<JsonObjectBuilder> element) {
        return field(name, Matchers.eachLike(element));
    }

    /** An array of at least one element, each like the example (a plain value or a matcher). */
    default JsonObjectBuilder eachLike(String name, Object element) {
        return field(name, Matchers.eachLike(element));
    }

    /** An array of at least {@code min} objects, each like the example. */
    default JsonObjectBuilder atLeast(String name, int min, Consumer<JsonObjectBuilder> element) {
        return field(name, Matchers.atLeast(min, element));
    }

    /** An array of at most {@code max} objects (and at least one), each like the example. */
    default JsonObjectBuilder atMost(String name, int max, Consumer<JsonObjectBuilder> element) {
        return field(name, Matchers.atMost(max, element));
    }
}
