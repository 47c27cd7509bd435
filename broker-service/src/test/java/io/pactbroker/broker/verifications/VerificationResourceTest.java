package io.pactbroker.broker.verifications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.pactbroker.broker.pacts.PactMetadata;
import io.pactbroker.broker.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Publishing, reading and deleting verification results, and the verification links of pacts. */
@QuarkusTest
class VerificationResourceTest extends ApiTest {

    private static final String FOO_BAR = "/pacts/provider/Bar/consumer/Foo";

    @Inject
    VerificationService verifications;

    private String sha(String consumerVersion) {
        return given().get(FOO_BAR + "/version/" + consumerVersion)
                .then()
                .extract()
                .path("_links.'pb:pact-version'.name");
    }

    private String results(String consumerVersion) {
        return FOO_BAR + "/pact-version/" + sha(consumerVersion) + "/verification-results";
    }

    /** Publishes a result for the consumer version's pact; the path of the new result. */
    private String publish(String consumerVersion, String body) {
        return json(body)
                .when()
                .post(results(consumerVersion))
                .then()
                .statusCode(201)
                .extract()
                .header("Location")
                .replace(baseUrl(), "");
    }

    @Test
    void shouldPublishAResultAndAnswerWithThePactBrokersBodyAndLinks() {
        world.consumer("Foo").version("1.2.3").publishesPactWith("Bar");
        String sha = sha("1.2.3");

        String location = json("{\"success\": true, \"providerApplicationVersion\": \"4.5.6\", \"buildUrl\":"
                        + " \"https://ci/builds/7\", \"testResults\": {\"arbitrary\": [\"json\"]}, \"verifiedBy\":"
                        + " {\"implementation\": \"pact-jvm-broker\", \"version\": \"0.1.0\", \"clientLanguage\":"
                        + " {\"name\": \"java\", \"version\": \"17\", \"testFramework\": \"junit5\"}}}")
                .when()
                .post(FOO_BAR + "/pact-version/" + sha + "/verification-results")
                .then()
                .statusCode(201)
                .contentType("application/hal+json;charset=utf-8")
                .header(
                        "Location",
                        matchesPattern(baseUrl() + FOO_BAR + "/pact-version/" + sha + "/verification-results/\\d+"))
                .body("providerName", equalTo("Bar"))
                .body("providerApplicationVersion", equalTo("4.5.6"))
                .body("success", equalTo(true))
                .body("verificationDate", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00"))
                .body("buildUrl", equalTo("https://ci/builds/7"))
                .body("testResults.arbitrary", contains("json"))
                .body("verifiedBy.implementation", equalTo("pact-jvm-broker"))
                .body("verifiedBy.version", equalTo("0.1.0"))
                .body("verifiedBy.client_implementation", equalTo("java"))
                .body("verifiedBy.client_test_framework", equalTo("junit5"))
                .body("_links.self.title", equalTo("Verification result"))
                .body(
                        "_links.self.name",
                        matchesPattern("Verification result \\d+ for Pact between Foo \\(1.2.3\\) and Bar"))
                .body("_links.'pb:pact-version'.title", equalTo("Pact"))
                .body("_links.'pb:pact-version'.name", equalTo("Pact between Foo (1.2.3) and Bar"))
                .body(
                        "_links.'pb:pact-version'.href",
                        equalTo(baseUrl() + FOO_BAR + "/pact-version/" + sha + "/metadata/"
                                + PactMetadata.forConsumerVersionNumber("1.2.3")))
                .extract()
                .header("Location");

        given().get(location.replace(baseUrl(), ""))
                .then()
                .statusCode(200)
                .body("providerApplicationVersion", equalTo("4.5.6"));
        given().get("/pacticipants/Bar/versions/4.5.6").then().statusCode(200);
        assertThat(database.single("SELECT count(*) FROM latest_verification_id_for_pact_version_and_provider_version"
                        + " lv JOIN verifications v ON v.id = lv.verification_id WHERE v.provider_version_id ="
                        + " (SELECT id FROM versions WHERE number = '4.5.6')"))
                .isEqualTo("1");
    }

    @Test
    void shouldKeepTheTestResultsAndTheResultOfEachInteraction() {
        world.consumer("Foo").version("1").publishesPactWith("Bar", p -> p.interaction("get order")
                .interaction("get invoice"));
        JsonPath pact = JsonPath.from(given().get(FOO_BAR + "/version/1").asString());
        String orderId = pact.getString("interactions.find { it.description == 'get order' }._id");
        String invoiceId = pact.getString("interactions.find { it.description == 'get invoice' }._id");

        publish(
                "1",
                "{\"success\": false, \"providerApplicationVersion\": \"2\", \"testResults\": [{\"interactionId\": \""
                        + orderId
                        + "\", \"success\": true}, {\"interactionDescription\": \"get invoice\", \"success\": false,"
                        + " \"mismatches\": [{\"attribute\": \"status\", \"description\": \"expected 200 but was 500\"}]}]}");
        publish(
                "1",
                "{\"success\": false, \"providerApplicationVersion\": \"3\", \"testResults\": {\"tests\": [{"
                        + "\"testDescription\": \"get order\", \"interactionProviderState\": \"a state\", \"status\":"
                        + " \"passed\"}, {\"testDescription\": \"get invoice\", \"status\": \"failed\"}], \"summary\": {}}}");

        assertThat(database.single("SELECT string_agg(coalesce(interaction_id, '?') || ':' || success, ','"
                        + " ORDER BY verification_id, position) FROM verification_interaction_results"))
                .isEqualTo(orderId + ":true," + invoiceId + ":false," + orderId + ":true," + invoiceId + ":false");
        Long first = Long.valueOf(database.single("SELECT min(id) FROM verifications"));
        assertThat(verifications.failedInteractions(first)).singleElement().satisfies(r -> {
            assertThat(r.interactionId()).isEqualTo(invoiceId);
            assertThat(r.description()).isEqualTo("get invoice");
            assertThat(r.details()).contains("expected 200 but was 500");
        });
        assertThat(database.single("SELECT test_results -> 1 ->> 'interactionDescription' FROM verifications"
                        + " WHERE id = " + first))
                .isEqualTo("get invoice");
    }

    @Test
    void shouldReadResultsByNumberAndTheLatestInEveryWayThePactBrokerOffers() {
        world.consumer("Foo").version("1").tagged("prod").publishesPactWith("Bar");
        world.consumer("Foo").version("2").publishesPactWith("Bar");
        String first = publish("1", "{\"success\": false, \"providerApplicationVersion\": \"1\"}");
        String second = publish("1", "{\"success\": true, \"providerApplicationVersion\": \"2\"}");
        String number = second.substring(second.lastIndexOf('/') + 1);

        given().get(first).then().statusCode(200).body("success", equalTo(false));
        given().get(FOO_BAR + "/pact-version/" + sha("1") + "/metadata/" + PactMetadata.forConsumerVersionNumber("1")
                        + "/verification-results/" + number)
                .then()
                .statusCode(200)
                .body("success", equalTo(true));
        given().get(results("1") + "/latest").then().statusCode(200).body("providerApplicationVersion", equalTo("2"));
        given().get(FOO_BAR + "/version/1/verification-results/latest")
                .then()
                .statusCode(200)
                .body("success", equalTo(true));
        given().get(FOO_BAR + "/latest/prod/verification-results/latest")
                .then()
                .statusCode(200)
                .body("success", equalTo(true));
        given().get(FOO_BAR + "/latest/verification-results/latest")
                .then()
                .statusCode(404)
                .body(
                        "error",
                        startsWith("No verification results found for the pact between Foo and Bar with content"));
        given().get(results("1") + "/all")
                .then()
                .statusCode(404)
                .body("error", equalTo("To see all the verifications for a pact, use the Matrix page"));
        given().get(results("1") + "/abc").then().statusCode(404);
        given().get(results("1") + "/99999").then().statusCode(404);
    }

    @Test
    void shouldShowResultsOfTheSameContentForANewConsumerVersionAtOnce() {
        world.consumer("Foo").version("1").publishesPactWith("Bar", p -> p.interaction("get order"));
        world.provider("Bar").version("9").verifies("Foo", "1");

        world.consumer("Foo").version("2").publishesPactWith("Bar", p -> p.interaction("get order"));

        given().get(FOO_BAR + "/version/2/verification-results/latest")
                .then()
                .statusCode(200)
                .body("providerApplicationVersion", equalTo("9"))
                .body("success", equalTo(true));
        given().get(FOO_BAR + "/latest/verification-results/latest").then().statusCode(200);
        given().get("/verification-results/consumer/Foo/version/2/latest")
                .then()
                .statusCode(200)
                .body("success", equalTo(true));
    }

    @Test
    void shouldSummariseTheLatestResultsOfAConsumerVersionsPacts() {
        world.consumer("Foo")
                .version("1")
                .publishesPactWith("Bar")
                .publishesPactWith("Baz")
                .publishesPactWith("Qux");
        world.provider("Bar").version("1").failsToVerify("Foo", "1");
        world.provider("Bar").version("2").verifies("Foo", "1");
        world.provider("Baz").version("1").failsToVerify("Foo", "1");

        given().get("/verification-results/consumer/Foo/version/1/latest")
                .then()
                .statusCode(200)
                .body("success", equalTo(false))
                .body("providerSummary.successful", contains("Bar"))
                .body("providerSummary.failed", contains("Baz"))
                .body("providerSummary.unknown", contains("Qux"))
                .body("_embedded.verificationResults.providerName", contains("Bar", "Baz"))
                .body("_embedded.verificationResults[0].providerApplicationVersion", equalTo("2"))
                .body("_links.self.title", equalTo("Latest verification results for consumer Foo version 1"))
                .body("_links.self.href", equalTo(baseUrl() + "/verification-results/consumer/Foo/version/1/latest"));
        given().get("/verification-results/consumer/Foo/version/9/latest")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldSummariseAVersionWithoutPactsAsSuccessful() {
        world.consumer("Foo").version("1");

        given().get("/verification-results/consumer/Foo/version/1/latest")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("_embedded.verificationResults", empty());
    }

    @Test
    void shouldDeleteAResultAndFallBackToTheEarlierOneOfTheSameProviderVersion() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        String first = publish("1", "{\"success\": false, \"providerApplicationVersion\": \"1\"}");
        String second = publish("1", "{\"success\": true, \"providerApplicationVersion\": \"1\"}");
        String latest = "SELECT v.success FROM latest_verification_id_for_pact_version_and_provider_version lv"
                + " JOIN verifications v ON v.id = lv.verification_id";
        assertThat(database.single(latest)).isEqualTo("t");

        given().delete(second).then().statusCode(204);

        assertThat(database.single(latest)).isEqualTo("f");
        given().get(second).then().statusCode(404);
        given().delete(second).then().statusCode(404);
        given().delete(first).then().statusCode(204);
        assertThat(database.count("latest_verification_id_for_pact_version_and_provider_version"))
                .isZero();
    }

    @Test
    void shouldRefuseInvalidResultsWithThePactBrokersMessagesAndChangeNothing() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        String results = results("1");
        var before = database.fingerprint();

        json("{}")
                .when()
                .post(results)
                .then()
                .statusCode(400)
                .body("errors.success", contains("is missing"))
                .body("errors.providerApplicationVersion", contains("is missing"));
        json("{\"success\": \"yes\", \"providerApplicationVersion\": 1, \"buildUrl\": \"not a url\"}")
                .when()
                .post(results)
                .then()
                .statusCode(400)
                .body("errors.success", contains("must be boolean"))
                .body("errors.providerApplicationVersion", contains("must be a string"))
                .body("errors.buildUrl", contains("is not a valid URL eg. http://example.org"));
        json("{\"success\": true, \"providerApplicationVersion\": \" \"}")
                .when()
                .post(results)
                .then()
                .statusCode(400)
                .body("errors.providerApplicationVersion", contains("cannot be blank"));
        json("{\"success\": true, \"providerApplicationVersion\": \"1\"}")
                .when()
                .post(FOO_BAR + "/pact-version/0000/verification-results")
                .then()
                .statusCode(404)
                .body("error", equalTo("No pact found between Foo and Bar with content 0000"));
        json("{\"success\": true, \"providerApplicationVersion\": \"1\"}")
                .when()
                .post("/pacts/provider/Bar/consumer/Nobody/pact-version/0000/verification-results")
                .then()
                .statusCode(404)
                .body("error", equalTo("No consumer with name 'Nobody' found"));
        given().contentType("text/plain")
                .body("success")
                .when()
                .post(results)
                .then()
                .statusCode(415);

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    // the verification links of pacts

    @Test
    void shouldLinkTheLatestPactsToResultsForTheConsumerVersionTheyShow() {
        world.consumer("Foo").version("1").tagged("prod").publishesPactWith("Bar");
        world.consumer("Foo").version("2").publishesPactWith("Bar");

        String latest =
                given().get(FOO_BAR + "/latest").then().extract().path("_links.'pb:publish-verification-results'.href");
        String latestProd = given().get(FOO_BAR + "/latest/prod")
                .then()
                .extract()
                .path("_links.'pb:publish-verification-results'.href");

        PactMetadata.Decoded metadata = PactMetadata.decode(latestProd.replaceAll(".*/metadata/([^/]+)/.*", "$1"));
        assertThat(metadata.consumerVersionTags()).containsExactly("prod");
        assertThat(metadata.consumerVersionId())
                .isEqualTo(Long.valueOf(database.single("SELECT id FROM versions WHERE number = '1'")));
        assertThat(latest).startsWith(baseUrl() + FOO_BAR + "/pact-version/" + sha("2") + "/metadata/");
        json("{\"success\": true, \"providerApplicationVersion\": \"1\"}")
                .when()
                .post(latestProd.replace(baseUrl(), ""))
                .then()
                .statusCode(201);
        assertThat(database.single("SELECT consumer_version_selector_hashes FROM verifications"))
                .isNull();
    }

    @Test
    void shouldShowAContentWithTheConsumerVersionItsMetadataNames() {
        world.consumer("Foo").version("1").publishesPactWith("Bar", p -> p.interaction("get order"));
        world.consumer("Foo").version("2").publishesPactWith("Bar", p -> p.interaction("get order"));
        String byContent = FOO_BAR + "/pact-version/" + sha("1");

        given().get(byContent).then().statusCode(200).header("X-Pact-Consumer-Version", "2");
        given().get(byContent + "/metadata/" + PactMetadata.forConsumerVersionNumber("1"))
                .then()
                .statusCode(200)
                .header("X-Pact-Consumer-Version", "1")
                .body("_links.'pb:consumer-versions'.name", contains("1"))
                .body(
                        "_links.'pb:publish-verification-results'.href",
                        equalTo(baseUrl() + byContent + "/metadata/" + PactMetadata.forConsumerVersionNumber("1")
                                + "/verification-results"));
        given().get(byContent + "/metadata/garbage").then().statusCode(200).header("X-Pact-Consumer-Version", "2");
    }

    @Test
    void shouldRemoveResultsWithTheirPacticipant() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.provider("Bar").version("1").verifies("Foo", "1");

        given().delete("/pacticipants/Bar").then().statusCode(204);

        assertThat(database.count("verifications")).isZero();
        assertThat(database.count("latest_verification_id_for_pact_version_and_provider_version"))
                .isZero();
    }

    @Test
    void shouldListNoVerificationsForAContentNobodyVerified() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");

        given().get(results("1") + "/latest").then().statusCode(404);
        assertThat(List.of(database.count("verifications"))).containsExactly(0L);
        given().get("/verification-results/consumer/Foo/version/1/latest")
                .then()
                .body("providerSummary.unknown", contains("Bar"))
                .body("_embedded.verificationResults", hasSize(0));
    }
}
