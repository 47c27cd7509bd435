package io.pactbroker.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.core.internal.Json;
import io.pactbroker.core.model.DocPath;
import io.pactbroker.core.model.Generator;
import io.pactbroker.core.model.RuleList;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Turns Java values (records, maps, lists, scalars, nested matchers) into matchers, and nests matchers in others. */
final class Fragments {

    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private Fragments() {}

    /** A Java value as a matcher: plain values get no rules, nested matchers keep theirs. */
    static Matcher of(Object value) {
        if (value instanceof Matcher m) {
            return m;
        }
        if (value instanceof Optional<?> o) {
            return of(o.orElse(null));
        }
        JsonNode scalar = scalar(value);
        if (scalar != null) {
            return Matcher.plain(scalar);
        }
        if (value instanceof Map<?, ?> map) {
            Composite c = new Composite(NODES.objectNode());
            map.forEach((k, v) -> c.put(String.valueOf(k), of(v)));
            return c.toMatcher();
        }
        if (value instanceof Iterable<?> items) {
            Composite c = new Composite(NODES.arrayNode());
            items.forEach(item -> c.add(of(item)));
            return c.toMatcher();
        }
        if (value.getClass().isArray()) {
            Composite c = new Composite(NODES.arrayNode());
            for (int i = 0; i < Array.getLength(value); i++) {
                c.add(of(Array.get(value, i)));
            }
            return c.toMatcher();
        }
        if (value instanceof Record record) {
            Composite c = new Composite(NODES.objectNode());
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                c.put(component.getName(), of(read(record, component)));
            }
            return c.toMatcher();
        }
        return Matcher.plain(Json.mapper().valueToTree(value));
    }

    private static JsonNode scalar(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node.deepCopy();
        }
        if (value instanceof CharSequence
                || value instanceof Character
                || value instanceof UUID
                || value instanceof URI
                || value instanceof URL
                || value instanceof TemporalAccessor) {
            return NODES.textNode(value.toString());
        }
        if (value instanceof Enum<?> e) {
            return NODES.textNode(e.name());
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Number n) {
            return number(n);
        }
        return null;
    }

    static JsonNode number(Number n) {
        if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return NODES.numberNode(n.intValue());
        }
        if (n instanceof Long l) {
            return integral(l);
        }
        if (n instanceof BigInteger b) {
            return NODES.numberNode(b);
        }
        if (n instanceof BigDecimal d) {
            return NODES.numberNode(d);
        }
        // Doubles and floats as written (7.5 stays 7.5, 1.0 stays 1.0), not their binary expansion.
        return NODES.numberNode(new BigDecimal(n.toString()));
    }

    /** An integer as the smallest node that holds it, as a parser would read it back. */
    static JsonNode integral(long value) {
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    private static Object read(Record record, RecordComponent component) {
        Method accessor = component.getAccessor();
        try {
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "cannot read " + record.getClass().getSimpleName() + "." + component.getName()
                            + " to use it as an example: " + e,
                    e);
        }
    }

    /** The path suffix of a field: {@code .name} or {@code ['odd name']}. */
    static String field(String name) {
        StringBuilder out = new StringBuilder();
        DocPath.appendField(out, name);
        return out.toString();
    }

    /** Adds a matcher's rules and generators below a prefix. */
    static void nest(String prefix, Matcher matcher, Map<String, RuleList> rules, Map<String, Generator> generators) {
        matcher.rules().forEach((path, list) -> rules.merge(prefix + path, list, Fragments::concat));
        matcher.generators().forEach((path, generator) -> generators.put(prefix + path, generator));
    }

    private static RuleList concat(RuleList a, RuleList b) {
        RuleList out = a;
        for (var rule : b.rules()) {
            out = out.plus(rule);
        }
        return out;
    }

    /** Collects an object or array from matchers. */
    static final class Composite {
        final JsonNode node;
        final Map<String, RuleList> rules = new LinkedHashMap<>();
        final Map<String, Generator> generators = new LinkedHashMap<>();

        Composite(JsonNode node) {
            this.node = node;
        }

        void put(String name, Matcher value) {
            ((ObjectNode) node).set(name, value.exampleNode().deepCopy());
            String prefix = field(name);
            // A later value for the same field replaces the earlier one, rules included.
            rules.keySet().removeIf(k -> k.equals(prefix) || k.startsWith(prefix + ".") || k.startsWith(prefix + "["));
            generators
                    .keySet()
                    .removeIf(k -> k.equals(prefix) || k.startsWith(prefix + ".") || k.startsWith(prefix + "["));
            nest(prefix, value, rules, generators);
        }

        void add(Matcher value) {
            ArrayNode array = (ArrayNode) node;
            nest("[" + array.size() + "]", value, rules, generators);
            array.add(value.exampleNode().deepCopy());
        }

        Matcher toMatcher() {
            return new Matcher(node, rules, generators);
        }
    }
}
