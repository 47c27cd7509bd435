package io.pactbroker.verifier;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A message the provider produced, for the verifier to match against a message interaction.
 *
 * <pre>{@code
 * .messageProducer("order shipped", request -> ProducedMessage.json(mapper.writeValueAsString(events.shipped(7)))
 *     .withMetadata("topic", "orders"))
 * }</pre>
 *
 * @param contents the message's bytes
 * @param contentType its content type ({@code application/json})
 * @param metadata its metadata (Kafka headers, AMQP properties, ...): strings, numbers, booleans, maps or lists
 */
public record ProducedMessage(byte[] contents, String contentType, Map<String, Object> metadata) {

    public ProducedMessage {
        contents = Objects.requireNonNull(contents, "contents").clone();
        Objects.requireNonNull(contentType, "contentType");
        metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A JSON message. */
    public static ProducedMessage json(String json) {
        return new ProducedMessage(json.getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
    }

    /** A text message. */
    public static ProducedMessage text(String text) {
        return new ProducedMessage(text.getBytes(StandardCharsets.UTF_8), "text/plain", Map.of());
    }

    /** Bytes of a content type. */
    public static ProducedMessage of(byte[] contents, String contentType) {
        return new ProducedMessage(contents, contentType, Map.of());
    }

    @Override
    public byte[] contents() {
        return contents.clone();
    }

    /** With one more metadata entry. */
    public ProducedMessage withMetadata(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(metadata);
        copy.put(key, value);
        return new ProducedMessage(contents, contentType, copy);
    }

    /** With the metadata entries added. */
    public ProducedMessage withMetadata(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>(metadata);
        copy.putAll(values);
        return new ProducedMessage(contents, contentType, copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProducedMessage m
                && java.util.Arrays.equals(m.contents, contents)
                && m.contentType.equals(contentType)
                && m.metadata.equals(metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(java.util.Arrays.hashCode(contents), contentType, metadata);
    }

    @Override
    public String toString() {
        return "ProducedMessage[" + contentType + ", " + contents.length + " bytes, metadata " + metadata + "]";
    }
}
