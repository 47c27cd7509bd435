package io.pactbroker.core;

import java.util.Locale;
import java.util.Optional;

/**
 * The versions of the Pact specification this library reads (all) and writes (V2 to V4).
 *
 * <pre>{@code
 * PactSpecification version = PactSpecification.parse("3.0.0").orElse(PactSpecification.V4);
 * version.version();   // "3.0.0", as written in metadata.pactSpecification.version
 * }</pre>
 */
public enum PactSpecification {
    V1("1.0.0"),
    V1_1("1.1.0"),
    V2("2.0.0"),
    V3("3.0.0"),
    V4("4.0");

    private final String version;

    PactSpecification(String version) {
        this.version = version;
    }

    /** The version string as written in a pact file's {@code metadata.pactSpecification.version}. */
    public String version() {
        return version;
    }

    /**
     * Parses the version found in a pact file. Accepts {@code "2.0.0"}, {@code "2"}, {@code "v3"}, {@code "4.0"} and
     * the like; anything else is empty.
     */
    public static Optional<PactSpecification> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String v = text.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("v")) {
            v = v.substring(1);
        }
        if (v.equals("1.1") || v.startsWith("1.1.")) {
            return Optional.of(V1_1);
        }
        String major = v.contains(".") ? v.substring(0, v.indexOf('.')) : v;
        return switch (major) {
            case "1" -> Optional.of(V1);
            case "2" -> Optional.of(V2);
            case "3" -> Optional.of(V3);
            case "4" -> Optional.of(V4);
            default -> Optional.empty();
        };
    }
}
