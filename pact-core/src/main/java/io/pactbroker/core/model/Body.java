package io.pactbroker.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactbroker.core.internal.ContentSniffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of a request, response or message. A body is {@linkplain Missing missing} (not part of the contract: any
 * body matches), {@linkplain Null null} (JSON {@code null} in the pact: no body expected), or has content: a
 * {@linkplain Json JSON tree}, {@linkplain Text text} or {@linkplain Binary bytes}, each with its content type.
 *
 * <pre>{@code
 * Body json = Body.json(tree);                                   // application/json
 * Body text = Body.text("hello", ContentType.TEXT);
 * Body raw = Body.fromBytes(bytes, "application/json; charset=UTF-8"); // what a server received
 * }</pre>
 */
public sealed interface Body permits Body.Missing, Body.Null, Body.Json, Body.Text, Body.Binary {

    /** The content type the body declares, if any. */
    Optional<ContentType> contentType();

    /** The content as bytes (JSON in compact form, text in its charset); empty for missing and null bodies. */
    byte[] bytes();

    /** The content as text (decoded with the content type's charset, UTF-8 by default). */
    default String text() {
        return new String(bytes(), contentType().map(ContentType::charset).orElse(StandardCharsets.UTF_8));
    }

    /** Whether there is content of at least one byte (or a JSON tree). */
    default boolean isPresent() {
        return false;
    }

    /** Whether the body is there but has no content ({@code ""}). */
    default boolean isEmpty() {
        return false;
    }

    /** A body that is not part of the contract. */
    static Body missing() {
        return Missing.INSTANCE;
    }

    /** A body given as JSON {@code null}: no content expected. */
    static Body nullBody() {
        return Null.INSTANCE;
    }

    /** A JSON body of type {@code application/json}. */
    static Body json(JsonNode value) {
        return new Json(value, ContentType.JSON);
    }

    /** A JSON body of the given (JSON) content type, for example {@code application/hal+json}. */
    static Body json(JsonNode value, ContentType contentType) {
        return new Json(value, contentType);
    }

    /** A text body with no declared content type. */
    static Body text(String text) {
        return new Text(text, Optional.empty());
    }

    /** A text body of the given content type. */
    static Body text(String text, ContentType contentType) {
        return new Text(text, Optional.of(contentType));
    }

    /** A binary body of the given content type. */
    static Body binary(byte[] data, ContentType contentType) {
        return new Binary(data, Optional.of(contentType));
    }

    /**
     * The body of a raw HTTP message or message payload: bytes plus the value of its {@code Content-Type} header (or
     * {@code null} when there was none). JSON is parsed when it parses, text is decoded, anything else stays bytes.
     * Without a content type the content type is detected from the bytes (JSON, XML, HTML, text or binary).
     */
    static Body fromBytes(byte[] data, String contentTypeHeader) {
        if (data == null) {
            return missing();
        }
        Optional<ContentType> declared = ContentType.parse(contentTypeHeader);
        if (data.length == 0) {
            return new Text("", declared);
        }
        ContentType type = declared.orElseGet(() -> ContentSniffer.detect(data));
        if (type.isJson()) {
            try {
                return new Json(io.pactbroker.core.internal.Json.parse(data), type);
            } catch (IOException e) {
                // Not JSON after all: keep the content as it came, the matcher reports that it does not parse.
                return new Text(new String(data, type.charset()), Optional.of(type));
            }
        }
        if (type.isText()) {
            return new Text(new String(data, type.charset()), declared.isPresent() ? declared : Optional.of(type));
        }
        if (declared.isEmpty()) {
            Optional<String> utf8 = decodeUtf8(data);
            if (utf8.isPresent()) {
                return new Text(utf8.get(), Optional.empty());
            }
        }
        return new Binary(data, declared.isPresent() ? declared : Optional.of(type));
    }

    private static Optional<String> decodeUtf8(byte[] data) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The body is not part of the contract. */
    enum Missing implements Body {
        INSTANCE;

        @Override
        public Optional<ContentType> contentType() {
            return Optional.empty();
        }

        @Override
        public byte[] bytes() {
            return new byte[0];
        }

        @Override
        public String toString() {
            return "(missing)";
        }
    }

    /** The body was given as JSON {@code null}. */
    enum Null implements Body {
        INSTANCE;

        @Override
        public Optional<ContentType> contentType() {
            return Optional.empty();
        }

        @Override
        public byte[] bytes() {
            return new byte[0];
        }

        @Override
        public String toString() {
            return "(null)";
        }
    }

    /**
     * A JSON document kept as a Jackson tree. The tree must not be modified after it is handed over.
     *
     * @param value the document
     * @param type its content type (a JSON type)
     */
    record Json(JsonNode value, ContentType type) implements Body {
        public Json {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(type, "type");
        }

        @Override
        public Optional<ContentType> contentType() {
            return Optional.of(type);
        }

        @Override
        public byte[] bytes() {
            return io.pactbroker.core.internal.Json.compact(value).getBytes(type.charset());
        }

        @Override
        public boolean isPresent() {
            return true;
        }

        @Override
        public String toString() {
            return io.pactbroker.core.internal.Json.compact(value);
        }
    }

    /**
     * Text content.
     *
     * @param value the text
     * @param declaredType its content type, when one was declared
     */
    record Text(String value, Optional<ContentType> declaredType) implements Body {
        public Text {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(declaredType, "declaredType");
        }

        @Override
        public Optional<ContentType> contentType() {
            return declaredType;
        }

        @Override
        public byte[] bytes() {
            return value.getBytes(declaredType.map(ContentType::charset).orElse(StandardCharsets.UTF_8));
        }

        @Override
        public String text() {
            return value;
        }

        @Override
        public boolean isPresent() {
            return !value.isEmpty();
        }

        @Override
        public boolean isEmpty() {
            return value.isEmpty();
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /**
     * Binary content. The array is copied in and out.
     *
     * @param data the bytes
     * @param declaredType their content type, when one was declared
     */
    record Binary(byte[] data, Optional<ContentType> declaredType) implements Body {
        public Binary {
            data = data.clone();
            Objects.requireNonNull(declaredType, "declaredType");
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public Optional<ContentType> contentType() {
            return declaredType;
        }

        @Override
        public byte[] bytes() {
            return data.clone();
        }

        @Override
        public boolean isPresent() {
            return data.length > 0;
        }

        @Override
        public boolean isEmpty() {
            return data.length == 0;
        }

        /** The bytes in base64, as pact files carry them. */
        public String base64() {
            return Base64.getEncoder().encodeToString(data);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Binary other
                    && Arrays.equals(data, other.data)
                    && declaredType.equals(other.declaredType);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data) * 31 + declaredType.hashCode();
        }

        @Override
        public String toString() {
            return declaredType.map(ContentType::toString).orElse("binary") + " (" + data.length + " bytes)";
        }
    }
}
