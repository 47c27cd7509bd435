package io.pactbroker.consumer;

/**
 * A message: its contents ({@code content...}, JSON by default) and metadata.
 *
 * <pre>{@code
 * message -> message
 *     .content(body -> body.integer("orderId", 7).string("status", "SHIPPED"))
 *     .metadata("topic", "orders")
 *     .metadata("key", Matchers.regex("\\d+", "7"))
 * }</pre>
 */
public interface MessageBuilder {

    /** JSON contents: an object built in the lambda. */
    MessageBuilder content(java.util.function.Consumer<JsonObjectBuilder> object);

    /** JSON contents from a matcher or an example (records, maps, lists match by type). */
    MessageBuilder content(Object exampleOrMatcher);

    /** JSON text, compared exactly. */
    MessageBuilder jsonContent(String json);

    /** Text of a content type ({@code text/plain}, {@code application/xml}), compared exactly. */
    MessageBuilder textContent(String text, String contentType);

    /** Bytes of a content type, compared exactly. */
    MessageBuilder binaryContent(byte[] content, String contentType);

    /** A metadata entry: a plain value or a matcher. */
    MessageBuilder metadata(String key, Object valueOrMatcher);

    /** A V4 comment. Ignored for the messages of a synchronous exchange. */
    MessageBuilder comment(String text);

    /** Marks the message pending (V4). Ignored for the messages of a synchronous exchange. */
    MessageBuilder pending();
}
