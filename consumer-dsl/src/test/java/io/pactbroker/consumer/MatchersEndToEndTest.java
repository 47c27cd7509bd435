package io.pactbroker.consumer;

import static io.pactbroker.consumer.Matchers.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactbroker.consumer.internal.HttpMockServer;
import io.pactbroker.core.internal.Json;
import io.pactbroker.core.matching.Matching;
import io.pactbroker.core.model.HttpInteraction;
import io.pactbroker.core.model.HttpResponse;
import io.pactbroker.core.model.MatchingRule.StatusClass;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every matcher and generator, end to end: defined with the DSL, served by the mock server over HTTP, which accepts
 * a request that satisfies the matcher and refuses one that does not; and generators produce responses that satisfy
 * their own rules.
 */
class MatchersEndToEndTest {

    private static HttpMockServer server;

    @BeforeAll
    static void start() {
        server = HttpMockServer.start("127.0.0.1", 0, Optional.empty());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    static Stream<Arguments> matchers() {
        return Stream.of(
                Arguments.of("like", like("text"), "\"other\"", "1"),
                Arguments.of(
                        "like(record)",
                        like(new Line("A1", 2)),
                        "{\"sku\":\"Z9\",\"quantity\":5}",
                        "{\"sku\":1,\"quantity\":5}"),
                Arguments.of("exact", exact("EUR"), "\"EUR\"", "\"USD\""),
                Arguments.of(
                        "eachLike",
                        eachLike(object(o -> o.string("sku", "A1"))),
                        "[{\"sku\":\"B\"},{\"sku\":\"C\"}]",
                        "[]"),
                Arguments.of("atLeast", atLeast(2, "a"), "[\"x\",\"y\"]", "[\"x\"]"),
                Arguments.of("atMost", atMost(2, "a"), "[\"x\"]", "[\"x\",\"y\",\"z\"]"),
                Arguments.of("atLeastAtMost", atLeastAtMost(1, 2, 1), "[5,6]", "[5,6,7]"),
                Arguments.of("regex", regex("[A-Z]\\d", "A1"), "\"B7\"", "\"a1\""),
                Arguments.of("integer", integer(7), "42", "4.2"),
                Arguments.of("decimal", decimal(1.5), "2.25", "2"),
                Arguments.of("number", number(3), "4.5", "\"4\""),
                Arguments.of("bool", bool(true), "false", "1"),
                Arguments.of("string", string("Ada"), "\"Bob\"", "null"),
                Arguments.of("date", date("yyyy-MM-dd", "2024-01-01"), "\"2023-12-31\"", "\"31/12/2023\""),
                Arguments.of("time", time("HH:mm:ss", "10:00:00"), "\"23:59:59\"", "\"25:61:00\""),
                Arguments.of(
                        "timestamp",
                        timestamp("yyyy-MM-dd'T'HH:mm:ssXXX", "2024-01-01T10:00:00Z"),
                        "\"2023-05-05T01:02:03+02:00\"",
                        "\"2023-05-05\""),
                Arguments.of(
                        "uuid",
                        uuid("a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b"),
                        "\"00000000-0000-4000-8000-000000000000\"",
                        "\"not-a-uuid\""),
                Arguments.of("includes", includes("Ada"), "\"Hello Ada!\"", "\"Hello Bob\""),
                Arguments.of("nullValue", nullValue(), "null", "\"x\""),
                Arguments.of(
                        "eachKey",
                        eachKey(regex("[a-z]{2}", "en"), Map.of("en", "Hello")),
                        "{\"de\":\"Hallo\",\"fr\":\"Salut\"}",
                        "{\"DEU\":\"Hallo\"}"),
                Arguments.of(
                        "eachValue",
                        eachValue("en", regex("\\w+", "Hello")),
                        "{\"de\":\"Hallo\",\"fr\":\"Salut\"}",
                        "{\"fr\":\"Sa lut\"}"),
                Arguments.of(
                        "arrayContaining",
                        arrayContaining(object(o -> o.field("type", "email")), object(o -> o.field("type", "sms"))),
                        "[{\"type\":\"push\"},{\"type\":\"sms\"},{\"type\":\"email\"}]",
                        "[{\"type\":\"sms\"}]"),
                Arguments.of("notEmpty", notEmpty("x"), "\"y\"", "\"\""),
                Arguments.of("semver", semver("1.2.3"), "\"2.0.0-rc.1\"", "\"2.0\""),
                Arguments.of(
                        "fromProviderState", fromProviderState("/orders/${id}", "/orders/7"), "\"/orders/8\"", "8"),
                Arguments.of(
                        "mockServerUrl",
                        mockServerUrl(".*(/orders/\\d+)$", "http://localhost:8080/orders/7"),
                        "\"http://example.com/orders/9\"",
                        "\"http://example.com/customers/9\""),
                // matchers that generate
                Arguments.of("string()", string(), "\"anything\"", "1"),
                Arguments.of("randomString", randomString(5), "\"abc\"", "true"),
                Arguments.of("regex()", regex("[a-f]{3}"), "\"abc\"", "\"xyz\""),
                Arguments.of("integer()", integer(), "5", "\"5\""),
                Arguments.of("randomInt", randomInt(1, 5), "3", "3.5"),
                Arguments.of("decimal()", decimal(), "1.5", "1"),
                Arguments.of("randomDecimal", randomDecimal(4), "12.5", "12"),
                Arguments.of("number()", number(), "1", "\"1\""),
                Arguments.of("randomHexadecimal", randomHexadecimal(8), "\"ab12\"", "\"xyz\""),
                Arguments.of("bool()", bool(), "true", "1"),
                Arguments.of("uuid()", uuid(), "\"00000000-0000-4000-8000-000000000000\"", "\"x\""),
                Arguments.of("date(format)", date("yyyy-MM-dd"), "\"2020-02-29\"", "\"2020-13-01\""),
                Arguments.of("date()", date(), "\"2020-02-29\"", "\"29.02.2020\""),
                Arguments.of("time(format)", time("HH:mm"), "\"13:45\"", "\"1:45 pm\""),
                Arguments.of(
                        "timestamp(format)",
                        timestamp("yyyy-MM-dd'T'HH:mm:ss"),
                        "\"2020-02-29T13:45:00\"",
                        "\"2020-02-29\""),
                Arguments.of(
                        "dateExpression", dateExpression("+ 1 day", "yyyy-MM-dd"), "\"2021-01-01\"", "\"tomorrow\""),
                Arguments.of("timeExpression", timeExpression("@ + 1 hour", "HH:mm"), "\"11:00\"", "\"11\""),
                Arguments.of(
                        "timestampExpression",
                        timestampExpression("tomorrow @ 10 o'clock am", "yyyy-MM-dd HH:mm"),
                        "\"2021-01-01 10:00\"",
                        "\"2021-01-01T10:00\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matchers")
    void shouldAcceptWhatTheMatcherAllowsAndRefuseTheRest(String name, Matcher matcher, String good, String bad) {
        expect(Pacts.between("web", "orders")
                .uponReceiving("check " + name)
                .post("/check")
                .body(b -> b.field("v", matcher))
                .willRespondWith(204));

        assertThat(Http.postJson(server.url() + "/check", "{\"v\":" + good + "}")
                        .statusCode())
                .as("%s accepts %s", name, good)
                .isEqualTo(204);
        var refused = Http.postJson(server.url() + "/check", "{\"v\":" + bad + "}");
        assertThat(refused.statusCode()).as("%s refuses %s", name, bad).isEqualTo(500);
        assertThat(refused.body()).contains("unexpected request: POST /check").contains("$.v");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matchers")
    void shouldServeResponsesThatSatisfyTheirOwnRules(String name, Matcher matcher, String good, String bad) {
        HttpInteraction interaction = expect(Pacts.between("web", "orders")
                .uponReceiving("get " + name)
                .get("/value")
                .willRespondWith(200, b -> b.field("v", matcher)));

        var response = Http.get(server.url() + "/value");

        HttpResponse actual = HttpResponse.fromRaw(
                response.statusCode(), response.headers().map(), response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(Matching.matchResponse(interaction.response(), actual).render())
                .isEmpty();
    }

    @Test
    void shouldGenerateFreshValuesOnTheMockServer() {
        expect(Pacts.between("web", "orders")
                .uponReceiving("get ids")
                .get("/ids")
                .willRespondWith(200, b -> b.field("id", uuid()).field("n", randomInt(1, 1_000_000_000))));

        String first = Http.get(server.url() + "/ids").body();
        String second = Http.get(server.url() + "/ids").body();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void shouldPutTheMockServersUrlIntoMockServerUrlValues() throws Exception {
        expect(Pacts.between("web", "orders")
                .uponReceiving("get links")
                .get("/links")
                .willRespondWith(
                        200, b -> b.field("self", mockServerUrl(".*(/orders/\\d+)$", "http://example.com/orders/7"))));

        String body = Http.get(server.url() + "/links").body();

        assertThat(Json.parse(body).get("self").textValue()).isEqualTo(server.url() + "/orders/7");
    }

    @Test
    void shouldMatchPathsQueryParametersAndHeaders() {
        expect(Pacts.between("web", "orders")
                .uponReceiving("search")
                .get(regex("/orders/\\d+/lines", "/orders/7/lines"))
                .query("page", integer(1))
                .query("status", "OPEN", "PAID")
                .header("X-Request-Id", uuid("a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b"))
                .willRespondWith(r -> r.status(200).header("X-Total", integer(3))));

        assertThat(Http.get(
                                server.url() + "/orders/42/lines?page=3&status=OPEN&status=PAID",
                                "X-Request-Id",
                                "00000000-0000-4000-8000-000000000000")
                        .statusCode())
                .isEqualTo(200);
        assertThat(Http.get(
                                server.url() + "/orders/x/lines?page=3&status=OPEN&status=PAID",
                                "X-Request-Id",
                                "00000000-0000-4000-8000-000000000000")
                        .body())
                .contains("path: expected a string matching");
        assertThat(Http.get(server.url() + "/orders/42/lines?page=three&status=OPEN&status=PAID", "X-Request-Id", "x")
                        .body())
                .contains("query parameter 'page'")
                .contains("header 'X-Request-Id'");
    }

    @Test
    void shouldMatchTheStatusWithAStatusCodeMatcher() {
        HttpInteraction interaction = expect(Pacts.between("web", "orders")
                .uponReceiving("create")
                .post("/orders")
                .willRespondWith(r -> r.status(statusCode(StatusClass.SUCCESS, 201))));

        assertThat(interaction.response().status()).isEqualTo(201);
        assertThat(Matching.matchResponse(interaction.response(), HttpResponse.of(202))
                        .matched())
                .isTrue();
        assertThat(Matching.matchResponse(interaction.response(), HttpResponse.of(400))
                        .render())
                .contains("status");
        assertThat(Matching.matchResponse(
                                Pacts.between("a", "b")
                                        .uponReceiving("x")
                                        .get("/")
                                        .willRespondWith(r -> r.status(statusCode(200, 204)))
                                        .toPact()
                                        .httpInteractions()
                                        .get(0)
                                        .response(),
                                HttpResponse.of(204))
                        .matched())
                .isTrue();
    }

    @Test
    void shouldMatchFormTextAndXmlBodies() {
        expect(Pacts.between("web", "orders")
                .uponReceiving("form")
                .post("/form")
                .formBody(Map.of("age", integer(36)))
                .willRespondWith(204));
        var form = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "/form"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("age=41"))
                .build();
        assertThat(Http.send(form, java.net.http.HttpClient.newHttpClient()).statusCode())
                .isEqualTo(204);

        server.reset();
        expect(Pacts.between("web", "orders")
                .uponReceiving("xml")
                .get("/xml")
                .willRespondWith(r -> r.xmlBody("<order id=\"7\"/>")));
        var xml = Http.get(server.url() + "/xml");
        assertThat(xml.body()).isEqualTo("<order id=\"7\"/>");
        assertThat(xml.headers().firstValue("Content-Type")).hasValue("application/xml");
    }

    private static HttpInteraction expect(PactBuilder pact) {
        List<HttpInteraction> interactions = pact.toPact().httpInteractions();
        server.expect(interactions);
        return interactions.get(0);
    }

    record Line(String sku, int quantity) {}
}
