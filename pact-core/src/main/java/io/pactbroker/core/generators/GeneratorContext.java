package io.pactbroker.core.generators;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactbroker.core.internal.Json;
import io.pactbroker.core.model.Generator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * What generators need to know: the side they run on, the values the provider-state callback returned (provider
 * side), the mock server's base URL (consumer side), the clock dates are relative to, and the source of randomness.
 * Immutable; a context may be shared between threads as long as its random generator may ({@link Random} is).
 *
 * <pre>{@code
 * GeneratorContext provider = GeneratorContext.provider(Map.of("id", 42, "token", "abc"));
 * GeneratorContext consumer = GeneratorContext.consumer("http://localhost:52312");
 * GeneratorContext fixed = consumer.withClock(Clock.fixed(instant, ZoneOffset.UTC)).withRandom(new Random(7));
 * }</pre>
 *
 * @param mode the side generators run on
 * @param providerState values from the provider-state callback
 * @param mockServerUrl the mock server's base URL ({@code http://localhost:52312})
 * @param clock the clock dates and times are relative to
 * @param random the source of randomness
 */
public record GeneratorContext(
        Generator.Mode mode,
        Map<String, JsonNode> providerState,
        Optional<String> mockServerUrl,
        Clock clock,
        RandomGenerator random) {

    public GeneratorContext {
        Objects.requireNonNull(mode, "mode");
        providerState = Collections.unmodifiableMap(new LinkedHashMap<>(providerState));
        Objects.requireNonNull(mockServerUrl, "mockServerUrl");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
    }

    /** The consumer side (the mock server generating responses), with the mock server's base URL. */
    public static GeneratorContext consumer(String mockServerUrl) {
        return new GeneratorContext(
                Generator.Mode.CONSUMER, Map.of(), Optional.of(mockServerUrl), Clock.systemDefaultZone(), new Random());
    }

    /** The consumer side without a mock server URL (MockServerURL generators then keep their example). */
    public static GeneratorContext consumer() {
        return new GeneratorContext(
                Generator.Mode.CONSUMER, Map.of(), Optional.empty(), Clock.systemDefaultZone(), new Random());
    }

    /**
     * The provider side (the verifier generating requests), with the values the provider-state callback returned.
     * Values may be JSON nodes, strings, numbers, booleans or null.
     */
    public static GeneratorContext provider(Map<String, ?> providerStateValues) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        providerStateValues.forEach((k, v) -> values.put(k, toJson(v)));
        return new GeneratorContext(
                Generator.Mode.PROVIDER, values, Optional.empty(), Clock.systemDefaultZone(), new Random());
    }

    /** The same context with another clock (for repeatable dates in tests). */
    public GeneratorContext withClock(Clock newClock) {
        return new GeneratorContext(mode, providerState, mockServerUrl, newClock, random);
    }

    /** The same context with another source of randomness (a seeded one for repeatable values). */
    public GeneratorContext withRandom(RandomGenerator newRandom) {
        return new GeneratorContext(mode, providerState, mockServerUrl, clock, newRandom);
    }

    private static JsonNode toJson(Object value) {
        if (value == null) {
            return Json.NODES.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String s) {
            return Json.NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return Json.NODES.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return Json.NODES.numberNode(((Number) value).intValue());
        }
        if (value instanceof Long l) {
            return Json.NODES.numberNode(l);
        }
        if (value instanceof BigInteger b) {
            return Json.NODES.numberNode(b);
        }
        if (value instanceof BigDecimal d) {
            return Json.NODES.numberNode(d);
        }
        if (value instanceof Number n) {
            return Json.NODES.numberNode(new BigDecimal(n.toString()));
        }
        return Json.mapper().valueToTree(value);
    }
}
