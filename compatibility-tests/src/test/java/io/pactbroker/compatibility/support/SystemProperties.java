package io.pactbroker.compatibility.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sets system properties for the length of a block and puts the previous values back, for clients such as pact-jvm
 * that read their configuration only from system properties. Tests that use it must not run in parallel with each
 * other (the suite runs sequentially).
 *
 * <pre>{@code
 * try (var props = SystemProperties.set(Map.of("pact.provider.version", "p1"))) {
 *     ... run pact-jvm ...
 * }
 * }</pre>
 */
public final class SystemProperties implements AutoCloseable {

    private final Map<String, String> previous = new LinkedHashMap<>();

    private SystemProperties() {}

    public static SystemProperties set(Map<String, String> values) {
        SystemProperties props = new SystemProperties();
        values.forEach((key, value) -> {
            props.previous.put(key, System.getProperty(key));
            System.setProperty(key, value);
        });
        return props;
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }
}
