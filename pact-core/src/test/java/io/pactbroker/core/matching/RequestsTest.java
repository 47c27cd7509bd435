package io.pactbroker.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactbroker.core.PactSpecification;
import io.pactbroker.core.model.Body;
import io.pactbroker.core.model.ContentType;
import io.pactbroker.core.model.Fixtures;
import io.pactbroker.core.model.Headers;
import io.pactbroker.core.model.HttpInteraction;
import io.pactbroker.core.model.HttpRequest;
import io.pactbroker.core.model.HttpResponse;
import io.pactbroker.core.model.MatchingRule;
import io.pactbroker.core.model.MatchingRules;
import io.pactbroker.core.model.ProviderState;
import io.pactbroker.core.model.Query;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Matching of whole requests and responses, as a mock server and a verifier see them. */
class RequestsTest {

    static List<String> requestBodyMismatches(String expected, MatchingRules rules, String actual) {
        HttpRequest e = HttpRequest.of("POST", "/")
                .withBody(Body.json(Fixtures.json(expected)))
                .withMatchingRules(rules);
        HttpRequest a = HttpRequest.of("POST", "/").withBody(Body.json(Fixtures.json(actual)));
        return render(Matching.matchRequest(e, a));
    }

    static List<String> render(MatchResult result) {
        return result.mismatches().stream().map(Mismatch::render).toList();
    }

    private static HttpRequest raw(
            String method, String path, String query, Map<String, List<String>> headers, String body) {
        return HttpRequest.fromRaw(method, path, query, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldBuildAResponseFromWhatAnHttpClientReceived() {
        Map<String, List<String>> headers = new java.util.HashMap<>();
        headers.put(null, List.of("HTTP/1.1 200 OK"));
        headers.put("Content-Type", List.of("application/json"));

        HttpResponse actual = HttpResponse.fromRaw(200, headers, "{\"id\": 7}".getBytes(StandardCharsets.UTF_8));

        assertThat(actual.body()).isEqualTo(Body.json(Fixtures.json("{\"id\": 7}")));
        assertThat(actual.headers().names()).containsExactly("Content-Type");
    }

    @Test
    void shouldTreatOneListHeaderLineAndSeveralLinesAlike() {
        HttpRequest expected =
                HttpRequest.of("GET", "/").withHeaders(Headers.of(Map.of("Accept", List.of("a/b", "c/d"))));

        assertThat(Matching.matchRequest(expected, raw("GET", "/", null, Map.of("accept", List.of("a/b, c/d")), ""))
                        .matched())
                .isTrue();
        assertThat(Matching.matchRequest(expected, raw("GET", "/", null, Map.of("accept", List.of("a/b", "c/d")), ""))
                        .matched())
                .isTrue();
    }

    @Test
    void shouldMatchARequestBuiltFromRawParts() {
        HttpRequest expected = HttpRequest.of("POST", "/orders")
                .withQuery(Query.of("dryRun", "true"))
                .withHeaders(Headers.of("Content-Type", "application/json"))
                .withBody(Body.json(Fixtures.json("{\"sku\": \"A1\", \"qty\": 2}")));

        HttpRequest actual = raw(
                "post",
                "/orders",
                "dryRun=true",
                Map.of("content-type", List.of("application/json; charset=UTF-8"), "Host", List.of("localhost")),
                "{\"qty\": 2, \"sku\": \"A1\"}");

        assertThat(Matching.matchRequest(expected, actual).matched()).isTrue();
    }

    @Test
    void shouldListMismatchesInAFixedOrder() {
        HttpRequest expected = HttpRequest.of("POST", "/orders")
                .withQuery(Query.of("page", "1"))
                .withHeaders(Headers.of("X-Id", "7"))
                .withBody(Body.json(Fixtures.json("{\"sku\": \"A1\"}")));
        HttpRequest actual = raw("PUT", "/order", "page=2&extra=x", Map.of("X-Id", List.of("8")), "{\"sku\": \"B2\"}");

        assertThat(render(Matching.matchRequest(expected, actual)))
                .containsExactly(
                        "method: expected POST but was PUT",
                        "path: expected \"/orders\" but was \"/order\"",
                        "query parameter 'page': expected \"1\" but was \"2\"",
                        "query parameter 'extra': expected no such query parameter but was \"x\"",
                        "header 'X-Id': expected \"7\" but was \"8\"",
                        "$.sku: expected \"A1\" but was \"B2\"");
    }

    @Test
    void shouldCompareHeaderParametersButAllowMoreOfThem() {
        HttpResponse expected = HttpResponse.of(200).withHeaders(Headers.of("Content-Type", "application/json"));

        assertThat(Matching.matchResponse(
                                expected,
                                HttpResponse.of(200)
                                        .withHeaders(Headers.of("content-type", "application/json; charset=UTF-8")))
                        .matched())
                .isTrue();
        assertThat(render(Matching.matchResponse(
                        HttpResponse.of(200).withHeaders(Headers.of("Content-Type", "application/json;charset=UTF-8")),
                        HttpResponse.of(200)
                                .withHeaders(Headers.of("Content-Type", "application/json;charset=UTF-16")))))
                .containsExactly("header 'Content-Type': expected \"application/json;charset=UTF-8\" but was"
                        + " \"application/json;charset=UTF-16\"");
    }

    @Test
    void shouldKeepCommasInsideHeaderValuesThatAreNotLists() {
        HttpResponse expected = HttpResponse.of(200).withHeaders(Headers.of("X-Json", "{\"a\": 1, \"b\": 2}"));
        HttpResponse actual = HttpResponse.of(200).withHeaders(Headers.of("x-json", "{\"a\": 1,\"b\": 2}"));

        assertThat(Matching.matchResponse(expected, actual).matched()).isTrue();
    }

    @Test
    void shouldReportAMissingHeader() {
        HttpResponse expected = HttpResponse.of(200).withHeaders(Headers.of("Location", "/orders/7"));

        assertThat(render(Matching.matchResponse(expected, HttpResponse.of(201))))
                .containsExactly(
                        "status: expected 200 but was 201",
                        "header 'Location': expected \"/orders/7\" but the header was missing");
    }

    @Test
    void shouldApplyRulesToHeadersWhateverTheCaseOfTheirNames() {
        HttpResponse expected = HttpResponse.of(200)
                .withHeaders(Headers.of("X-Request-Id", "abc"))
                .withMatchingRules(MatchingRules.builder()
                        .header("x-request-id", MatchingRule.regex("[a-f0-9-]+"))
                        .build());

        assertThat(Matching.matchResponse(
                                expected, HttpResponse.of(200).withHeaders(Headers.of("X-REQUEST-ID", "0f-1a")))
                        .matched())
                .isTrue();
        assertThat(render(Matching.matchResponse(
                        expected, HttpResponse.of(200).withHeaders(Headers.of("X-Request-Id", "XYZ")))))
                .containsExactly("header 'X-Request-Id': expected a string matching /[a-f0-9-]+/ but was \"XYZ\"");
    }

    @Test
    void shouldApplyRulesToEveryValueOfAQueryParameter() {
        HttpRequest expected = HttpRequest.of("GET", "/search")
                .withQuery(Query.of("id", "1"))
                .withMatchingRules(MatchingRules.builder()
                        .query("id", MatchingRule.integer())
                        .build());

        assertThat(Matching.matchRequest(
                                expected, HttpRequest.of("GET", "/search").withRawQuery("id=7&id=8"))
                        .matched())
                .isTrue();
        assertThat(render(Matching.matchRequest(
                        expected, HttpRequest.of("GET", "/search").withRawQuery("id=x"))))
                .containsExactly("query parameter 'id': expected an integer but was \"x\"");
    }

    @Test
    void shouldMatchThePathWithARule() {
        HttpRequest expected = HttpRequest.of("GET", "/orders/7")
                .withMatchingRules(MatchingRules.builder()
                        .path(MatchingRule.regex("/orders/\\d+"))
                        .build());

        assertThat(Matching.matchRequest(expected, HttpRequest.of("GET", "/orders/123"))
                        .matched())
                .isTrue();
        assertThat(render(Matching.matchRequest(expected, HttpRequest.of("GET", "/orders/x"))))
                .containsExactly("path: expected a string matching //orders/\\d+/ but was \"/orders/x\"");
    }

    @Test
    void shouldCompareV1QueryStringsAsStrings() {
        HttpRequest expected = HttpRequest.of("GET", "/").withRawQuery("a=1&b=2");
        HttpRequest reordered = HttpRequest.of("GET", "/").withRawQuery("b=2&a=1");

        assertThat(Matching.matchRequest(expected, reordered, PactSpecification.V1)
                        .matched())
                .isFalse();
        assertThat(Matching.matchRequest(expected, reordered, PactSpecification.V2)
                        .matched())
                .isTrue();
        assertThat(Matching.matchRequest(
                                expected, HttpRequest.of("GET", "/").withRawQuery("a=%31&b=2"), PactSpecification.V1)
                        .matched())
                .isTrue();
    }

    @Test
    void shouldMatchStatusClasses() {
        HttpResponse expected = HttpResponse.of(200)
                .withMatchingRules(MatchingRules.builder()
                        .status(new MatchingRule.StatusCode(Optional.of(MatchingRule.StatusClass.SUCCESS), List.of()))
                        .build());

        assertThat(Matching.matchResponse(expected, HttpResponse.of(204)).matched())
                .isTrue();
        assertThat(render(Matching.matchResponse(expected, HttpResponse.of(404))))
                .containsExactly("status: expected a success status (2xx) but was 404");
        HttpResponse codes = HttpResponse.of(200)
                .withMatchingRules(MatchingRules.builder()
                        .status(new MatchingRule.StatusCode(Optional.empty(), List.of(200, 202)))
                        .build());
        assertThat(render(Matching.matchResponse(codes, HttpResponse.of(201))))
                .containsExactly("status: expected one of the statuses 200, 202 but was 201");
    }

    @Test
    void shouldDetectJsonWithoutAContentTypeHeader() {
        HttpResponse expected = HttpResponse.of(200).withBody(Body.json(Fixtures.json("{\"id\": 7}")));
        HttpResponse actual =
                HttpResponse.of(200).withBody(Body.fromBytes("{\"id\": 8}".getBytes(StandardCharsets.UTF_8), null));

        assertThat(render(Matching.matchResponse(expected, actual))).containsExactly("$.id: expected 7 but was 8");
    }

    @Test
    void shouldRefuseABodyOfAnotherContentType() {
        HttpResponse expected = HttpResponse.of(200).withBody(Body.json(Fixtures.json("{\"id\": 7}")));
        HttpResponse actual = HttpResponse.of(200)
                .withHeaders(Headers.of("Content-Type", "text/html"))
                .withBody(Body.fromBytes("<html/>".getBytes(StandardCharsets.UTF_8), "text/html"));

        assertThat(render(Matching.matchResponse(expected, actual)))
                .containsExactly("body: expected a body of type application/json but was text/html");
    }

    @Test
    void shouldReportAnActualBodyThatIsNotJson() {
        HttpResponse expected = HttpResponse.of(200).withBody(Body.json(Fixtures.json("{\"id\": 7}")));
        HttpResponse actual = HttpResponse.of(200)
                .withBody(Body.fromBytes("{\"id\": ".getBytes(StandardCharsets.UTF_8), "application/json"));

        assertThat(render(Matching.matchResponse(expected, actual)))
                .singleElement()
                .asString()
                .startsWith("$: the actual body is not valid JSON");
    }

    @Test
    void shouldMatchPlainTextExactlyOrWithARegex() {
        HttpResponse expected = HttpResponse.of(200).withBody(Body.text("hello", ContentType.TEXT));
        HttpResponse actual = HttpResponse.of(200).withBody(Body.text("hello there", ContentType.TEXT));

        assertThat(render(Matching.matchResponse(expected, actual)))
                .containsExactly("$: expected \"hello\" but was \"hello there\"");
        assertThat(Matching.matchResponse(
                                expected.withMatchingRules(MatchingRules.builder()
                                        .body("$", MatchingRule.regex("hello.*"))
                                        .build()),
                                actual)
                        .matched())
                .isTrue();
    }

    @Test
    void shouldMatchFormBodiesFieldByField() {
        HttpRequest expected = HttpRequest.of("POST", "/login")
                .withHeaders(Headers.of("Content-Type", "application/x-www-form-urlencoded"))
                .withBody(Body.text("user=mary&remember=true", ContentType.FORM_URLENCODED))
                .withMatchingRules(MatchingRules.builder()
                        .body("$.user", MatchingRule.type())
                        .build());
        HttpRequest actual = raw(
                "POST",
                "/login",
                "",
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
                "remember=false&user=fred");

        assertThat(render(Matching.matchRequest(expected, actual)))
                .containsExactly("$.remember: expected \"true\" but was \"false\"");
    }

    @Test
    void shouldMatchXmlByNameAttributesChildrenAndText() {
        HttpResponse expected = HttpResponse.of(200)
                .withHeaders(Headers.of("Content-Type", "application/xml"))
                .withBody(Body.text("<order id=\"7\"><line sku=\"A1\">2</line></order>", ContentType.XML))
                .withMatchingRules(MatchingRules.builder()
                        .body("$.order['@id']", MatchingRule.integer())
                        .body("$.order.line", MatchingRule.minType(1))
                        .build());

        assertThat(Matching.matchResponse(
                                expected,
                                HttpResponse.of(200)
                                        .withHeaders(Headers.of("Content-Type", "application/xml"))
                                        .withBody(Body.text(
                                                "<order id=\"8\"><line sku=\"A1\">2</line><line sku=\"A1\">2</line></order>",
                                                ContentType.XML)))
                        .matched())
                .isTrue();
        // The type rule on the lines cascades to their attributes and text.
        assertThat(render(Matching.matchResponse(
                        expected,
                        HttpResponse.of(200)
                                .withHeaders(Headers.of("Content-Type", "application/xml"))
                                .withBody(Body.text(
                                        "<order id=\"x\"><line sku=\"B2\">3</line></order>", ContentType.XML)))))
                .containsExactly("$.order['@id']: expected an integer but was \"x\"");
        assertThat(render(Matching.matchResponse(
                        expected.withMatchingRules(MatchingRules.empty()),
                        HttpResponse.of(200)
                                .withHeaders(Headers.of("Content-Type", "application/xml"))
                                .withBody(Body.text(
                                        "<order id=\"7\"><line sku=\"B2\">3</line><note/></order>", ContentType.XML)))))
                .containsExactly(
                        "$.order.line['@sku']: expected \"A1\" but was \"B2\"",
                        "$.order.line['#text']: expected \"2\" but was \"3\"");
    }

    @Test
    void shouldNotReadExternalEntitiesInXml() {
        HttpResponse expected = HttpResponse.of(200).withBody(Body.text("<a>x</a>", ContentType.XML));
        HttpResponse actual = HttpResponse.of(200)
                .withBody(Body.text(
                        "<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>", ContentType.XML));

        assertThat(render(Matching.matchResponse(expected, actual)))
                .singleElement()
                .asString()
                .startsWith("$: the actual body is not valid XML");
    }

    @Test
    void shouldMatchMultipartPartsByNameAndContentType() {
        String boundary = "XyZ";
        ContentType type = ContentType.of("multipart/form-data; boundary=" + boundary);
        String expectedBody = "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nholiday\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.png\"\r\n"
                + "Content-Type: image/png\r\n\r\nPNGDATA\r\n--XyZ--\r\n";
        String actualBody = expectedBody.replace("holiday", "party").replace("image/png", "image/jpeg");
        HttpRequest expected = HttpRequest.of("POST", "/upload")
                .withHeaders(Headers.of("Content-Type", type.toString()))
                .withBody(Body.binary(expectedBody.getBytes(StandardCharsets.ISO_8859_1), type))
                .withMatchingRules(MatchingRules.builder()
                        .body("$.title", MatchingRule.type())
                        .build());
        HttpRequest actual = HttpRequest.of("POST", "/upload")
                .withHeaders(Headers.of("Content-Type", type.toString()))
                .withBody(Body.fromBytes(actualBody.getBytes(StandardCharsets.ISO_8859_1), type.toString()));

        assertThat(render(Matching.matchRequest(expected, actual)))
                .containsExactly("$.photo: expected a part of type image/png but was image/jpeg");
    }

    @Test
    void shouldMatchBinaryBodiesByContentTypeRule() {
        byte[] pdf = "%PDF-1.4 rest".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse expected = HttpResponse.of(200)
                .withBody(Body.binary(pdf, ContentType.of("application/pdf")))
                .withMatchingRules(MatchingRules.builder()
                        .body("$", new MatchingRule.ContentType("application/pdf"))
                        .build());

        assertThat(Matching.matchResponse(
                                expected,
                                HttpResponse.of(200)
                                        .withBody(Body.binary(
                                                "%PDF-1.7 other".getBytes(StandardCharsets.ISO_8859_1),
                                                ContentType.of("application/pdf"))))
                        .matched())
                .isTrue();
        assertThat(render(Matching.matchResponse(
                        expected,
                        HttpResponse.of(200)
                                .withBody(Body.binary(new byte[] {1, 2, 3}, ContentType.of("application/pdf"))))))
                .containsExactly(
                        "$: expected content of type application/pdf but it was detected as application/octet-stream");
    }

    @Test
    void shouldNameTheInteractionAndItsStates() {
        HttpInteraction interaction = HttpInteraction.of("get order", HttpRequest.of("GET", "/"), HttpResponse.of(200))
                .withProviderStates(List.of(ProviderState.of("order 7 exists")));

        MatchResult result = Matching.matchResponse(interaction.response(), HttpResponse.of(500));

        assertThat(result.render(interaction))
                .isEqualTo("status: expected 200 but was 500 (interaction \"get order\", given \"order 7 exists\")");
    }

    @Test
    void shouldFindTheInteractionARequestBelongsTo() {
        HttpInteraction a = HttpInteraction.of("a", HttpRequest.of("GET", "/a"), HttpResponse.of(200));
        HttpInteraction b = HttpInteraction.of("b", HttpRequest.of("GET", "/b"), HttpResponse.of(200));

        assertThat(Matching.findInteraction(List.of(a, b), HttpRequest.of("GET", "/b")))
                .contains(b);
        assertThat(Matching.findInteraction(List.of(a, b), HttpRequest.of("GET", "/c")))
                .isEmpty();
    }
}
