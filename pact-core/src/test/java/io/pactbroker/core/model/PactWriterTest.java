package io.pactbroker.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactbroker.core.PactSpecification;
import io.pactbroker.core.hash.ContentHash;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PactWriterTest {

    private static HttpInteraction getOrder() {
        HttpRequest request = HttpRequest.of("GET", "/orders/7").withQuery(Query.of("expand", "lines"));
        HttpResponse response = HttpResponse.of(200)
                .withHeaders(Headers.of("Content-Type", "application/json"))
                .withBody(Body.json(Fixtures.json("{\"lines\": [{\"sku\": \"A1\"}], \"id\": 7}")))
                .withMatchingRules(MatchingRules.builder()
                        .body("$.lines", MatchingRule.minType(1))
                        .body("$.version", new MatchingRule.Semver())
                        .build());
        return HttpInteraction.of("get order", request, response)
                .withProviderStates(List.of(ProviderState.of("order 7 exists")));
    }

    @Test
    void shouldWriteCanonicalJson() {
        Pact pact = Pact.of("web", "orders", List.of(getOrder())).withMetadata(Map.of());

        String json = PactWriter.write(pact, PactSpecification.V3).json();

        assertThat(json).isEqualTo("""
                        {
                          "consumer": {
                            "name": "web"
                          },
                          "interactions": [
                            {
                              "description": "get order",
                              "providerStates": [
                                {
                                  "name": "order 7 exists"
                                }
                              ],
                              "request": {
                                "method": "GET",
                                "path": "/orders/7",
                                "query": {
                                  "expand": [
                                    "lines"
                                  ]
                                }
                              },
                              "response": {
                                "body": {
                                  "id": 7,
                                  "lines": [
                                    {
                                      "sku": "A1"
                                    }
                                  ]
                                },
                                "headers": {
                                  "Content-Type": "application/json"
                                },
                                "matchingRules": {
                                  "body": {
                                    "$.lines": {
                                      "combine": "AND",
                                      "matchers": [
                                        {
                                          "match": "type",
                                          "min": 1
                                        }
                                      ]
                                    }
                                  }
                                },
                                "status": 200
                              }
                            }
                          ],
                          "metadata": {
                            "pactSpecification": {
                              "version": "3.0.0"
                            }
                          },
                          "provider": {
                            "name": "orders"
                          }
                        }
                        """);
    }

    @Test
    void shouldWriteTheSameBytesWhateverTheOrderOfKeysInTheInput() {
        Pact a = PactReader.read(Fixtures.resource("pacts/v4-everything.json"));
        String written = PactWriter.write(a).json();
        Pact b = PactReader.read(written);

        assertThat(PactWriter.write(b).json()).isEqualTo(written);
        assertThat(written).endsWith("}\n").doesNotContain("\t").doesNotContain(" : ");
    }

    @Test
    void shouldRoundTripEveryV4Feature() {
        Pact original = PactReader.read(Fixtures.resource("pacts/v4-everything.json"));

        WriteResult result = PactWriter.write(original, PactSpecification.V4);
        Pact reread = PactReader.read(result.json());

        assertThat(result.warnings()).isEmpty();
        assertThat(reread).isEqualTo(original);
        assertThat(ContentHash.sha(result.json()))
                .isEqualTo(ContentHash.sha(PactWriter.write(reread).json()));
    }

    @Test
    void shouldKeepInteractionsInTheirOrder() {
        HttpInteraction second = HttpInteraction.of("b", HttpRequest.of("GET", "/b"), HttpResponse.of(200));
        HttpInteraction first = HttpInteraction.of("z", HttpRequest.of("GET", "/a"), HttpResponse.of(200));

        JsonNode tree = PactWriter.write(Pact.of("c", "p", List.of(first, second)), PactSpecification.V4)
                .tree();

        assertThat(tree.path("interactions").get(0).path("description").asText())
                .isEqualTo("z");
    }

    @Test
    void shouldReportWhatV3CannotHold() {
        Pact pact = PactReader.read(Fixtures.resource("pacts/v4-everything.json"));

        WriteResult v3 = PactWriter.write(pact, PactSpecification.V3);

        assertThat(v3.warnings())
                .contains(
                        "interaction 'get order': the V4 key '8a2b' cannot be written as V3 and was left out",
                        "interaction 'get order': the V4 'pending' flag cannot be written as V3 and was left out",
                        "interaction 'get order': the V4 comments cannot be written as V3 and were left out",
                        "interaction 'ping': synchronous messages cannot be written as V3 and the interaction was left out");
        assertThat(v3.tree().path("messages").get(0).path("description").asText())
                .isEqualTo("order created");
        assertThat(v3.tree().path("messages").get(0).path("matchingRules").has("body"))
                .isTrue();
        assertThat(v3.tree().path("interactions")).hasSize(2);
        Pact reread = PactReader.read(v3.json());
        assertThat(reread.specification()).isEqualTo(PactSpecification.V3);
        assertThat(reread.httpInteractions().get(1).request().body().bytes()).containsExactly(0x89, 'P', 'N', 'G');
    }

    @Test
    void shouldNameEveryRuleV2CannotExpress() {
        Pact pact = Pact.of("web", "orders", List.of(getOrder()));

        WriteResult v2 = PactWriter.write(pact, PactSpecification.V2);

        assertThat(v2.warnings())
                .containsExactly(
                        "interaction 'get order': matching rule 'semver' at $.version has no V2 equivalent and was left out");
        assertThat(v2.tree().at("/interactions/0/response/matchingRules").has("$.body.lines"))
                .isTrue();
        assertThat(v2.tree().at("/interactions/0/providerState").asText()).isEqualTo("order 7 exists");
        assertThat(v2.tree().at("/interactions/0/request/query").asText()).isEqualTo("expand=lines");
    }

    @Test
    void shouldReportWhatV2CannotHold() {
        Pact pact = PactReader.read(Fixtures.resource("pacts/v4-everything.json"));

        List<String> warnings = PactWriter.write(pact, PactSpecification.V2).warnings();

        assertThat(warnings)
                .contains(
                        "interaction 'get order': the parameters of provider state 'order exists' cannot be written as V2"
                                + " and were left out",
                        "interaction 'get order': generator 'ProviderState' at the path of the request has no V2"
                                + " equivalent and was left out",
                        "interaction 'get order': matching rule 'integer' at $.id has no V2 equivalent and was left out",
                        "interaction 'order created': messages cannot be written as V2 and the message was left out");
    }

    @Test
    void shouldWarnAboutOrCombinationsAndMultipleStatesInV2() {
        HttpResponse response = HttpResponse.of(200)
                .withBody(Body.json(Fixtures.json("{\"id\": 1}")))
                .withMatchingRules(MatchingRules.builder()
                        .body("$.id", RuleList.or(MatchingRule.regex("\\d+"), MatchingRule.type()))
                        .build());
        HttpInteraction interaction = HttpInteraction.of("x", HttpRequest.of("GET", "/"), response)
                .withProviderStates(List.of(ProviderState.of("a"), ProviderState.of("b")));

        List<String> warnings = PactWriter.write(Pact.of("c", "p", List.of(interaction)), PactSpecification.V2)
                .warnings();

        assertThat(warnings)
                .containsExactly(
                        "interaction 'x': V2 allows one provider state; 'b' left out",
                        "interaction 'x': matching rules at $.id are combined with OR, which V2 cannot express; only the"
                                + " first was kept",
                        "interaction 'x': matching rule 'type' at $.id was left out: V2 allows one rule per path");
    }

    @Test
    void shouldLeaveMockServerUrlGeneratorsOutOfV3() {
        HttpResponse response = HttpResponse.of(200)
                .withHeaders(Headers.of("Location", "http://localhost:8080/orders/7"))
                .withGenerators(Generators.builder()
                        .add(
                                MatchingRules.HEADER,
                                "Location",
                                new Generator.MockServerUrl("http://localhost:8080/orders/7", ".*(/orders/\\d+)$"))
                        .build());
        Pact pact = Pact.of("c", "p", List.of(HttpInteraction.of("x", HttpRequest.of("GET", "/"), response)));

        assertThat(PactWriter.write(pact, PactSpecification.V3).warnings())
                .containsExactly("interaction 'x': generator 'MockServerURL' at header 'Location' has no V3 equivalent"
                        + " and was left out");
        assertThat(PactWriter.write(pact, PactSpecification.V4).warnings()).isEmpty();
    }

    @Test
    void shouldKeepMetadataAndSetTheVersion() {
        Pact pact = PactReader.read(Fixtures.resource("pacts/v4-everything.json"));

        JsonNode metadata = PactWriter.write(pact, PactSpecification.V3).tree().path("metadata");

        assertThat(metadata.at("/pactSpecification/version").asText()).isEqualTo("3.0.0");
        assertThat(metadata.at("/pactRust/models").asText()).isEqualTo("1.2.0");
    }

    @Test
    void shouldRefuseToWriteV1() {
        Pact pact = Pact.of("c", "p", List.of());

        assertThatThrownBy(() -> PactWriter.write(pact, PactSpecification.V1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("V2, V3 or V4");
        assertThat(PactWriter.write(pact.withSpecification(PactSpecification.V1_1))
                        .tree()
                        .at("/metadata/pactSpecification/version")
                        .asText())
                .isEqualTo("2.0.0");
    }

    @Test
    void shouldWriteV4BodiesWithTheirContentTypeAndEncoding() {
        HttpResponse response =
                HttpResponse.of(200).withBody(Body.binary(new byte[] {1, 2, 3}, ContentType.of("application/pdf")));
        Pact pact = Pact.of("c", "p", List.of(HttpInteraction.of("x", HttpRequest.of("GET", "/"), response)));

        JsonNode body = PactWriter.write(pact).tree().at("/interactions/0/response/body");

        assertThat(body.path("encoded").asText()).isEqualTo("base64");
        assertThat(body.path("content").asText()).isEqualTo("AQID");
        assertThat(body.path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(PactReader.read(PactWriter.write(pact).json())
                        .httpInteractions()
                        .get(0)
                        .response()
                        .body())
                .isEqualTo(response.body());
    }

    @Test
    void shouldRoundTripATextBodyThatLooksLikeJson() {
        HttpResponse response = HttpResponse.of(200).withBody(Body.text("{\"not\": \"parsed\"}", ContentType.JSON));
        Pact pact = Pact.of("c", "p", List.of(HttpInteraction.of("x", HttpRequest.of("GET", "/"), response)));

        Body reread = PactReader.read(PactWriter.write(pact).json())
                .httpInteractions()
                .get(0)
                .response()
                .body();

        assertThat(reread).isEqualTo(Body.text("{\"not\": \"parsed\"}", ContentType.JSON));
        assertThat(Optional.of(reread)).isPresent();
    }

    @Test
    void shouldKeepAJsonStringBodyAJsonStringInV2AndV3() {
        HttpResponse response =
                HttpResponse.of(200).withBody(Body.json(com.fasterxml.jackson.databind.node.TextNode.valueOf("hi")));
        Pact pact = Pact.of("c", "p", List.of(HttpInteraction.of("x", HttpRequest.of("GET", "/"), response)));

        for (PactSpecification version : List.of(PactSpecification.V2, PactSpecification.V3, PactSpecification.V4)) {
            WriteResult written = PactWriter.write(pact, version);

            assertThat(PactReader.read(written.json())
                            .httpInteractions()
                            .get(0)
                            .response()
                            .body())
                    .as(version.toString())
                    .isEqualTo(response.body());
        }
    }
}
