package io.pactbroker.core.matching.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactbroker.core.internal.Json;

/** How values and types are shown in mismatch descriptions. */
public final class Describe {

    private static final int MAX = 120;

    private Describe() {}

    /** A value as JSON, shortened when long: {@code "a1"}, {@code 12}, {@code {"a":1}}. */
    public static String value(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        return shorten(Json.compact(node));
    }

    /** Text in double quotes, shortened when long. */
    public static String quoted(String text) {
        return shorten(Json.compact(Json.NODES.textNode(text)));
    }

    /** The value without shortening, for the expected/actual fields of a mismatch. */
    public static String full(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "";
        }
        return node.isTextual() ? node.textValue() : Json.compact(node);
    }

    public static String shorten(String text) {
        return text.length() <= MAX ? text : text.substring(0, MAX - 1) + "\u2026";
    }

    /** The kind of a value with an article: {@code a string}, {@code an integer}, {@code null}. */
    public static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isIntegralNumber()) {
            return "an integer";
        }
        if (node.isNumber()) {
            return "a decimal number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return "a value";
    }

    /** The kind for type rules, where integers and decimals are both numbers. */
    public static String typeKind(JsonNode node) {
        return node != null && node.isNumber() ? "a number" : kind(node);
    }

    /** {@code 1 item}, {@code 2 items}. */
    public static String items(int count) {
        return count + (count == 1 ? " item" : " items");
    }
}
