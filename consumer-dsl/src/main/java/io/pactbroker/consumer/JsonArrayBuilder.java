package io.pactbroker.consumer;

import java.util.function.Consumer;

/**
 * Builds a JSON array example element by element, inside a lambda. Elements are compared at their index.
 *
 * <pre>{@code
 * Matchers.array(a -> a.string("first").integer(2).object(o -> o.bool("ok", true)))
 * }</pre>
 */
public interface JsonArrayBuilder {

    /** An element: a plain value or a {@link Matcher}. */
    JsonArrayBuilder add(Object valueOrMatcher);

    /** Any string. */
    default JsonArrayBuilder string(String example) {
        return add(Matchers.string(example));
    }

    /** Any integer. */
    default JsonArrayBuilder integer(long example) {
        return add(Matchers.integer(example));
    }

    /** Any decimal number. */
    default JsonArrayBuilder decimal(double example) {
        return add(Matchers.decimal(example));
    }

    /** Any number. */
    default JsonArrayBuilder number(Number example) {
        return add(Matchers.number(example));
    }

    /** Any boolean. */
    default JsonArrayBuilder bool(boolean example) {
        return add(Matchers.bool(example));
    }

    /** An object element. */
    default JsonArrayBuilder object(Consumer<JsonObjectBuilder> object) {
        return add(Matchers.object(object));
    }

    /** An array element. */
    default JsonArrayBuilder array(Consumer<JsonArrayBuilder> array) {
        return add(Matchers.array(array));
    }
}
