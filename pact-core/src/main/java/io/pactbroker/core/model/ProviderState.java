package io.pactbroker.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A state the provider must be in for an interaction ({@code given "order 7 exists"}), with optional parameters (V3
 * and later).
 *
 * <pre>{@code
 * ProviderState state = ProviderState.of("an order exists", Map.of("id", IntNode.valueOf(7)));
 * }</pre>
 *
 * @param name the state's description
 * @param params its parameters, in the order given
 */
public record ProviderState(String name, Map<String, JsonNode> params) {

    public ProviderState {
        Objects.requireNonNull(name, "name");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A state without parameters. */
    public static ProviderState of(String name) {
        return new ProviderState(name, Map.of());
    }

    /** A state with parameters. */
    public static ProviderState of(String name, Map<String, JsonNode> params) {
        return new ProviderState(name, params);
    }
}
