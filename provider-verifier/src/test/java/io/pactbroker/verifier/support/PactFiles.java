package io.pactbroker.verifier.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Pact files for the tests, written as JSON text, the way consumers' tools write them. */
public final class PactFiles {

    private PactFiles() {}

    /** A V3 pact between the consumer and the provider with the interactions (JSON objects, comma separated). */
    public static String v3(String consumer, String provider, String interactions) {
        return """
                {"consumer": {"name": "%s"}, "provider": {"name": "%s"},
                 "interactions": [%s],
                 "metadata": {"pactSpecification": {"version": "3.0.0"}}}
                """.formatted(consumer, provider, interactions);
    }

    /** A V3 message pact. */
    public static String v3Messages(String consumer, String provider, String messages) {
        return """
                {"consumer": {"name": "%s"}, "provider": {"name": "%s"},
                 "messages": [%s],
                 "metadata": {"pactSpecification": {"version": "3.0.0"}}}
                """.formatted(consumer, provider, messages);
    }

    /** A V4 pact with typed interactions. */
    public static String v4(String consumer, String provider, String interactions) {
        return """
                {"consumer": {"name": "%s"}, "provider": {"name": "%s"},
                 "interactions": [%s],
                 "metadata": {"pactSpecification": {"version": "4.0"}}}
                """.formatted(consumer, provider, interactions);
    }

    public static Path write(Path dir, String name, String json) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            Files.writeString(file, json);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
