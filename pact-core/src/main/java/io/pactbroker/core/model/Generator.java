package io.pactbroker.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A generator of the Pact specification (V3, V4): replaces an example value with a fresh one when a request or
 * response is replayed. Applying generators is the job of {@code io.pactbroker.core.generators.Generation}.
 *
 * <pre>{@code
 * Generator id = new Generator.RandomInt(1, 1000);
 * Generator orderUrl = new Generator.ProviderState("/orders/${id}", Optional.empty());
 * }</pre>
 */
public sealed interface Generator {

    /** The generator's {@code type} as written in a pact file. */
    String type();

    /** When a generator applies: when the consumer side replays a response, or the provider side a request. */
    enum Mode {
        /** The consumer's mock server (generates responses). */
        CONSUMER,
        /** The provider verifier (generates requests). */
        PROVIDER
    }

    /** Whether the generator applies in the mode: provider-state values only for the provider, mock URLs only for the consumer. */
    default boolean appliesTo(Mode mode) {
        return true;
    }

    /**
     * A random integer in {@code [min, max]}.
     *
     * @param min the least value
     * @param max the greatest value
     */
    record RandomInt(int min, int max) implements Generator {
        @Override
        public String type() {
            return "RandomInt";
        }
    }

    /**
     * A random decimal number with {@code digits} digits.
     *
     * @param digits how many digits
     */
    record RandomDecimal(int digits) implements Generator {
        @Override
        public String type() {
            return "RandomDecimal";
        }
    }

    /**
     * A random string of {@code digits} hexadecimal digits.
     *
     * @param digits how many digits
     */
    record RandomHexadecimal(int digits) implements Generator {
        @Override
        public String type() {
            return "RandomHexadecimal";
        }
    }

    /**
     * A random alphanumeric string of {@code size} characters.
     *
     * @param size how many characters
     */
    record RandomString(int size) implements Generator {
        @Override
        public String type() {
            return "RandomString";
        }
    }

    /**
     * A random string matching the regular expression.
     *
     * @param regex the expression
     */
    record Regex(String regex) implements Generator {
        public Regex {
            Objects.requireNonNull(regex, "regex");
        }

        @Override
        public String type() {
            return "Regex";
        }
    }

    /** Formats of generated UUIDs. */
    enum UuidFormat {
        /** {@code 936da01f9abd4d9d80c702af85c822a8} */
        SIMPLE("simple"),
        /** {@code 936da01f-9abd-4d9d-80c7-02af85c822a8} (the default) */
        LOWER_CASE_HYPHENATED("lower-case-hyphenated"),
        /** {@code 936DA01F-9ABD-4D9D-80C7-02AF85C822A8} */
        UPPER_CASE_HYPHENATED("upper-case-hyphenated"),
        /** {@code urn:uuid:936da01f-9abd-4d9d-80c7-02af85c822a8} */
        URN("URN");

        private final String jsonName;

        UuidFormat(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }

        public static Optional<UuidFormat> fromJsonName(String name) {
            for (UuidFormat f : values()) {
                if (f.jsonName.equalsIgnoreCase(name)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A random UUID.
     *
     * @param format its format, lower-case hyphenated when absent
     */
    record Uuid(Optional<UuidFormat> format) implements Generator {
        @Override
        public String type() {
            return "Uuid";
        }
    }

    /**
     * Today's date (or a date relative to it), formatted.
     *
     * @param format a {@link java.time.format.DateTimeFormatter} pattern; ISO ({@code yyyy-MM-dd}) when absent
     * @param expression a date expression such as {@code + 1 day} or {@code next monday}
     */
    record Date(Optional<String> format, Optional<String> expression) implements Generator {
        @Override
        public String type() {
            return "Date";
        }
    }

    /**
     * The current time (or one relative to it), formatted.
     *
     * @param format a pattern; {@code HH:mm:ss} when absent
     * @param expression a time expression such as {@code + 1 hour} or {@code @ noon}
     */
    record Time(Optional<String> format, Optional<String> expression) implements Generator {
        @Override
        public String type() {
            return "Time";
        }
    }

    /**
     * The current date-time (or one relative to it), formatted.
     *
     * @param format a pattern; ISO-8601 with offset when absent
     * @param expression an expression such as {@code today + 2 weeks @ 10 o'clock}
     */
    record DateTime(Optional<String> format, Optional<String> expression) implements Generator {
        @Override
        public String type() {
            return "DateTime";
        }
    }

    /** A random boolean. */
    record RandomBoolean() implements Generator {
        @Override
        public String type() {
            return "RandomBoolean";
        }
    }

    /** How a value taken from provider-state values is converted. */
    enum DataType {
        STRING,
        INTEGER,
        DECIMAL,
        FLOAT,
        RAW,
        BOOLEAN;

        public static Optional<DataType> fromJsonName(String name) {
            try {
                return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * A value from the provider-state callback: either a key ({@code id}) or a template with {@code ${key}}
     * placeholders ({@code /orders/${id}}). Applies on the provider side only.
     *
     * @param expression the key or template
     * @param dataType the type to convert the value to
     */
    record ProviderState(String expression, Optional<DataType> dataType) implements Generator {
        @Override
        public String type() {
            return "ProviderState";
        }

        @Override
        public boolean appliesTo(Mode mode) {
            return mode == Mode.PROVIDER;
        }
    }

    /**
     * A URL pointing at the mock server: the part of {@code example} matched by {@code regex}'s first group is kept
     * and the rest replaced by the mock server's base URL. Applies on the consumer side only.
     *
     * @param example the example URL
     * @param regex a regular expression whose first group is the part after the base URL
     */
    record MockServerUrl(String example, String regex) implements Generator {
        @Override
        public String type() {
            return "MockServerURL";
        }

        @Override
        public boolean appliesTo(Mode mode) {
            return mode == Mode.CONSUMER;
        }
    }

    /**
     * A generator this library does not know. It is kept so it survives reading and writing, and is skipped when
     * generating (the example value stays).
     *
     * @param type its type
     * @param definition the generator as found in the file
     */
    record Unknown(String type, JsonNode definition) implements Generator {}
}
