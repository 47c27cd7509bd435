package io.pactbroker.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactbroker.core.PactSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PactReaderTest {

    @Test
    void shouldReadAV11PactWithAProviderStateString() {
        Pact pact = PactReader.read("""
                {"consumer": {"name": "web"}, "provider": {"name": "orders"},
                 "interactions": [{"description": "get order", "providerState": "order 7 exists",
                   "request": {"method": "get", "path": "/orders/7", "query": "expand=lines&expand=notes",
                               "headers": {"Accept": "application/json"}},
                   "response": {"status": 200, "headers": {"Content-Type": "application/json"},
                                "body": {"id": 7}}}],
                 "metadata": {"pactSpecification": {"version": "1.1.0"}}}
                """);

        assertThat(pact.specification()).isEqualTo(PactSpecification.V1_1);
        HttpInteraction interaction = pact.httpInteractions().get(0);
        assertThat(interaction.providerStates()).containsExactly(ProviderState.of("order 7 exists"));
        assertThat(interaction.request().method()).isEqualTo("GET");
        assertThat(interaction.request().query().get("expand")).containsExactly("lines", "notes");
        assertThat(interaction.response().body()).isInstanceOf(Body.Json.class);
    }

    @Test
    void shouldReadRubysProviderStateKeyAndInferTheVersionWithoutMetadata() {
        Pact pact = PactReader.read("""
                {"consumer": {"name": "web"}, "provider": {"name": "orders"},
                 "interactions": [{"description": "d", "provider_state": "s",
                   "request": {"method": "GET", "path": "/"}, "response": {"status": 204}}]}
                """);

        assertThat(pact.specification()).isEqualTo(PactSpecification.V2);
        assertThat(pact.interactions().get(0).providerStates()).containsExactly(ProviderState.of("s"));
        assertThat(pact.metadata()).isEmpty();
    }

    @Test
    void shouldReadV2FlatMatchingRules() {
        HttpRequest request = PactReader.readRequest(Fixtures.json("""
                        {"method": "POST", "path": "/orders/7",
                         "matchingRules": {
                           "$.body.lines": {"min": 1, "match": "type"},
                           "$.body.lines[*].sku": {"match": "regex", "regex": "[A-Z]\\\\d"},
                           "$.headers.X-Id": {"match": "regex", "regex": "\\\\d+"},
                           "$.header['Content-Type']": {"match": "type"},
                           "$.query.page": {"regex": "\\\\d+"},
                           "$.path": {"match": "regex", "regex": "/orders/\\\\d+"},
                           "$.body": {"match": "type"}}}
                        """), PactSpecification.V2);

        MatchingRules rules = request.matchingRules();
        assertThat(rules.get(MatchingRules.BODY, "$.lines")).contains(RuleList.of(MatchingRule.minType(1)));
        assertThat(rules.get(MatchingRules.BODY, "$.lines[*].sku"))
                .contains(RuleList.of(MatchingRule.regex("[A-Z]\\d")));
        assertThat(rules.get(MatchingRules.BODY, "$")).contains(RuleList.of(MatchingRule.type()));
        assertThat(rules.get(MatchingRules.HEADER, "X-Id")).isPresent();
        assertThat(rules.get(MatchingRules.HEADER, "Content-Type")).isPresent();
        assertThat(rules.get(MatchingRules.QUERY, "page")).contains(RuleList.of(MatchingRule.regex("\\d+")));
        assertThat(rules.get(MatchingRules.PATH, "")).contains(RuleList.of(MatchingRule.regex("/orders/\\d+")));
    }

    @Test
    void shouldReadV3CategoriesCombinationsAndGenerators() {
        HttpResponse response = PactReader.readResponse(Fixtures.json("""
                        {"status": 200,
                         "headers": {"Content-Type": "application/json"},
                         "body": {"id": 7, "when": "2024-01-01"},
                         "matchingRules": {
                           "body": {"$.id": {"matchers": [{"match": "integer"}, {"match": "null"}], "combine": "OR"},
                                    "$.when": {"matchers": [{"match": "date", "date": "yyyy-MM-dd"}]}},
                           "header": {"$['X-Trace']": {"matchers": [{"match": "regex", "regex": ".+"}]}},
                           "status": {"matchers": [{"match": "statusCode", "status": "success"}]}},
                         "generators": {
                           "body": {"$.id": {"type": "RandomInt", "min": 1, "max": 9}},
                           "header": {"X-Trace": {"type": "Uuid", "format": "simple"}},
                           "status": {"type": "RandomInt", "min": 200, "max": 204}}}
                        """), PactSpecification.V3);

        MatchingRules rules = response.matchingRules();
        assertThat(rules.get(MatchingRules.BODY, "$.id"))
                .contains(RuleList.or(MatchingRule.integer(), new MatchingRule.NullValue()));
        assertThat(rules.get(MatchingRules.BODY, "$.when")).contains(RuleList.of(new MatchingRule.Date("yyyy-MM-dd")));
        assertThat(rules.get(MatchingRules.HEADER, "X-Trace")).isPresent();
        assertThat(rules.get(MatchingRules.STATUS, ""))
                .contains(RuleList.of(new MatchingRule.StatusCode(
                        java.util.Optional.of(MatchingRule.StatusClass.SUCCESS), List.of())));
        assertThat(response.generators().category(MatchingRules.BODY))
                .containsEntry("$.id", new Generator.RandomInt(1, 9));
        assertThat(response.generators().category(MatchingRules.HEADER))
                .containsEntry("X-Trace", new Generator.Uuid(java.util.Optional.of(Generator.UuidFormat.SIMPLE)));
        assertThat(response.generators().category(MatchingRules.STATUS)).containsKey("");
    }

    @Test
    void shouldReadEveryV4Rule() {
        MatchingRules rules = PactReader.readResponse(Fixtures.json("""
                                {"status": 200, "matchingRules": {"body": {
                                  "$.a": {"matchers": [{"match": "equality"}, {"match": "type", "min": 1, "max": 3},
                                    {"match": "include", "value": "x"}, {"match": "number"}, {"match": "decimal"},
                                    {"match": "boolean"}, {"match": "datetime", "format": "yyyy"}, {"match": "time"},
                                    {"match": "contentType", "value": "image/png"}, {"match": "values"},
                                    {"match": "notEmpty"}, {"match": "semver"},
                                    {"match": "statusCode", "status": [200, 201]},
                                    {"match": "eachKey", "rules": [{"match": "regex", "regex": "[a-z]+"}], "value": "k"},
                                    {"match": "eachValue", "rules": [{"match": "type"}]},
                                    {"match": "arrayContains", "variants": [{"index": 0,
                                       "rules": {"$.id": {"matchers": [{"match": "integer"}]}},
                                       "generators": {"$.id": {"type": "RandomInt"}}}]},
                                    {"match": "plugin-thing", "config": 1}]}}}}
                                """), PactSpecification.V4)
                .matchingRules();

        List<MatchingRule> list =
                rules.get(MatchingRules.BODY, "$.a").orElseThrow().rules();
        assertThat(list)
                .extracting(MatchingRule::name)
                .containsExactly(
                        "equality",
                        "type",
                        "include",
                        "number",
                        "decimal",
                        "boolean",
                        "datetime",
                        "time",
                        "contentType",
                        "values",
                        "notEmpty",
                        "semver",
                        "statusCode",
                        "eachKey",
                        "eachValue",
                        "arrayContains",
                        "plugin-thing");
        assertThat(list.get(1)).isEqualTo(MatchingRule.minMaxType(1, 3));
        assertThat(list.get(16)).isInstanceOf(MatchingRule.Unknown.class);
        MatchingRule.ArrayContains contains = (MatchingRule.ArrayContains) list.get(15);
        assertThat(contains.variants().get(0).generators()).containsKey("$.id");
    }

    @Test
    void shouldReadAV3MessagePact() {
        Pact pact = PactReader.read("""
                {"consumer": {"name": "billing"}, "provider": {"name": "events"},
                 "messages": [{"description": "order created",
                   "providerStates": [{"name": "an order", "params": {"id": 7}}],
                   "contents": {"orderId": 7}, "metaData": {"contentType": "application/json", "topic": "orders"},
                   "matchingRules": {"body": {"$.orderId": {"matchers": [{"match": "integer"}]}}}}],
                 "metadata": {"pactSpecification": {"version": "3.0.0"}}}
                """);

        AsynchronousMessage message = pact.messages().get(0);
        assertThat(message.providerStates().get(0).params()).containsKey("id");
        assertThat(message.contents().contentType()).contains(ContentType.JSON);
        assertThat(message.contents().metadata()).containsKey("topic");
        assertThat(message.contents().matchingRules().get(MatchingRules.BODY, "$.orderId"))
                .isPresent();
    }

    @Test
    void shouldReadV4InteractionsWithTheirV4Fields() {
        Pact pact = PactReader.read(Fixtures.resource("pacts/v4-everything.json"));

        assertThat(pact.specification()).isEqualTo(PactSpecification.V4);
        assertThat(pact.interactions())
                .extracting(Interaction::type)
                .containsExactly(
                        "Synchronous/HTTP", "Synchronous/HTTP", "Asynchronous/Messages", "Synchronous/Messages");
        HttpInteraction getOrder = (HttpInteraction) pact.interactions().get(0);
        assertThat(getOrder.key()).contains("8a2b");
        assertThat(getOrder.pending()).isTrue();
        assertThat(getOrder.comments()).containsKey("text");
        assertThat(getOrder.id()).contains("42");
        assertThat(getOrder.extensions()).containsKey("pluginConfiguration");
        assertThat(getOrder.request().headers().get("Accept")).containsExactly("application/json", "text/plain");
        assertThat(getOrder.request().query().get("expand")).containsExactly("lines");
        assertThat(getOrder.response().body()).isInstanceOf(Body.Json.class);

        HttpInteraction upload = (HttpInteraction) pact.interactions().get(1);
        assertThat(upload.request().body()).isInstanceOf(Body.Binary.class);
        assertThat(upload.request().body().bytes()).containsExactly(0x89, 'P', 'N', 'G');
        assertThat(upload.response().body()).isEqualTo(Body.text("stored", ContentType.TEXT));

        AsynchronousMessage event = (AsynchronousMessage) pact.interactions().get(2);
        assertThat(event.contents().matchingRules().get(MatchingRules.BODY, "$.id"))
                .isPresent();
        assertThat(event.contents().metadata()).containsKey("topic");

        SynchronousMessage sync = (SynchronousMessage) pact.interactions().get(3);
        assertThat(sync.request().contents().text()).isEqualTo("ping");
        assertThat(sync.responses()).hasSize(2);
    }

    @Test
    void shouldReadABodyStringAsJsonWhenTheContentTypeSaysSo() {
        HttpRequest request = PactReader.readRequest(Fixtures.json("""
                        {"method": "POST", "path": "/", "headers": {"Content-Type": "application/json"},
                         "body": "{\\"a\\": 1}"}
                        """), PactSpecification.V3);

        assertThat(request.body()).isEqualTo(Body.json(Fixtures.json("{\"a\": 1}")));
    }

    @Test
    void shouldIgnoreAByteOrderMark() {
        Pact pact = PactReader.read("\uFEFF{\"consumer\": {\"name\": \"a\"}, \"provider\": {\"name\": \"b\"}}");

        assertThat(pact.interactions()).isEmpty();
    }

    @Test
    void shouldSayWhereTheJsonIsBroken() {
        assertThatThrownBy(() -> PactReader.read("{\"consumer\": {\"name\": \"a\"},\n \"provider\": }"))
                .isInstanceOf(PactReadException.class)
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("line 2");
    }

    @Test
    void shouldSayWhichPartIsMalformed() {
        String bad = """
                {"consumer": {"name": "a"}, "provider": {"name": "b"},
                 "interactions": [{"description": "ok", "request": {"path": "/"}},
                                  {"description": "bad", "request": {"path": "/",
                                    "matchingRules": {"body": {"$.a[": {"matchers": [{"match": "type"}]}}}}}]}
                """;

        assertThatThrownBy(() -> PactReader.read(bad))
                .isInstanceOf(PactReadException.class)
                .hasMessageContaining("unterminated brackets")
                .satisfies(e -> assertThat(((PactReadException) e).location())
                        .isEqualTo("interactions[1].request.matchingRules.body['$.a[']"));
    }

    @Test
    void shouldRefuseAPactWithoutAConsumer() {
        assertThatThrownBy(() -> PactReader.read("{\"provider\": {\"name\": \"b\"}}"))
                .isInstanceOf(PactReadException.class)
                .hasMessage("consumer: the consumer is missing");
    }

    @Test
    void shouldRefuseARegexRuleWithoutARegex() {
        assertThatThrownBy(() -> PactReader.readRequest(
                        Fixtures.json(
                                "{\"matchingRules\": {\"body\": {\"$.a\": {\"matchers\": [{\"match\": \"regex\"}]}}}}"),
                        PactSpecification.V3))
                .isInstanceOf(PactReadException.class)
                .hasMessage("matchingRules.body['$.a'].matchers[0]: a regex rule needs 'regex'");
    }

    @Test
    void shouldRefuseAnUnknownInteractionType() {
        assertThatThrownBy(() -> PactReader.readInteraction(
                        Fixtures.json("{\"type\": \"Synchronous/Carrier-Pigeon\"}"), PactSpecification.V4))
                .isInstanceOf(PactReadException.class)
                .hasMessageContaining("is not an interaction type");
    }

    @Test
    void shouldReadFromAFile() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("pact", ".json");
        java.nio.file.Files.writeString(file, Fixtures.resource("pacts/v4-everything.json"), StandardCharsets.UTF_8);

        assertThat(PactReader.read(file).consumer()).isEqualTo("web");
    }
}
