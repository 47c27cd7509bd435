package io.pactbroker.core.hash;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes JSON byte for byte as Ruby's {@code JSON.generate} does (compact, UTF-8 unescaped, Ruby's float format), which
 * is what the Pact Broker hashes.
 */
final class RubyJson {

    private RubyJson() {}

    static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.append('{');
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                boolean first = true;
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(field.getKey(), out);
                    out.append(':');
                    write(field.getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case NUMBER -> number(node, out);
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL, MISSING -> out.append("null");
            default -> string(node.asText(), out);
        }
    }

    private static void number(JsonNode node, StringBuilder out) {
        if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isBigDecimal()) {
            out.append(rubyFloat(node.decimalValue().doubleValue()));
        } else {
            out.append(rubyFloat(node.doubleValue()));
        }
    }

    /**
     * Ruby's {@code Float#to_s}: the shortest digits that round-trip, in plain notation from 0.0001 up to (not
     * including) 1e15 and otherwise in scientific notation with a signed, at least two-digit exponent ({@code
     * 1.0e+15}, {@code 1.5e-05}).
     */
    static String rubyFloat(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            // JSON cannot carry these; Jackson never produces them from valid JSON.
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortestRoundTrip(Math.abs(value));
        String digits = shortest.unscaledValue().toString();
        int decimalExponent = digits.length() - shortest.scale(); // |value| = 0.digits * 10^decimalExponent
        String sign = value < 0 ? "-" : "";
        if (decimalExponent > -4 && decimalExponent <= 15) {
            if (decimalExponent <= 0) {
                return sign + "0." + "0".repeat(-decimalExponent) + digits;
            }
            if (decimalExponent >= digits.length()) {
                return sign + digits + "0".repeat(decimalExponent - digits.length()) + ".0";
            }
            return sign + digits.substring(0, decimalExponent) + "." + digits.substring(decimalExponent);
        }
        int exponent = decimalExponent - 1;
        String mantissa = digits.length() == 1 ? digits + ".0" : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }

    /**
     * The fewest significant digits that read back as the same double, nearest to it (what Ruby prints). Java 17's
     * {@code Double.toString} sometimes prints more digits than needed, so it is not used.
     */
    private static BigDecimal shortestRoundTrip(double positive) {
        BigDecimal exact = new BigDecimal(positive);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == positive) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
