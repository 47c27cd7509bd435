package io.pactbroker.consumer.junit;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactbroker.core.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A message as the consumer receives it, generated from the pact (generators applied): hand its contents to the code
 * under test.
 *
 * <pre>{@code
 * @Test
 * @Interactions("orderShipped")
 * void handlesOrderShipped(Message message) {
 *     handler.onMessage(message.contents(), message.metadata());
 * }
 * }</pre>
 *
 * @param description the interaction's description
 * @param contents the contents as bytes
 * @param contentType the content type, when known
 * @param metadata the metadata
 */
public record Message(
        String description, byte[] contents, Optional<String> contentType, Map<String, JsonNode> metadata) {

    public Message {
        contents = contents.clone();
        metadata = Map.copyOf(metadata);
    }

    @Override
    public byte[] contents() {
        return contents.clone();
    }

    /** The contents as UTF-8 text. */
    public String text() {
        return new String(contents, StandardCharsets.UTF_8);
    }

    /** The contents as a JSON tree. */
    public JsonNode json() {
        try {
            return Json.parse(contents);
        } catch (IOException e) {
            throw new UncheckedIOException("message \"" + description + "\" is not JSON", e);
        }
    }

    /** The contents read as an object of the type, with Jackson ({@code message.as(OrderShipped.class)}). */
    public <T> T as(Class<T> type) {
        try {
            return Json.mapper().readValue(contents, type);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "message \"" + description + "\" cannot be read as " + type.getSimpleName() + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m
                && description.equals(m.description)
                && java.util.Arrays.equals(contents, m.contents)
                && contentType.equals(m.contentType)
                && metadata.equals(m.metadata);
    }

    @Override
    public int hashCode() {
        return description.hashCode() * 31 + java.util.Arrays.hashCode(contents);
    }

    @Override
    public String toString() {
        return "Message[" + description + ": " + text() + "]";
    }
}
