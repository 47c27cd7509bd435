package io.pactbroker.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.core.hash.ContentHash;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * The JSON support shared by the whole library: thread-safe, configured once. Numbers keep their exact form (decimals
 * as {@link java.math.BigDecimal}) so that {@code 1.10} and {@code 1.1} and integers versus decimals are told apart
 * exactly as written.
 *
 * <p>Trees are parsed and written with Jackson's streaming API directly; the {@link ObjectMapper} (a few hundred
 * classes and a noticeable part of a short test run's start-up) is built only when something asks for {@link
 * #mapper()} to bind Java objects.
 */
public final class Json {

    /** Builds trees; decimals are exact. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private static final int MAX_NESTING_DEPTH = 500;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .build())
            .build();

    private Json() {}

    /** The mapper, built on first use, for binding Java objects. Never reconfigure it. */
    public static ObjectMapper mapper() {
        return MapperHolder.MAPPER;
    }

    private static final class MapperHolder {
        static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .nodeFactory(NODES)
                .build();
    }

    /** Parses JSON text; empty text is a missing node. */
    public static JsonNode parse(String text) throws JsonProcessingException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            return read(parser);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses JSON bytes (UTF-8, UTF-16 or UTF-32 as detected by Jackson). */
    public static JsonNode parse(byte[] bytes) throws IOException {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            return read(parser);
        }
    }

    /** Reads one document and refuses anything after it, as {@code FAIL_ON_TRAILING_TOKENS} does. */
    private static JsonNode read(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return MissingNode.getInstance();
        }
        JsonNode root = readValue(parser, first);
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw new JsonParseException(
                    parser,
                    "Trailing token (of type " + trailing + ") found after value (bound as "
                            + root.getClass().getName() + "): not allowed as per"
                            + " `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
        }
        return root;
    }

    private static JsonNode readValue(JsonParser parser, JsonToken token) throws IOException {
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
            return scalar(parser, token);
        }
        // Iterative, so that deep documents are limited by the parser's nesting constraint, not the stack.
        Deque<JsonNode> stack = new ArrayDeque<>();
        JsonNode root = token == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
        stack.push(root);
        String field = null;
        while (!stack.isEmpty()) {
            JsonToken t = parser.nextToken();
            if (t == null) {
                throw new JsonParseException(parser, "Unexpected end-of-input");
            }
            JsonNode container = stack.peek();
            if (t == JsonToken.FIELD_NAME) {
                field = parser.currentName();
                continue;
            }
            if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                stack.pop();
                continue;
            }
            JsonNode value;
            boolean open = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
            if (t == JsonToken.START_OBJECT) {
                value = NODES.objectNode();
            } else if (t == JsonToken.START_ARRAY) {
                value = NODES.arrayNode();
            } else {
                value = scalar(parser, t);
            }
            if (container instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) container).add(value);
            }
            if (open) {
                stack.push(value);
            }
        }
        return root;
    }

    private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT ->
                switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_EMBEDDED_OBJECT -> NODES.pojoNode(parser.getEmbeddedObject());
            default -> throw new JsonParseException(parser, "Unexpected token " + token);
        };
    }

    /** Compact JSON text. */
    public static String compact(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(node, generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Pretty JSON in the keys' own order: two spaces of indentation, {@code "key": value}, a trailing newline. */
    public static String pretty(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.setPrettyPrinter(prettyPrinter());
            write(node, generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    /**
     * Canonical pretty JSON: object keys sorted (recursively, in the byte order the Pact Broker uses), two spaces of
     * indentation, {@code "key": value}, one element per line, a trailing newline.
     */
    public static String canonical(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.setPrettyPrinter(prettyPrinter());
            write(ContentHash.sortKeys(node), generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    private static void write(JsonNode node, JsonGenerator generator) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    generator.writeFieldName(field.getKey());
                    write(field.getValue(), generator);
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    write(element, generator);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> generator.writeNumber(node.intValue());
                    case LONG -> generator.writeNumber(node.longValue());
                    case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
                    case FLOAT -> generator.writeNumber(node.floatValue());
                    case DOUBLE -> generator.writeNumber(node.doubleValue());
                    default -> generator.writeNumber(node.decimalValue());
                }
            }
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case BINARY -> generator.writeBinary(node.binaryValue());
            case POJO -> mapper().writeTree(generator, node);
            default -> generator.writeNull();
        }
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }
}
