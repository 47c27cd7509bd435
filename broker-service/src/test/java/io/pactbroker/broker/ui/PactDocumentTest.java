package io.pactbroker.broker.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

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
