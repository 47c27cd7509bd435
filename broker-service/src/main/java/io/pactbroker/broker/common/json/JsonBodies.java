package io.pactbroker.broker.common.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.broker.common.problem.InvalidRequestException;
import io.pactbroker.core.hash.ContentHash;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads request bodies and pact documents strictly: the content type must be JSON, the bytes UTF-8, the text one JSON
 * value (no trailing tokens) and an object. Each failure says what to fix, in the Pact Broker's wording where it has
 * one.
 */
public final class JsonBodies {

    /** A mapper that refuses trailing tokens and documents nested deeper than the Pact Broker accepts. */
    public static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        STRICT.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(ContentHash.MAX_NESTING_DEPTH)
                        .build());
    }

    private JsonBodies() {}

    /** Refuses with 415 a body whose content type is not JSON. */
    public static void requireJsonContentType(String contentType) {
        if (contentType == null || !contentType.toLowerCase().contains("json")) {
            throw InvalidRequestException.unsupportedMediaType("The request body must be JSON: send it with "
                    + "Content-Type: application/json (it was " + (contentType == null ? "missing" : contentType)
                    + ").");
        }
    }

    /** The body as an object, or 400 when empty, not UTF-8, not JSON, or not an object. */
    public static ObjectNode object(String contentType, byte[] body) {
        requireJsonContentType(contentType);
        if (body == null || body.length == 0) {
            throw InvalidRequestException.malformed("The request body is empty: send a JSON object.");
        }
        String text =
                utf8(body).orElseThrow(() -> InvalidRequestException.malformed(nonUtf8Message("Request body", body)));
        JsonNode node = parse(text).orElseThrow(() -> InvalidRequestException.malformed(parseError(text)));
        if (!node.isObject()) {
            throw InvalidRequestException.malformed(
                    "Expected a JSON object in the request body but found " + describe(node) + ".");
        }
        return (ObjectNode) node;
    }

    /** The body as an object, or an empty object when there is no body. */
    public static ObjectNode optionalObject(String contentType, byte[] body) {
        if (body == null || body.length == 0) {
            return STRICT.createObjectNode();
        }
        return object(contentType, body);
    }

    /** Decodes strict UTF-8, empty when the bytes are not UTF-8. */
    public static Optional<String> utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The Pact Broker's message for a non-UTF-8 body: where the bad byte is and the text before it. */
    public static String nonUtf8Message(String what, byte[] bytes) {
        int index = firstInvalidUtf8(bytes);
        String before = new String(bytes, 0, index, StandardCharsets.UTF_8);
        int charNumber = before.length() + 1;
        String fragment = before.length() > 100 ? before.substring(before.length() - 100) : before;
        return what + " has a non UTF-8 character at char " + charNumber
                + " and cannot be parsed as JSON. Fragment preceding invalid character is: '" + fragment + "'";
    }

    /** Parses JSON text, empty when it is not a single JSON value. */
    public static Optional<JsonNode> parse(String text) {
        try {
            JsonNode node = STRICT.readTree(text);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Why the text is not JSON, for the client. */
    public static String parseError(String text) {
        try {
            STRICT.readTree(text);
            return "The request body is not valid JSON.";
        } catch (JsonProcessingException e) {
            return "The request body is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null
                            ? ""
                            : " (line " + e.getLocation().getLineNr() + ", column "
                                    + e.getLocation().getColumnNr() + ")");
        }
    }

    /** "a String", "an Array", ... as the Pact Broker names classes in its messages. */
    public static String describe(JsonNode node) {
        if (node.isArray()) {
            return "an Array";
        }
        if (node.isTextual()) {
            return "a String";
        }
        if (node.isIntegralNumber()) {
            return "an Integer";
        }
        if (node.isNumber()) {
            return "a Float";
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "true" : "false";
        }
        if (node.isNull()) {
            return "null";
        }
        return "a Hash";
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            int extra;
            if (b < 0x80) {
                extra = 0;
            } else if (b >= 0xc2 && b <= 0xdf) {
                extra = 1;
            } else if (b >= 0xe0 && b <= 0xef) {
                extra = 2;
            } else if (b >= 0xf0 && b <= 0xf4) {
                extra = 3;
            } else {
                return i;
            }
            for (int k = 1; k <= extra; k++) {
                if (i + k >= bytes.length || (bytes[i + k] & 0xc0) != 0x80) {
                    return i;
                }
            }
            i += extra + 1;
        }
        return bytes.length;
    }
}
