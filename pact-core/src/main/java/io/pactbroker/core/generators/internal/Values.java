package io.pactbroker.core.generators.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactbroker.core.generators.GeneratorContext;
import io.pactbroker.core.internal.Json;
import io.pactbroker.core.model.Generator;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Generates one value from a generator and the example it replaces. */
public final class Values {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
    private static final int CACHE_LIMIT = 1_000;
    private static final ConcurrentMap<String, RegexGenerator> REGEXES = new ConcurrentHashMap<>();
    private static final ConcurrentMap<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    /** The default format of generated date-times: ISO-8601 with milliseconds and offset. */
    public static final String DEFAULT_DATE_TIME = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

    private Values() {}

    /**
     * The value a generator gives in place of the example; empty when the example stays (the generator does not apply
     * on this side, a provider-state value is absent, there is no mock server URL, or the generator is unknown).
     *
     * @throws IllegalArgumentException when the generator cannot work (an unsupported regular expression, a bad
     *     date format or expression)
     */
    public static Optional<JsonNode> generate(Generator generator, JsonNode example, GeneratorContext context) {
        if (!generator.appliesTo(context.mode())) {
            return Optional.empty();
        }
        RandomGenerator random = context.random();
        boolean textual = example != null && example.isTextual();
        if (generator instanceof Generator.RandomInt g) {
            int min = Math.min(g.min(), g.max());
            int max = Math.max(g.min(), g.max());
            int value = (int) Math.min(max, min + (long) (random.nextDouble() * ((long) max - min + 1)));
            return Optional.of(textual ? Json.NODES.textNode(Integer.toString(value)) : Json.NODES.numberNode(value));
        }
        if (generator instanceof Generator.RandomDecimal g) {
            String value = decimal(Math.max(2, g.digits()), random);
            return Optional.of(textual ? Json.NODES.textNode(value) : Json.NODES.numberNode(new BigDecimal(value)));
        }
        if (generator instanceof Generator.RandomHexadecimal g) {
            return Optional.of(Json.NODES.textNode(chars(HEX, g.digits(), random)));
        }
        if (generator instanceof Generator.RandomString g) {
            return Optional.of(Json.NODES.textNode(chars(ALPHANUMERIC, g.size(), random)));
        }
        if (generator instanceof Generator.Regex g) {
            return Optional.of(Json.NODES.textNode(regex(g.regex()).generate(random)));
        }
        if (generator instanceof Generator.Uuid g) {
            return Optional.of(
                    Json.NODES.textNode(uuid(g.format().orElse(Generator.UuidFormat.LOWER_CASE_HYPHENATED), random)));
        }
        if (generator instanceof Generator.Date g) {
            ZonedDateTime date =
                    DateExpressions.date(now(context), g.expression().orElse(""));
            return Optional.of(Json.NODES.textNode(
                    formatter(g.format().orElse("yyyy-MM-dd")).format(date)));
        }
        if (generator instanceof Generator.Time g) {
            ZonedDateTime time =
                    DateExpressions.time(now(context), g.expression().orElse(""));
            return Optional.of(
                    Json.NODES.textNode(formatter(g.format().orElse("HH:mm:ss")).format(time)));
        }
        if (generator instanceof Generator.DateTime g) {
            ZonedDateTime dateTime =
                    DateExpressions.dateTime(now(context), g.expression().orElse(""));
            return Optional.of(Json.NODES.textNode(
                    formatter(g.format().orElse(DEFAULT_DATE_TIME)).format(dateTime)));
        }
        if (generator instanceof Generator.RandomBoolean) {
            boolean value = random.nextBoolean();
            return Optional.of(textual ? Json.NODES.textNode(Boolean.toString(value)) : Json.NODES.booleanNode(value));
        }
        if (generator instanceof Generator.ProviderState g) {
            return providerState(g, context.providerState()).map(v -> convert(v, g.dataType()));
        }
        if (generator instanceof Generator.MockServerUrl g) {
            if (context.mockServerUrl().isEmpty()) {
                return Optional.empty();
            }
            String source = textual ? example.textValue() : g.example();
            return Optional.of(Json.NODES.textNode(
                    mockServerUrl(source, g.regex(), context.mockServerUrl().get())));
        }
        return Optional.empty();
    }

    private static ZonedDateTime now(GeneratorContext context) {
        return ZonedDateTime.now(context.clock());
    }

    private static String chars(String alphabet, int count, RandomGenerator random) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** A decimal number of {@code digits} digits with a point somewhere inside, without a superfluous leading 0. */
    static String decimal(int digits, RandomGenerator random) {
        StringBuilder out = new StringBuilder(digits + 1);
        int point = 1 + random.nextInt(digits - 1);
        for (int i = 0; i < digits; i++) {
            if (i == point) {
                out.append('.');
            }
            int digit = random.nextInt(10);
            if (i == 0 && point > 1 && digit == 0) {
                digit = 1 + random.nextInt(9);
            }
            out.append((char) ('0' + digit));
        }
        return out.toString();
    }

    private static String uuid(Generator.UuidFormat format, RandomGenerator random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        String text = new UUID(most, least).toString();
        return switch (format) {
            case SIMPLE -> text.replace("-", "");
            case LOWER_CASE_HYPHENATED -> text;
            case UPPER_CASE_HYPHENATED -> text.toUpperCase(Locale.ROOT);
            case URN -> "urn:uuid:" + text;
        };
    }

    /** Provider-state values: a key, or a template with {@code ${key}} placeholders. */
    static Optional<JsonNode> providerState(Generator.ProviderState generator, Map<String, JsonNode> values) {
        String expression = generator.expression();
        Matcher matcher = PLACEHOLDER.matcher(expression);
        if (!matcher.find()) {
            return Optional.ofNullable(values.get(expression));
        }
        if (matcher.start() == 0 && matcher.end() == expression.length()) {
            return Optional.ofNullable(values.get(matcher.group(1).trim()));
        }
        StringBuilder out = new StringBuilder();
        matcher.reset();
        while (matcher.find()) {
            JsonNode value = values.get(matcher.group(1).trim());
            if (value == null) {
                return Optional.empty();
            }
            matcher.appendReplacement(
                    out, Matcher.quoteReplacement(value.isTextual() ? value.textValue() : value.asText()));
        }
        matcher.appendTail(out);
        return Optional.of(Json.NODES.textNode(out.toString()));
    }

    private static JsonNode convert(JsonNode value, Optional<Generator.DataType> dataType) {
        if (dataType.isEmpty()) {
            return value;
        }
        String text = value.isTextual() ? value.textValue() : value.asText();
        try {
            return switch (dataType.get()) {
                case STRING -> Json.NODES.textNode(text);
                case INTEGER -> Json.NODES.numberNode(new BigDecimal(text.trim()).toBigIntegerExact());
                case DECIMAL, FLOAT -> Json.NODES.numberNode(new BigDecimal(text.trim()));
                case BOOLEAN -> Json.NODES.booleanNode(Boolean.parseBoolean(text.trim()));
                case RAW -> value;
            };
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("the provider-state value " + Json.compact(value) + " is not "
                    + dataType.get().name().toLowerCase(Locale.ROOT));
        }
    }

    /** Replaces the part of the example the regular expression matches with the base URL and the first group. */
    static String mockServerUrl(String example, String regex, String baseUrl) {
        Pattern pattern = PATTERNS.computeIfAbsent(regex, Pattern::compile);
        Matcher matcher = pattern.matcher(example);
        if (!matcher.find() || matcher.groupCount() < 1) {
            throw new IllegalArgumentException("the MockServerURL regular expression /" + regex
                    + "/ does not match the example '" + example + "' with a group");
        }
        String rest = matcher.group(1) == null ? "" : matcher.group(1);
        String base =
                baseUrl.endsWith("/") && rest.startsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return example.substring(0, matcher.start()) + base + rest + example.substring(matcher.end());
    }

    static RegexGenerator regex(String regex) {
        if (REGEXES.size() > CACHE_LIMIT) {
            REGEXES.clear();
        }
        RegexGenerator cached = REGEXES.get(regex);
        if (cached == null) {
            cached = RegexGenerator.of(regex);
            REGEXES.put(regex, cached);
        }
        return cached;
    }

    static DateTimeFormatter formatter(String pattern) {
        if (FORMATTERS.size() > CACHE_LIMIT) {
            FORMATTERS.clear();
        }
        return FORMATTERS.computeIfAbsent(pattern, p -> {
            try {
                return DateTimeFormatter.ofPattern(p, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + p + "' is not a valid date/time format: " + e.getMessage(), e);
            }
        });
    }
}
