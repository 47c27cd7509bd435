package io.pactbroker.broker.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pact as documentation: each interaction type of each specification version, and matching rules in place. */
class PactDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldRenderAV3HttpInteractionWithItsRulesBesideTheValues() {
        String html = PactDocument.render(UiWorld.resource("web-orders-v3.json"));

        assertThat(html).contains("1 interaction · Pact specification 3.0.0");
        assertThat(html).contains("<span class=\"kind kind-http\">HTTP</span> get order 7");
        assertThat(html).contains("Given <strong>order 7 exists {&quot;id&quot;:7}</strong>");
        assertThat(html).contains("<code>GET /orders/7?expand=lines</code>");
        assertThat(html).contains("<th scope=\"row\">Accept</th><td>application/json</td>");
        // the rule sits on the line of the value it governs
        assertThat(key(html, "id")).contains(">7</span>,").contains("title=\"matching rule\">integer<");
        assertThat(key(html, "lines")).contains("[").contains(">type, min 1<");
        assertThat(key(html, "sku")).contains("&quot;A1&quot;").contains(">regex /[A-Z]\\d/<");
        assertThat(key(html, "qty")).doesNotContain("rule");
        assertThat(html)
                .contains("application/json <span class=\"rule\" title=\"matching rule\">regex /application/json.*/<");
    }

    @Test
    void shouldRenderAV2InteractionWithFlatRules() {
        String html = PactDocument.render(UiWorld.resource("admin-orders-v2.json"));

        assertThat(html).contains("Given <strong>customer 3 exists</strong>");
        assertThat(html).contains("<code>GET /customers/3?full=true</code>");
        assertThat(key(html, "name")).contains("&quot;Ada&quot;").contains(">type<");
        assertThat(key(html, "tags")).contains(">type, min 1<");
        assertThat(html)
                .contains("application/json <span class=\"rule\" title=\"matching rule\">regex /application/json/<");
    }

    @Test
    void shouldRenderV3AsynchronousMessages() {
        String html = PactDocument.render(UiWorld.resource("worker-events-messages.json"));

        assertThat(html).contains("<span class=\"kind kind-message\">Message</span> an order created event");
        assertThat(html).contains("Given <strong>an order was placed</strong>");
        assertThat(html).contains("<th scope=\"row\">topic</th><td>orders</td>");
        assertThat(key(html, "orderId")).contains(">integer<");
        assertThat(key(html, "total")).contains("&quot;12.50&quot;").doesNotContain("rule");
    }

    @Test
    void shouldRenderEveryV4InteractionType() {
        String html = PactDocument.render(UiWorld.resource("mobile-orders-v4.json"));

        assertThat(html).contains("3 interactions · Pact specification 4.0");
        assertThat(html).contains("kind-http\">HTTP</span> list orders");
        assertThat(html).contains("kind-message\">Message</span> order shipped");
        assertThat(html).contains("kind-synchronous-message\">Synchronous message</span> price request");
        assertThat(html)
                .contains("<code>Status 200</code> <span class=\"rule\" title=\"matching rule\">statusCode success<");
        assertThat(html).contains("Body (application/json)");
        // the body's root rule, on the array's opening line
        assertThat(line(html, "[")).contains(">type, min 1<");
        assertThat(key(html, "shippedAt")).contains(">date &quot;yyyy-MM-dd&quot;<");
        assertThat(html).contains("<th scope=\"row\">queue</th><td>shipping</td>");
        assertThat(html).contains("<h3>Request message</h3>").contains("<h3>Response message</h3>");
        assertThat(key(html, "price")).contains("12.5").contains(">decimal<");
        assertThat(key(html, "sku")).doesNotContain("rule");
    }

    @Test
    void shouldShowEncodedAndTextBodiesAsText() throws Exception {
        JsonNode pact = JSON.readTree("""
                {"interactions": [
                  {"type": "Synchronous/HTTP", "description": "xml", "request": {"method": "post", "path": "/x",
                    "body": {"content": "<a>1</a>", "contentType": "application/xml", "encoded": false}},
                   "response": {"status": 200, "body": {"content": "AAEC", "contentType": "application/octet-stream",
                    "encoded": "base64"}}}
                ]}""");

        String html = PactDocument.render(pact);

        assertThat(html).contains("<code>POST /x</code>");
        assertThat(html).contains("<pre class=\"body\">&lt;a&gt;1&lt;/a&gt;</pre>");
        assertThat(html)
                .contains("Body (application/octet-stream, encoded base64)")
                .contains(">AAEC<");
    }

    @Test
    void shouldSayWhenThereIsNothingToShow() throws Exception {
        assertThat(PactDocument.render(JSON.readTree("{\"interactions\": []}")))
                .contains("This pact has no interactions.");
    }

    @Test
    void shouldDescribeMatchers() throws Exception {
        assertThat(PactDocument.describe(JSON.readTree("{\"match\": \"include\", \"value\": \"ab\"}")))
                .isEqualTo("include \"ab\"");
        assertThat(PactDocument.describe(JSON.readTree("{\"match\": \"type\", \"min\": 1, \"max\": 3}")))
                .isEqualTo("type, min 1, max 3");
        assertThat(PactDocument.describe(JSON.readTree("{\"regex\": \"\\\\d+\"}")))
                .isEqualTo("regex /\\d+/");
        assertThat(PactDocument.describe(JSON.readTree("{\"match\": \"timestamp\", \"timestamp\": \"yyyy\"}")))
                .isEqualTo("timestamp \"yyyy\"");
        assertThat(PactDocument.describe(JSON.readTree("{\"match\": \"contentType\", \"value\": \"image/png\"}")))
                .isEqualTo("contentType image/png");
    }

    @ParameterizedTest(name = "{0} reads \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            {"match": "equality"}                                        | equality
            {"match": "type"}                                            | type
            {"match": "type", "min": 2}                                  | type, min 2
            {"match": "type", "max": 5}                                  | type, max 5
            {"match": "regex", "regex": "[a-z]+"}                        | regex /[a-z]+/
            {"match": "integer"}                                         | integer
            {"match": "decimal"}                                         | decimal
            {"match": "number"}                                          | number
            {"match": "boolean"}                                         | boolean
            {"match": "null"}                                            | null
            {"match": "include", "value": "x"}                           | include "x"
            {"match": "date", "format": "yyyy-MM-dd"}                    | date "yyyy-MM-dd"
            {"match": "time", "format": "HH:mm"}                         | time "HH:mm"
            {"match": "datetime", "format": "yyyy-MM-dd HH:mm"}          | datetime "yyyy-MM-dd HH:mm"
            {"match": "timestamp", "timestamp": "yyyy"}                  | timestamp "yyyy"
            {"match": "contentType", "value": "image/png"}               | contentType image/png
            {"match": "values"}                                          | values
            {"match": "eachKey", "rules": [{"match": "regex", "regex": "[a-z]+"}]} | eachKey(regex /[a-z]+/)
            {"match": "eachValue", "rules": [{"match": "type"}]}         | eachValue(type)
            {"match": "arrayContains", "variants": [{"index": 0}, {"index": 1}]} | arrayContains, 2 variants
            {"match": "notEmpty"}                                        | notEmpty
            {"match": "semver"}                                          | semver
            {"match": "statusCode", "status": "success"}                 | statusCode success
            {"match": "someFutureRule"}                                  | someFutureRule
            """)
    void shouldDescribeEveryMatcherOfTheV4Specification(String matcher, String words) throws Exception {
        assertThat(PactDocument.describe(JSON.readTree(matcher))).isEqualTo(words);
    }

    @Test
    void shouldShowMatchersCombinedWithOrAsOneAlternative() throws Exception {
        String pact = """
                {"consumer": {"name": "Web"}, "provider": {"name": "Orders"},
                 "interactions": [{"description": "get order 7", "request": {"method": "GET", "path": "/orders/7"},
                   "response": {"status": 200, "body": {"id": 7, "name": "seven"},
                     "matchingRules": {"body": {
                       "$.id": {"combine": "OR", "matchers": [{"match": "integer"}, {"match": "null"}]},
                       "$.name": {"combine": "AND", "matchers": [{"match": "type"}, {"match": "notEmpty"}]}}}}}],
                 "metadata": {"pactSpecification": {"version": "3.0.0"}}}""";

        String html = PactDocument.render(JSON.readTree(pact));

        assertThat(key(html, "id")).contains(">integer or null<");
        assertThat(key(html, "name")).contains(">type; notEmpty<");
    }

    @Test
    void shouldMatchRulePathsWithWildcards() {
        assertThat(PactDocument.Rules.tokens("$.a[*].b['c d']")).isEqualTo(List.of("a", "[*]", "b", "c d"));
        assertThat(PactDocument.Rules.tokens("$")).isEmpty();
        assertThat(PactDocument.Rules.tokens("$.a.*")).isEqualTo(List.of("a", "*"));
    }

    /** The line of the rendered JSON with the key. */
    private static String key(String html, String key) {
        return line(html, "<span class=\"k\">&quot;" + key + "&quot;</span>");
    }

    /** The first line of the rendered text containing the fragment. */
    private static String line(String html, String fragment) {
        for (String line : html.split("\n")) {
            if (line.contains(fragment)) {
                return line;
            }
        }
        throw new AssertionError("no line with " + fragment + " in " + html);
    }
}
