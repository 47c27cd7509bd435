package io.pactbroker.broker.pacts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.pactbroker.broker.support.ApiTest;
import io.pactbroker.broker.support.PactJson;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContractPublishTest extends ApiTest {

    static String body(String version, String branch, String tags, String... contracts) {
        return "{\"pacticipantName\": \"Foo\", \"pacticipantVersionNumber\": \"" + version + "\","
                + (branch == null ? "" : " \"branch\": \"" + branch + "\",")
                + " \"tags\": " + tags + ", \"buildUrl\": \"http://ci/builds/1234\", \"contracts\": ["
                + String.join(",", contracts) + "]}";
    }

    static String contract(String provider, String base64Content) {
        return contract(provider, base64Content, "overwrite");
    }

    static String contract(String provider, String base64Content, String onConflict) {
        return "{\"consumerName\": \"Foo\", \"providerName\": \"" + provider + "\", \"specification\": \"pact\","
                + " \"contentType\": \"application/json\", \"content\": \"" + base64Content + "\", \"onConflict\": \""
                + onConflict + "\"}";
    }

    static String pact(String... interactions) {
        PactJson pact = PactJson.between("Foo", "Bar");
        for (String i : interactions) {
            pact.interaction(i);
        }
        return pact.base64();
    }

    @Test
    void shouldPublishContractsWithBranchTagsAndNotices() {
        given().contentType("application/json")
                .accept("application/hal+json")
                .body(body("1", "main", "[\"a\", \"b\"]", contract("Bar", pact("get order"))))
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(200)
                .contentType("application/hal+json;charset=utf-8")
                .body("notices[0].type", equalTo("debug"))
                .body("notices[0].text", equalTo("Created Foo version 1 with branch main and tags a, b"))
                .body("notices[1].type", equalTo("success"))
                .body("notices[1].text", equalTo("Pact successfully published for Foo version 1 and provider Bar."))
                .body(
                        "notices[2].text",
                        equalTo("  View the published pact at " + baseUrl()
                                + "/pacts/provider/Bar/consumer/Foo/version/1"))
                .body("notices.text", hasItem("  Next steps:"))
                .body("logs[0].level", equalTo("debug"))
                .body("logs[0].message", equalTo("Created Foo version 1 with branch main and tags a, b"))
                .body("logs.deprecationWarning", everyItem(equalTo("Replaced by notices")))
                .body("_embedded.pacticipant.name", equalTo("Foo"))
                .body("_embedded.version.number", equalTo("1"))
                .body("_links.'pb:pacticipant'.href", equalTo(baseUrl() + "/pacticipants/Foo"))
                .body("_links.'pb:pacticipant-version'.title", equalTo("Pacticipant version"))
                .body("_links.'pb:pacticipant-version-tags'.name", contains("a", "b"))
                .body("_links.'pb:contracts'[0].title", equalTo("Pact"))
                .body("_links.'pb:contracts'[0].name", equalTo("Pact between Foo (1) and Bar"))
                .body(
                        "_links.'pb:contracts'[0].href",
                        equalTo(baseUrl() + "/pacts/provider/Bar/consumer/Foo/version/1"));

        given().when()
                .get("/pacts/provider/Bar/consumer/Foo/latest")
                .then()
                .statusCode(200)
                .body("interactions[0].description", equalTo("get order"));
        given().when().get("/pacticipants/Foo/versions/1").then().body("buildUrl", equalTo("http://ci/builds/1234"));
        given().when()
                .get("/pacticipants/Foo/branches/main/latest-version")
                .then()
                .body("number", equalTo("1"));
    }

    @Test
    void shouldPromptForBranchWhenNoneIsGiven() {
        json(body("1", null, "[\"a\"]", contract("Bar", pact("get order"))))
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(200)
                .body("notices[0].text", equalTo("Created Foo version 1 with tags a"))
                .body("notices[1].type", equalTo("prompt"))
                .body(
                        "notices[1].text",
                        equalTo(
                                "  Next steps:\n    Configure the version branch to be the value of your repository branch."));
    }

    @Test
    void shouldPublishSeveralContractsAtOnce() {
        String toBaz = PactJson.between("Foo", "Baz").interaction("get baz").base64();

        json(body("1", "main", "[]", contract("Bar", pact("get order")), contract("Baz", toBaz)))
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(200)
                .body("_links.'pb:contracts'", hasSize(2));

        assertThat(database.count("integrations")).isEqualTo(2);
    }

    @Test
    void shouldSayRepublishedWhenSameContentIsPublishedAgain() {
        json(body("1", "main", "[]", contract("Bar", pact("get order")))).post("/contracts/publish");

        json(body("1", "main", "[]", contract("Bar", pact("get order"))))
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(200)
                .body("notices[0].text", equalTo("Updated Foo version 1 with branch main"))
                .body(
                        "notices[1].text",
                        equalTo(
                                "Pact successfully republished for Foo version 1 and provider Bar with no content changes."));

        assertThat(database.count("pact_publications")).isEqualTo(1);
    }

    @Test
    void shouldReuseContentWhenAnotherVersionPublishesTheSameContent() {
        json(body("1", "main", "[]", contract("Bar", pact("get order", "get lines"))))
                .post("/contracts/publish");

        json(body("2", "main", "[]", contract("Bar", pact("get lines", "get order"))))
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(200);

        assertThat(database.count("pact_publications")).isEqualTo(2);
        assertThat(database.count("pact_versions")).isEqualTo(1);
    }

    @Test
    void shouldRefuseChangedContentForExistingVersionWithDiffAndChangeNothing() {
        json(body("1", "main", "[]", contract("Bar", pact("get order")))).post("/contracts/publish");
        var before = database.fingerprint();

        json(body("1", "main", "[\"new-tag\"]", contract("Bar", pact("get invoice"))))
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(409)
                .contentType(startsWith("application/hal+json"))
                .body("notices[0].type", equalTo("error"))
                .body(
                        "notices[0].text",
                        startsWith("Cannot change the content of the pact for Foo version 1 and provider Bar"))
                .body("notices[1].type", equalTo("info"))
                .body("notices[1].text", containsString("-     \"description\" : \"get order\""))
                .body("notices[1].text", containsString("+     \"description\" : \"get invoice\""))
                .body("errors.contracts[0]", startsWith("Cannot change the content"));

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldAllowChangedContentWhenDangerousModificationIsAllowed() {
        QuarkusMock.installMockForType(
                new ContractPolicy() {
                    @Override
                    public boolean allowsContentModification() {
                        return true;
                    }
                },
                ContractPolicy.class);
        json(body("1", "main", "[]", contract("Bar", pact("get order")))).post("/contracts/publish");

        json(body("1", "main", "[]", contract("Bar", pact("get invoice"))))
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(200)
                .body("notices[1].type", equalTo("warning"))
                .body("notices[1].text", startsWith("Pact with changed content published over existing content"));

        assertThat(database.count("pact_publications")).isEqualTo(2);
        given().when()
                .get("/pacts/provider/Bar/consumer/Foo/version/1")
                .then()
                .body("interactions[0].description", equalTo("get invoice"));
    }

    @Test
    void shouldMergeInteractionsWhenOnConflictIsMerge() {
        json(body("1", "main", "[]", contract("Bar", pact("get order")))).post("/contracts/publish");

        json(body("1", "main", "[]", contract("Bar", pact("get invoice"), "merge")))
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(200)
                .body(
                        "notices[1].text",
                        equalTo("Pact content merged with existing content for Foo version 1 and provider Bar."));

        given().when()
                .get("/pacts/provider/Bar/consumer/Foo/version/1")
                .then()
                .body("interactions.description", contains("get order", "get invoice"));
    }

    @Test
    void shouldRefuseMissingVersionNumberAsThePactBrokerDoes() {
        json("{\"pacticipantName\": \"Foo\", \"branch\": \"main\", \"tags\": [\"a\"], \"contracts\": ["
                        + contract("Bar", pact("get order")) + "]}")
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/hal+json"))
                .body("errors.pacticipantVersionNumber", contains("is missing"));

        assertThat(database.count("pacticipants")).isZero();
    }

    @Test
    void shouldRefuseInvalidBase64AndChangeNothing() {
        json(body("1", "main", "[]", contract("Bar", "not base64!")))
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(400)
                .body("errors.contracts[0]", startsWith("content is not valid Base64"))
                .body("errors.contracts[0]", containsString("(at index 0)"));

        assertThat(database.fingerprint()).isEqualTo(emptyFingerprint());
    }

    @Test
    void shouldRefuseContentThatIsNotUtf8AndChangeNothing() {
        byte[] bytes = "{\"consumer\": {\"name\": \"Foo\"}, \"x\": \"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        String content = Base64.getEncoder().encodeToString(bytes);

        json(body("1", "main", "[]", contract("Bar", content)))
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(400)
                .body("errors.contracts[0]", startsWith("contract content has a non UTF-8 character at char 37"));

        assertThat(database.fingerprint()).isEqualTo(emptyFingerprint());
    }

    @Test
    void shouldRefuseContentThatIsNotJson() {
        String content = Base64.getEncoder().encodeToString("not json".getBytes(StandardCharsets.UTF_8));

        json(body("1", "main", "[]", contract("Bar", content)))
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(400)
                .body("errors.contracts", contains("content could not be parsed as application/json (at index 0)"));
    }

    @Test
    void shouldRefuseContentThatIsNotAnObject() {
        String content = Base64.getEncoder().encodeToString("\"a string\"".getBytes(StandardCharsets.UTF_8));

        json(body("1", "main", "[]", contract("Bar", content)))
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(400)
                .body(
                        "errors.contracts",
                        contains("parsed content was expected to be a Hash but was a String (at index 0)"));
    }

    @Test
    void shouldRefuseNamesThatDoNotMatchTheContent() {
        String content = PactJson.between("WRONG", "Bar").interaction("x").base64();

        json(body("1", "main", "[]", contract("Bar", content)))
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(400)
                .body(
                        "errors.contracts",
                        contains(
                                "consumer name in contract content ('WRONG') must match consumerName in contract params"
                                        + " ('Foo') (at index 0)"));

        assertThat(database.fingerprint()).isEqualTo(emptyFingerprint());
    }

    @Test
    void shouldRefuseProviderNameThatDoesNotMatchTheContent() {
        String content = PactJson.between("Foo", "WRONG").interaction("x").base64();

        json(body("1", "main", "[]", contract("Bar", content)))
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(400)
                .body(
                        "errors.contracts",
                        contains(
                                "provider name in contract content ('WRONG') must match providerName in contract params"
                                        + " ('Bar') (at index 0)"));
    }

    @Test
    void shouldRefuseConsumerNameThatDiffersFromPacticipantName() {
        String contract =
                contract("Bar", pact("x")).replace("\"consumerName\": \"Foo\"", "\"consumerName\": \"Other\"");

        json(body("1", "main", "[]", contract))
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(400)
                .body(
                        "errors.contracts",
                        hasItem("consumerName ('Other') must match pacticipantName ('Foo') (at index 0)"));
    }

    @Test
    void shouldReportEveryMissingContractField() {
        json(body("1", "main", "[]", "{\"content\": \"" + pact("x") + "\"}"))
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(400)
                .body(
                        "errors.contracts",
                        contains(
                                "consumerName is missing (at index 0)",
                                "providerName is missing (at index 0)",
                                "contentType is missing (at index 0)",
                                "specification is missing (at index 0)"));
    }

    @Test
    void shouldRefuseUnknownContentTypeSpecificationAndOnConflict() {
        String contract = contract("Bar", pact("x"), "ignore")
                .replace("\"application/json\"", "\"application/yaml\"")
                .replace("\"pact\"", "\"openapi\"");

        json(body("1", "main", "[]", contract))
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(400)
                .body(
                        "errors.contracts",
                        contains(
                                "contentType must be one of: application/json (at index 0)",
                                "specification must be one of: pact (at index 0)",
                                "onConflict must be one of: overwrite, merge (at index 0)"));
    }

    @Test
    void shouldRefuseBlankTagsAndMultiLineBranch() {
        json(body("1", "main\\nother", "[\"\"]", contract("Bar", pact("x"))))
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(400)
                .body("errors.branch", contains("cannot contain multiple lines"))
                .body("errors.tags", contains("must be filled (at index 0)"));
    }

    @Test
    void shouldRefuseBodyThatIsNotJson() {
        given().contentType("text/plain")
                .body("hello")
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(415)
                .body("error", containsString("Content-Type: application/json"));
    }

    private static Map<String, String> emptyFingerprint() {
        return io.pactbroker.broker.support.Database.EMPTY;
    }
}
