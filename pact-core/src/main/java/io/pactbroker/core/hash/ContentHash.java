package io.pactbroker.core.hash;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The identity of a pact's content, computed exactly as the Pact Broker computes it, so that the same content gets the
 * same sha here and there.
 *
 * <p>Only what affects verification counts: the {@code interactions} and {@code messages} arrays and the specification
 * version. Object keys are sorted recursively and the interactions (or, when there are none, the messages) are sorted
 * by their canonical JSON, so metadata, key order, interaction order and whitespace never create new content. The
 * sha is SHA-1 over that canonical JSON as Ruby's JSON generator writes it.
 *
 * <pre>{@code
 * String sha = ContentHash.sha(Files.readString(Path.of("target/pacts/web-orders.json")));
 * }</pre>
 */
public final class ContentHash {

    /** Built on first use: writers that only sort keys ({@link #sortKeys}) should not pay for a mapper. */
    private static final class Parser {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();

        static {
            MAPPER.getFactory()
                    .setStreamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(ContentHash.MAX_NESTING_DEPTH)
                            .build());
        }
    }

    /** The deepest nesting the Pact Broker accepts in a pact. */
    public static final int MAX_NESTING_DEPTH = 50;

    private ContentHash() {}

    /**
     * The sha of a pact given as JSON text.
     *
     * @throws IllegalArgumentException when the text is not JSON
     */
    public static String sha(String pactJson) {
        try {
            return sha(Parser.MAPPER.readTree(pactJson));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The pact is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The sha of a parsed pact. The node is not modified. */
    public static String sha(JsonNode pact) {
        return sha1(RubyJson.write(contentThatAffectsVerificationResults(pact)));
    }

    /**
     * The part of a pact the sha is computed over: the sorted interactions and messages and the specification version,
     * or, for a document with neither, the whole document as given.
     */
    public static JsonNode contentThatAffectsVerificationResults(JsonNode pact) {
        if (!pact.isObject()) {
            return pact;
        }
        JsonNode interactions = arrayOrNull(pact.get("interactions"));
        JsonNode messages = arrayOrNull(pact.get("messages"));
        if (interactions == null && messages == null) {
            // The Pact Broker hashes such a document as it came, so this does too.
            return pact;
        }
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        // Only one array is sorted by content, interactions when present (as the Pact Broker does).
        if (interactions != null) {
            content.set("interactions", sortedByCanonicalJson((ArrayNode) interactions));
        }
        if (messages != null) {
            content.set(
                    "messages",
                    interactions == null ? sortedByCanonicalJson((ArrayNode) messages) : sortKeys(messages));
        }
        JsonNode version = specificationVersion(pact);
        if (version != null && !version.isNull()) {
            content.set("pact_specification_version", sortKeys(version));
        }
        return content;
    }

    /**
     * The specification version named in a pact's metadata, under any of the keys clients have used:
     * {@code pactSpecification.version}, {@code pact-specification.version} or {@code pactSpecificationVersion}.
     */
    public static JsonNode specificationVersion(JsonNode pact) {
        JsonNode metadata = pact.get("metadata");
        if (metadata == null || !metadata.isObject()) {
            return null;
        }
        for (String key : List.of("pactSpecification", "pact-specification")) {
            JsonNode spec = metadata.get(key);
            if (spec != null && spec.isObject()) {
                JsonNode version = spec.get("version");
                if (version != null && !version.isNull() && !isFalse(version)) {
                    return version;
                }
            }
        }
        JsonNode version = metadata.get("pactSpecificationVersion");
        return version == null || isFalse(version) ? null : version;
    }

    /** A copy of the node with the keys of every object sorted, recursively. */
    public static JsonNode sortKeys(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>(ContentHash::compareRubyStrings);
            node.properties().forEach(e -> sorted.put(e.getKey(), sortKeys(e.getValue())));
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            sorted.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(element -> copy.add(sortKeys(element)));
            return copy;
        }
        return node;
    }

    private static ArrayNode sortedByCanonicalJson(ArrayNode array) {
        record Keyed(String json, JsonNode node) {}
        List<Keyed> keyed = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            JsonNode sorted = sortKeys(element);
            keyed.add(new Keyed(RubyJson.write(sorted), sorted));
        }
        keyed.sort((a, b) -> compareRubyStrings(a.json(), b.json()));
        ArrayNode result = JsonNodeFactory.instance.arrayNode(keyed.size());
        keyed.forEach(k -> result.add(k.node()));
        return result;
    }

    /** Ruby compares strings byte by byte in UTF-8, which differs from Java's UTF-16 order for some characters. */
    static int compareRubyStrings(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode arrayOrNull(JsonNode node) {
        return node != null && node.isArray() ? node : null;
    }

    private static boolean isFalse(JsonNode node) {
        return node.isBoolean() && !node.booleanValue();
    }

    private static String sha1(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JVM", e);
        }
    }
}
