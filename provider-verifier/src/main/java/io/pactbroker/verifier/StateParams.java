package io.pactbroker.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.core.internal.Json;
import io.pactbroker.core.model.ProviderState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider state as a state handler receives it: its name and its parameters, with typed accessors.
 *
 * <pre>{@code
 * .state("order {id} exists", params -> orders.save(new Order(params.integer("id"), params.string("status", "OPEN"))))
 * .state("a customer exists", params -> customers.save(params.as(Customer.class)))   // a record with the params' names
 * }</pre>
 *
 * @param state the state's name, as written in the pact
 * @param params the parameters, in order
 */
public record StateParams(String state, Map<String, JsonNode> params) {

    public StateParams {
        Objects.requireNonNull(state, "state");
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The parameters of a state of a pact. */
    public static StateParams of(ProviderState state) {
        return new StateParams(state.name(), state.params());
    }

    /** A parameter as JSON, when present. */
    public Optional<JsonNode> get(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** A parameter as text (numbers and booleans as written). */
    public String string(String name) {
        JsonNode value = require(name);
        return value.isTextual() ? value.textValue() : value.toString();
    }

    /** A parameter as text, or the default when absent. */
    public String string(String name, String defaultValue) {
        return params.containsKey(name) ? string(name) : defaultValue;
    }

    /** A parameter as an int (a number, or text holding one). */
    public int integer(String name) {
        return Math.toIntExact(longValue(name));
    }

    /** A parameter as a long (a number, or text holding one). */
    public long longValue(String name) {
        JsonNode value = require(name);
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        try {
            return Long.parseLong(value.asText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "provider state \"" + state + "\": parameter '" + name + "' is " + value + ", not an integer");
        }
    }

    /** A parameter as a boolean ({@code true}, or the text {@code "true"}). */
    public boolean bool(String name) {
        JsonNode value = require(name);
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.asText().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException(
                "provider state \"" + state + "\": parameter '" + name + "' is " + value + ", not a boolean");
    }

    /** A parameter converted to a type (any type Jackson can bind: records, lists, {@code BigDecimal}, ...). */
    public <T> T get(String name, Class<T> type) {
        return convert(require(name), type, "parameter '" + name + "'");
    }

    /** All parameters bound to one type, usually a record whose components are named like the parameters. */
    public <T> T as(Class<T> type) {
        ObjectNode object = Json.NODES.objectNode();
        params.forEach(object::set);
        return convert(object, type, "the parameters");
    }

    /** The parameters as plain Java values (maps, lists, strings, numbers, booleans). */
    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, plain(v)));
        return out;
    }

    private static Object plain(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isArray()) {
            java.util.List<Object> list = new java.util.ArrayList<>();
            node.forEach(e -> list.add(plain(e)));
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
        return map;
    }

    private <T> T convert(JsonNode value, Class<T> type, String what) {
        try {
            return Json.mapper().treeToValue(value, type);
        } catch (Exception e) {
            throw new IllegalArgumentException("provider state \"" + state + "\": " + what + " " + value
                    + " cannot be read as " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    private JsonNode require(String name) {
        JsonNode value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("provider state \"" + state + "\" has no parameter '" + name + "'"
                    + (params.isEmpty() ? " (it has none)" : " (it has " + String.join(", ", params.keySet()) + ")"));
        }
        return value;
    }
}
