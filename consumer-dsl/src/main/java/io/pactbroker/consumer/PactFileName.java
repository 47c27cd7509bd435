package io.pactbroker.consumer;

import java.util.Objects;

/** Names the pact file written for a consumer and provider pair: {@code <consumer>-<provider>.json}. */
public final class PactFileName {

    private PactFileName() {}

    /**
     * The file name for a pair of pacticipants, with characters that are unsafe in file names replaced by {@code _}.
     *
     * <pre>{@code PactFileName.of("web", "orders") // "web-orders.json"}</pre>
     */
    public static String of(String consumer, String provider) {
        return safe(Objects.requireNonNull(consumer, "consumer")) + "-"
                + safe(Objects.requireNonNull(provider, "provider")) + ".json";
    }

    private static String safe(String name) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("a pacticipant name must not be blank");
        }
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    }
}
