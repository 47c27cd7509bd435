package io.pactbroker.core.generators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pactbroker.core.matching.Matching;
import io.pactbroker.core.model.Body;
import io.pactbroker.core.model.Fixtures;
import io.pactbroker.core.model.Generator;
import io.pactbroker.core.model.Generators;
import io.pactbroker.core.model.Headers;
import io.pactbroker.core.model.HttpRequest;
import io.pactbroker.core.model.HttpResponse;
import io.pactbroker.core.model.MatchingRule;
import io.pactbroker.core.model.MatchingRules;
import io.pactbroker.core.model.MessageContents;
import io.pactbroker.core.model.Query;
import io.pactbroker.core.model.RuleList;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class GenerationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2000-01-01T10:00:00Z"), ZoneOffset.UTC);
    private static final GeneratorContext CONSUMER =
            GeneratorContext.consumer("http://localhost:9999").withClock(CLOCK).withRandom(new Random(42));
    private static final GeneratorContext PROVIDER = GeneratorContext.provider(
                    Map.of("id", 1234, "name", "Mary", "price", "9.99"))
            .withClock(CLOCK)
            .withRandom(new Random(42));

    private static JsonNode generate(Generator generator, JsonNode example, GeneratorContext context) {
        return Generation.value(generator, example, context);
    }

    @RepeatedTest(20)
    void shouldGenerateIntegersInTheRangeKeepingTheExamplesType() {
        JsonNode number = generate(new Generator.RandomInt(5, 7), IntNode.valueOf(1), CONSUMER);
        JsonNode text = generate(new Generator.RandomInt(5, 7), TextNode.valueOf("1"), CONSUMER);

        assertThat(number.isInt()).isTrue();
        assertThat(number.intValue()).isBetween(5, 7);
        assertThat(text.textValue()).matches("[5-7]");
    }

    @RepeatedTest(20)
    void shouldGenerateDecimalsThatAreDecimals() {
        JsonNode decimal = generate(new Generator.RandomDecimal(6), Fixtures.json("1.5"), CONSUMER);

        assertThat(decimal.isBigDecimal()).isTrue();
        assertThat(decimal.decimalValue().scale()).isPositive();
        assertThat(decimal.decimalValue().toPlainString().replace(".", "")).hasSize(6);
    }

    @Test
    void shouldGenerateHexadecimalAndAlphanumericStrings() {
        assertThat(generate(new Generator.RandomHexadecimal(12), TextNode.valueOf(""), CONSUMER)
                        .textValue())
                .matches("[0-9a-f]{12}");
        assertThat(generate(new Generator.RandomString(20), TextNode.valueOf(""), CONSUMER)
                        .textValue())
                .matches("[A-Za-z0-9]{20}");
    }

    @Test
    void shouldGenerateUuidsInEachFormat() {
        assertThat(generate(new Generator.Uuid(Optional.empty()), TextNode.valueOf(""), CONSUMER)
                        .textValue())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(generate(
                                new Generator.Uuid(Optional.of(Generator.UuidFormat.SIMPLE)),
                                TextNode.valueOf(""),
                                CONSUMER)
                        .textValue())
                .matches("[0-9a-f]{32}");
        assertThat(generate(
                                new Generator.Uuid(Optional.of(Generator.UuidFormat.UPPER_CASE_HYPHENATED)),
                                TextNode.valueOf(""),
                                CONSUMER)
                        .textValue())
                .matches("[0-9A-F-]{36}");
        assertThat(generate(new Generator.Uuid(Optional.of(Generator.UuidFormat.URN)), TextNode.valueOf(""), CONSUMER)
                        .textValue())
                .startsWith("urn:uuid:");
    }

    @Test
    void shouldGenerateDatesAndTimesRelativeToTheClock() {
        assertThat(generate(new Generator.Date(Optional.empty(), Optional.empty()), TextNode.valueOf(""), CONSUMER))
                .isEqualTo(TextNode.valueOf("2000-01-01"));
        assertThat(generate(
                        new Generator.Date(Optional.of("dd/MM/yyyy"), Optional.of("+ 1 day")),
                        TextNode.valueOf(""),
                        CONSUMER))
                .isEqualTo(TextNode.valueOf("02/01/2000"));
        assertThat(generate(
                        new Generator.Time(Optional.of("HH:mm"), Optional.of("@ + 90 minutes")),
                        TextNode.valueOf(""),
                        CONSUMER))
                .isEqualTo(TextNode.valueOf("11:30"));
        assertThat(generate(
                        new Generator.DateTime(
                                Optional.of("yyyy-MM-dd'T'HH:mm:ssXXX"),
                                Optional.of("today + 2 weeks @ 10 o'clock pm")),
                        TextNode.valueOf(""),
                        CONSUMER))
                .isEqualTo(TextNode.valueOf("2000-01-15T22:00:00Z"));
        assertThat(generate(new Generator.DateTime(Optional.empty(), Optional.empty()), TextNode.valueOf(""), CONSUMER))
                .isEqualTo(TextNode.valueOf("2000-01-01T10:00:00.000Z"));
    }

    @Test
    void shouldGenerateBooleans() {
        assertThat(generate(new Generator.RandomBoolean(), Fixtures.json("true"), CONSUMER)
                        .isBoolean())
                .isTrue();
    }

    @Test
    void shouldTakeProviderStateValuesWithTheirTypes() {
        assertThat(generate(new Generator.ProviderState("id", Optional.empty()), IntNode.valueOf(1), PROVIDER))
                .isEqualTo(Fixtures.json("1234"));
        assertThat(generate(new Generator.ProviderState("${id}", Optional.empty()), IntNode.valueOf(1), PROVIDER))
                .isEqualTo(Fixtures.json("1234"));
        assertThat(generate(
                        new Generator.ProviderState("/users/${name}/orders/${id}", Optional.empty()),
                        TextNode.valueOf(""),
                        PROVIDER))
                .isEqualTo(TextNode.valueOf("/users/Mary/orders/1234"));
        assertThat(generate(
                        new Generator.ProviderState("price", Optional.of(Generator.DataType.DECIMAL)),
                        TextNode.valueOf(""),
                        PROVIDER))
                .isEqualTo(Fixtures.json("9.99"));
        assertThat(generate(
                        new Generator.ProviderState("id", Optional.of(Generator.DataType.STRING)),
                        IntNode.valueOf(1),
                        PROVIDER))
                .isEqualTo(TextNode.valueOf("1234"));
    }

    @Test
    void shouldKeepTheExampleWhenAProviderStateValueIsMissingOrOnTheConsumerSide() {
        Generator generator = new Generator.ProviderState("/orders/${missing}", Optional.empty());

        assertThat(generate(generator, TextNode.valueOf("/orders/7"), PROVIDER))
                .isEqualTo(TextNode.valueOf("/orders/7"));
        assertThat(generate(new Generator.ProviderState("id", Optional.empty()), IntNode.valueOf(7), CONSUMER))
                .isEqualTo(IntNode.valueOf(7));
    }

    @Test
    void shouldRejectAProviderStateValueOfTheWrongType() {
        assertThatThrownBy(() -> generate(
                        new Generator.ProviderState("name", Optional.of(Generator.DataType.INTEGER)),
                        IntNode.valueOf(1),
                        PROVIDER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not integer");
    }

    @Test
    void shouldPointUrlsAtTheMockServerOnTheConsumerSideOnly() {
        Generator generator = new Generator.MockServerUrl("http://example.com/orders/7", ".*(/orders/\\d+)$");

        assertThat(generate(generator, TextNode.valueOf("http://example.com/orders/7"), CONSUMER))
                .isEqualTo(TextNode.valueOf("http://localhost:9999/orders/7"));
        assertThat(generate(generator, TextNode.valueOf("http://example.com/orders/7"), PROVIDER))
                .isEqualTo(TextNode.valueOf("http://example.com/orders/7"));
    }

    @Test
    void shouldApplyGeneratorsToEveryPartOfARequest() {
        HttpRequest request = HttpRequest.of("GET", "/orders/1")
                .withQuery(Query.of("user", "x"))
                .withHeaders(Headers.of("X-User", "x"))
                .withBody(Body.json(
                        Fixtures.json("{\"items\": [{\"id\": 1}, {\"id\": 2}], \"owner\": {\"name\": \"x\"}}")))
                .withGenerators(Generators.builder()
                        .add(MatchingRules.PATH, "", new Generator.ProviderState("/orders/${id}", Optional.empty()))
                        .add(MatchingRules.QUERY, "user", new Generator.ProviderState("name", Optional.empty()))
                        .add(MatchingRules.HEADER, "X-User", new Generator.ProviderState("name", Optional.empty()))
                        .add(MatchingRules.BODY, "$.items[*].id", new Generator.ProviderState("id", Optional.empty()))
                        .add(MatchingRules.BODY, "$.owner.*", new Generator.ProviderState("name", Optional.empty()))
                        .build());

        HttpRequest generated = Generation.request(request, PROVIDER);

        assertThat(generated.path()).isEqualTo("/orders/1234");
        assertThat(generated.query().first("user")).contains("Mary");
        assertThat(generated.headers().first("x-user")).contains("Mary");
        assertThat(((Body.Json) generated.body()).value())
                .isEqualTo(Fixtures.json(
                        "{\"items\": [{\"id\": 1234}, {\"id\": 1234}], \"owner\": {\"name\": \"Mary\"}}"));
        assertThat(((Body.Json) request.body()).value().at("/items/0/id").intValue())
                .isEqualTo(1);
    }

    @Test
    void shouldApplyGeneratorsToAResponse() {
        HttpResponse response = HttpResponse.of(200)
                .withHeaders(Headers.of("Location", "http://example.com/orders/7"))
                .withBody(Body.json(Fixtures.json("{\"id\": 7}")))
                .withGenerators(Generators.builder()
                        .add(MatchingRules.STATUS, "", new Generator.RandomInt(201, 201))
                        .add(
                                MatchingRules.HEADER,
                                "Location",
                                new Generator.MockServerUrl("http://example.com/orders/7", ".*(/orders/\\d+)$"))
                        .add(MatchingRules.BODY, "$.id", new Generator.RandomInt(100, 200))
                        .build());

        HttpResponse generated = Generation.response(response, CONSUMER);

        assertThat(generated.status()).isEqualTo(201);
        assertThat(generated.headers().first("Location")).contains("http://localhost:9999/orders/7");
        assertThat(((Body.Json) generated.body()).value().path("id").intValue()).isBetween(100, 200);
    }

    @Test
    void shouldApplyGeneratorsToMessageContentsAndMetadata() {
        MessageContents message = MessageContents.of(Body.json(Fixtures.json("{\"at\": \"\"}")))
                .withMetadata(Map.of("id", TextNode.valueOf("")))
                .withGenerators(Generators.builder()
                        .add(MatchingRules.BODY, "$.at", new Generator.Date(Optional.empty(), Optional.of("tomorrow")))
                        .add(MatchingRules.METADATA, "id", new Generator.Regex("msg-\\d{4}"))
                        .build());

        MessageContents generated = Generation.message(message, CONSUMER);

        assertThat(((Body.Json) generated.contents()).value().path("at").asText())
                .isEqualTo("2000-01-02");
        assertThat(generated.metadata().get("id").asText()).matches("msg-\\d{4}");
    }

    @Test
    void shouldReplaceATextBodyAtTheRoot() {
        HttpResponse response = HttpResponse.of(200)
                .withBody(Body.text("token", io.pactbroker.core.model.ContentType.TEXT))
                .withGenerators(Generators.builder()
                        .add(MatchingRules.BODY, "$", new Generator.RandomHexadecimal(8))
                        .build());

        assertThat(Generation.response(response, CONSUMER).body().text()).matches("[0-9a-f]{8}");
    }

    @Test
    void shouldGenerateInsideArrayContainsVariants() {
        MatchingRule contains = new MatchingRule.ArrayContains(List.of(new MatchingRule.Variant(
                0,
                Map.of("$.id", RuleList.of(MatchingRule.integer())),
                Map.of("$.id", new Generator.RandomInt(500, 600)))));
        HttpResponse response = HttpResponse.of(200)
                .withBody(Body.json(Fixtures.json("{\"events\": [{\"id\": 1, \"type\": \"a\"}]}")))
                .withMatchingRules(
                        MatchingRules.builder().body("$.events", contains).build());

        JsonNode generated =
                ((Body.Json) Generation.response(response, CONSUMER).body()).value();

        assertThat(generated.at("/events/0/id").intValue()).isBetween(500, 600);
        assertThat(generated.at("/events/0/type").asText()).isEqualTo("a");
    }

    @RepeatedTest(10)
    void shouldGenerateValuesThatSatisfyTheirMatchingRules() {
        HttpResponse expected = HttpResponse.of(200)
                .withBody(Body.json(Fixtures.json(
                        "{\"id\": 1, \"price\": 1.5, \"sku\": \"A1\", \"uuid\": \"u\", \"on\": \"d\", \"at\": \"t\","
                                + " \"when\": \"w\", \"hex\": \"h\", \"flag\": true, \"tags\": [\"x\"]}")))
                .withMatchingRules(MatchingRules.builder()
                        .body("$.id", MatchingRule.integer())
                        .body("$.price", MatchingRule.decimal())
                        .body("$.sku", MatchingRule.regex("[A-Z]{2}\\d{3}"))
                        .body("$.uuid", MatchingRule.regex("[0-9a-f-]{36}"))
                        .body("$.on", new MatchingRule.Date("yyyy-MM-dd"))
                        .body("$.at", new MatchingRule.Time("HH:mm:ss"))
                        .body("$.when", new MatchingRule.DateTime("yyyy-MM-dd'T'HH:mm:ss.SSSXXX"))
                        .body("$.hex", MatchingRule.regex("[0-9a-f]+"))
                        .body("$.flag", new MatchingRule.BooleanType())
                        .body("$.tags", MatchingRule.minType(1))
                        .build())
                .withGenerators(Generators.builder()
                        .add(MatchingRules.BODY, "$.id", new Generator.RandomInt(0, 1000))
                        .add(MatchingRules.BODY, "$.price", new Generator.RandomDecimal(4))
                        .add(MatchingRules.BODY, "$.sku", new Generator.Regex("[A-Z]{2}\\d{3}"))
                        .add(MatchingRules.BODY, "$.uuid", new Generator.Uuid(Optional.empty()))
                        .add(
                                MatchingRules.BODY,
                                "$.on",
                                new Generator.Date(Optional.of("yyyy-MM-dd"), Optional.empty()))
                        .add(MatchingRules.BODY, "$.at", new Generator.Time(Optional.of("HH:mm:ss"), Optional.empty()))
                        .add(MatchingRules.BODY, "$.when", new Generator.DateTime(Optional.empty(), Optional.empty()))
                        .add(MatchingRules.BODY, "$.hex", new Generator.RandomHexadecimal(10))
                        .add(MatchingRules.BODY, "$.flag", new Generator.RandomBoolean())
                        .add(MatchingRules.BODY, "$.tags[*]", new Generator.RandomString(5))
                        .build());

        HttpResponse generated = Generation.response(expected, GeneratorContext.consumer("http://localhost:1"));

        assertThat(Matching.matchResponse(expected, generated).render()).isEmpty();
    }

    @Test
    void shouldSayWhichGeneratorCannotWork() {
        HttpResponse response = HttpResponse.of(200)
                .withBody(Body.json(Fixtures.json("{\"word\": \"x\"}")))
                .withGenerators(Generators.builder()
                        .add(MatchingRules.BODY, "$.word", new Generator.Regex("\\bword\\b"))
                        .build());

        assertThatThrownBy(() -> Generation.response(response, CONSUMER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "generator at $.word: cannot generate a string for /\\bword\\b/: word boundaries");
    }

    @Test
    void shouldLeaveAPartWithoutGeneratorsAlone() {
        HttpRequest request = HttpRequest.of("GET", "/");

        assertThat(Generation.request(request, PROVIDER)).isSameAs(request);
    }
}
