package io.pactbroker.consumer;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The body of a request, response or message. Each method sets the whole body (the last call wins) and, for HTTP,
 * the {@code Content-Type} header unless one was given.
 *
 * @param <T> the builder to continue with
 */
public interface BodyBuilder<T> {

    /** A JSON object built in the lambda. */
    T body(Consumer<JsonObjectBuilder> object);

    /**
     * A JSON body from a matcher ({@code eachLike(...)}, {@code array(...)}) or an example: a record, map or list
     * example matches by type (the same shape, any values of the same types); use {@link Matchers#exact(Object)} for
     * exact values.
     */
    T body(Object exampleOrMatcher);

    /** JSON text, compared exactly. */
    T jsonBody(String json);

    /** JSON text of another JSON content type ({@code application/hal+json}), compared exactly. */
    T jsonBody(String json, String contentType);

    /** Plain text ({@code text/plain; charset=UTF-8}), compared exactly. */
    T textBody(String text);

    /** Text of the given content type, compared exactly; {@code textBody(text, "text/csv")}. */
    T textBody(String text, String contentType);

    /** Text matching a regular expression (the example is what the mock server sends). */
    T textBody(Matcher text, String contentType);

    /** An XML document ({@code application/xml}), compared element by element. */
    T xmlBody(String xml);

    /**
     * A form ({@code application/x-www-form-urlencoded}); values are strings or matchers ({@code regex(...)}).
     *
     * <pre>{@code formBody(Map.of("name", "Ada", "age", integer(36)))}</pre>
     */
    T formBody(Map<String, ?> fields);

    /** Bytes of the given content type, compared exactly. */
    T binaryBody(byte[] content, String contentType);
}
