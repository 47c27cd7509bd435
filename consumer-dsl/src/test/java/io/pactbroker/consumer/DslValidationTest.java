package io.pactbroker.consumer;

import static io.pactbroker.consumer.Matchers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactbroker.core.PactSpecification;
import io.pactbroker.core.model.Pact;
import io.pactbroker.core.model.PactWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DslValidationTest {

    @Test
    void shouldRefuseAnExampleThatBreaksItsOwnRuleNamingTheInteractionAndPath() {
        assertThatThrownBy(() -> Pacts.between("web", "orders")
                        .given("order 7 exists")
                        .uponReceiving("get order")
                        .get("/orders/7")
                        .willRespondWith(200, b -> b.field("placed", date("yyyy-MM-dd", "01/02/2024"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interaction \"get order\" (given \"order 7 exists\") has a matcher whose example does not"
                        + " satisfy its own rule:\n"
                        + "  response $.placed: expected a date in the format 'yyyy-MM-dd' but was \"01/02/2024\""
                        + " (Text '01/02/2024' could not be parsed at index 0)");
    }

    @Test
    void shouldRefuseARegexWhoseExampleDoesNotMatchWhereItIsWritten() {
        assertThatThrownBy(() -> regex("[A-Z]\\d", "a1"))
                .hasMessage("regex(\"[A-Z]\\d\", \"a1\"): the example does not match /[A-Z]\\d/");
    }

    @Test
    void shouldRefuseAnInvalidRegularExpression() {
        assertThatThrownBy(() -> regex("[A-Z", "A"))
                .hasMessageStartingWith("/[A-Z/ is not a valid regular expression: Unclosed character class");
    }

    @Test
    void shouldRefuseAMinimumAboveTheMaximum() {
        assertThatThrownBy(() -> atLeastAtMost(3, 2, "x"))
                .hasMessage("atLeastAtMost(3, 2, ...): the minimum 3 is greater than the maximum 2");
        assertThatThrownBy(() -> randomInt(10, 1))
                .hasMessage("randomInt(10, 1): the minimum 10 is greater than the maximum 1");
        assertThatThrownBy(() -> atLeast(-1, "x")).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> atMost(0, "x")).hasMessageContaining("at least 1");
    }

    @Test
    void shouldRefuseAnInvalidDateFormat() {
        assertThatThrownBy(() -> date("yyyy-MM-dd bb", "2024-01-01"))
                .hasMessageStartingWith("date(\"yyyy-MM-dd bb\", ...): not a valid date/time format");
    }

    @Test
    void shouldRefuseAStatusOutsideItsClass() {
        assertThatThrownBy(() -> statusCode(io.pactbroker.core.model.MatchingRule.StatusClass.SUCCESS, 404))
                .hasMessage("statusCode(SUCCESS, 404): 404 is not a status of the class success");
    }

    @Test
    void shouldRefuseAnInteractionWithoutResponse() {
        PactBuilder pact = Pacts.between("web", "orders");
        pact.uponReceiving("get order").get("/orders/7");

        assertThatThrownBy(() -> pact.uponReceiving("next"))
                .hasMessage("interaction \"get order\" has no response: finish it with willRespondWith(...) before"
                        + " starting another");
    }

    @Test
    void shouldRefuseAnInteractionWithoutRequestLine() {
        assertThatThrownBy(
                        () -> Pacts.between("web", "orders").uponReceiving("x").willRespondWith(200))
                .hasMessageContaining("has no request line: call get(\"/path\")");
    }

    @Test
    void shouldRefuseAStructuredValueInAHeader() {
        assertThatThrownBy(() -> Pacts.between("web", "orders")
                        .uponReceiving("x")
                        .get("/")
                        .header("X-Ids", eachLike(1)))
                .hasMessageContaining("header 'X-Ids': only text goes here");
    }

    @Test
    void shouldRefuseAMessageWhoseMetadataBreaksItsRule() {
        assertThatThrownBy(() -> Pacts.between("web", "orders")
                        .expectsToReceive("shipped", m -> m.content(b -> b.integer("id", 7))
                                .metadata("key", integer(7))
                                .metadata("partition", like(3))
                                .content(b -> b.field("when", timestamp("yyyy-MM-dd'T'HH:mm:ss", "noon")))))
                .hasMessageContaining("message \"shipped\" has a matcher whose example does not satisfy its own rule")
                .hasMessageContaining("$.when");
    }

    @Test
    void shouldWriteTheRulesTheMatchersStandFor() {
        Pact pact = Pacts.between("web", "orders")
                .given("order 7 exists", Map.of("id", 7))
                .uponReceiving("get order")
                .get("/orders/7")
                .willRespondWith(200, b -> b.integer("id", 7)
                        .eachLike("lines", line -> line.regex("sku", "[A-Z]\\d", "A1"))
                        .field("trackingId", uuid()))
                .toPact();

        var tree = PactWriter.write(pact, PactSpecification.V4).tree();
        var response = tree.at("/interactions/0/response");

        assertThat(response.at("/matchingRules/body/$.lines/matchers/0").toString())
                .isEqualTo("{\"match\":\"type\",\"min\":1}");
        assertThat(response.at("/matchingRules/body/$.lines[*].sku/matchers/0").toString())
                .isEqualTo("{\"match\":\"regex\",\"regex\":\"[A-Z]\\\\d\"}");
        assertThat(response.at("/generators/body/$.trackingId").toString()).isEqualTo("{\"type\":\"Uuid\"}");
        assertThat(tree.at("/interactions/0/providerStates/0/params").toString())
                .isEqualTo("{\"id\":7}");
    }

    @Test
    void shouldTakeRecordsAsExamplesMatchingByType() {
        record Line(String sku, int quantity) {}
        record Order(long id, java.util.List<Line> lines) {}

        Pact pact = Pacts.between("web", "orders")
                .uponReceiving("get order")
                .get("/orders/7")
                .willRespondWith(200, new Order(7, java.util.List.of(new Line("A1", 2))))
                .toPact();

        var response = pact.httpInteractions().get(0).response();
        assertThat(response.body().text()).isEqualTo("{\"id\":7,\"lines\":[{\"sku\":\"A1\",\"quantity\":2}]}");
        assertThat(response.matchingRules().category("body")).containsOnlyKeys("$");
        assertThat(response.headers().first("Content-Type")).hasValue("application/json");
    }
}
