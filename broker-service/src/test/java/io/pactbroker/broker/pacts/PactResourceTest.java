package io.pactbroker.broker.pacts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.pactbroker.broker.support.ApiTest;
import io.pactbroker.broker.support.PactJson;
import io.pactbroker.core.hash.ContentHash;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PactResourceTest extends ApiTest {

    private static final String FOO_BAR = "/pacts/provider/Bar/consumer/Foo";

    @Test
    void shouldCreatePactWhenPutAndAddTheBrokersLinks() {
        String pact = PactJson.between("Foo", "Bar").interaction("get order").json();

        json(pact)
                .when()
                .put(FOO_BAR + "/version/1.0.0")
                .then()
                .statusCode(201)
                .contentType("application/hal+json;charset=utf-8")
                .body("consumer.name", equalTo("Foo"))
                .body("interactions[0].description", equalTo("get order"))
                .body("interactions[0]._id", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{40}"))
                .body("metadata.pactSpecification.version", equalTo("2.0.0"))
                .body("_links.self.href", equalTo(baseUrl() + FOO_BAR + "/version/1.0.0"))
                .body("_links.self.name", equalTo("Pact between Foo (1.0.0) and Bar"))
                .body("_links.'pb:consumer'.href", equalTo(baseUrl() + "/pacticipants/Foo"))
                .body("_links.'pb:provider'.title", equalTo("Provider"))
                .body("_links.'pb:consumer-version'.name", equalTo("1.0.0"))
                .body("_links.'pb:pact-version'.name", equalTo(ContentHash.sha(pact)))
                .body("_links.'pb:latest-pact-version'.href", equalTo(baseUrl() + FOO_BAR + "/latest"))
                .body("_links.'pb:previous-distinct'.href", endsWith("/version/1.0.0/previous-distinct"))
                .body("_links.'pb:diff-previous-distinct'.href", endsWith("/version/1.0.0/diff/previous-distinct"))
                .body(
                        "_links.'pb:publish-verification-results'.href",
                        equalTo(baseUrl() + FOO_BAR + "/pact-version/" + ContentHash.sha(pact)
                                + "/verification-results"))
                .body("_links.'pb:publish-verification-results'.title", equalTo("Publish verification results"))
                .body(
                        "_links.'pb:latest-verification-results'.href",
                        equalTo(baseUrl() + FOO_BAR + "/pact-version/" + ContentHash.sha(pact)
                                + "/verification-results/latest"));

        assertThat(database.count("integrations")).isEqualTo(1);
        assertThat(database.count("latest_pact_publication_ids_for_consumer_versions"))
                .isEqualTo(1);
    }

    @Test
    void shouldAnswerOkAndKeepOneRevisionWhenSameContentIsPutAgain() {
        String pact = PactJson.between("Foo", "Bar").interaction("get order").json();
        json(pact).put(FOO_BAR + "/version/1.0.0");

        json(pact).when().put(FOO_BAR + "/version/1.0.0").then().statusCode(200);

        assertThat(database.count("pact_publications")).isEqualTo(1);
    }

    @Test
    void shouldRefuseChangedContentForExistingVersionAndChangeNothing() {
        world.consumer("Foo").version("1.0.0").publishesPactWith("Bar", p -> p.interaction("get order"));
        var before = database.fingerprint();

        json(PactJson.between("Foo", "Bar").interaction("get invoice").json())
                .when()
                .put(FOO_BAR + "/version/1.0.0")
                .then()
                .statusCode(409)
                .body(
                        "error",
                        startsWith("Cannot change the content of the pact for Foo version 1.0.0 and provider Bar"))
                .body("notices[1].text", containsString("+     \"description\" : \"get invoice\""));

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldMergeInteractionsWhenPatched() {
        world.consumer("Foo").version("1.0.0").publishesPactWith("Bar", p -> p.interaction("get order"));

        json(PactJson.between("Foo", "Bar").interaction("get invoice").json())
                .when()
                .patch(FOO_BAR + "/version/1.0.0")
                .then()
                .statusCode(200)
                .body("interactions.description", contains("get order", "get invoice"));

        assertThat(database.count("pact_publications")).isEqualTo(2);
        assertThat(database.single("SELECT max(revision_number) FROM pact_publications"))
                .isEqualTo("2");
    }

    @Test
    void shouldCreatePactWhenPatchedAndMissing() {
        json(PactJson.between("Foo", "Bar").interaction("get invoice").json())
                .when()
                .patch(FOO_BAR + "/version/1.0.0")
                .then()
                .statusCode(201);
    }

    @Test
    void shouldRefuseMergeWhenAnInteractionWouldChangeItsRequest() {
        world.consumer("Foo").version("1.0.0").publishesPactWith("Bar", p -> p.interaction("get order", "/orders/1"));
        var before = database.fingerprint();

        json(PactJson.between("Foo", "Bar")
                        .interaction("get order", "/orders/2")
                        .json())
                .when()
                .patch(FOO_BAR + "/version/1.0.0")
                .then()
                .statusCode(409)
                .body("error", containsString("different request"));

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseNamesInPactThatDoNotMatchThePath() {
        json(PactJson.between("Other", "Bar").interaction("x").json())
                .when()
                .put(FOO_BAR + "/version/1.0.0")
                .then()
                .statusCode(400)
                .body(
                        "errors.'consumer.name'",
                        contains("name in pact 'Other' does not match name in URL path 'Foo'."));

        assertThat(database.fingerprint()).isEqualTo(io.pactbroker.broker.support.Database.EMPTY);
    }

    @Test
    void shouldRefusePactThatIsNotAnObject() {
        json("[1, 2]")
                .when()
                .put(FOO_BAR + "/version/1.0.0")
                .then()
                .statusCode(400)
                .body("error", equalTo("Expected a JSON object in the request body but found an Array."));

        assertThat(database.fingerprint()).isEqualTo(io.pactbroker.broker.support.Database.EMPTY);
    }

    @Test
    void shouldRefusePactWithTrailingGarbage() {
        json("{\"consumer\": {\"name\": \"Foo\"}} trailing")
                .when()
                .put(FOO_BAR + "/version/1.0.0")
                .then()
                .statusCode(400)
                .body("error", startsWith("The request body is not valid JSON"));
    }

    @Test
    void shouldServePactByConsumerVersion() {
        world.consumer("Condor").version("1.3.0").publishesPactWith("Pricing Service");

        given().when()
                .get("/pacts/provider/{p}/consumer/{c}/version/{v}", "Pricing Service", "Condor", "1.3.0")
                .then()
                .statusCode(200)
                .contentType("application/hal+json;charset=utf-8")
                .body("consumer.name", equalTo("Condor"))
                .body("provider.name", equalTo("Pricing Service"));
    }

    @Test
    void shouldServeLatestPactWithConsumerVersionHeader() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.consumer("Foo").version("2").publishesPactWith("Bar");

        given().when()
                .get(FOO_BAR + "/latest")
                .then()
                .statusCode(200)
                .header("X-Pact-Consumer-Version", "2")
                .body("interactions[0].description", equalTo("request from 2"));
    }

    @Test
    void shouldAnswerNotFoundWhenThereIsNoPact() {
        world.pacticipant("Foo");
        world.pacticipant("Bar");

        given().when()
                .get(FOO_BAR + "/latest")
                .then()
                .statusCode(404)
                .body("error", startsWith("No pact found between Foo and Bar"));
        given().when()
                .get("/pacts/provider/Nope/consumer/Foo/latest")
                .then()
                .statusCode(404)
                .body("error", equalTo("No provider with name 'Nope' found"));
    }

    @Test
    void shouldServeLatestPactForTagAndLatestUntagged() {
        world.consumer("Foo").version("1").tagged("prod").publishesPactWith("Bar");
        world.consumer("Foo").version("2").publishesPactWith("Bar");
        world.consumer("Foo").version("3").tagged("dev").publishesPactWith("Bar");

        given().when().get(FOO_BAR + "/latest/prod").then().statusCode(200).header("X-Pact-Consumer-Version", "1");
        given().when().get(FOO_BAR + "/latest-untagged").then().statusCode(200).header("X-Pact-Consumer-Version", "2");
        given().when().get(FOO_BAR + "/latest/nope").then().statusCode(404);
    }

    @Test
    void shouldServePactsByBranch() {
        world.consumer("Foo").version("1").onBranch("main").publishesPactWith("Bar");
        world.consumer("Foo").version("2").onBranch("feat").publishesPactWith("Bar");
        world.consumer("Foo").version("3").onBranch("main").publishesPactWith("Bar");

        given().when()
                .get(FOO_BAR + "/branch/main/latest")
                .then()
                .statusCode(200)
                .header("X-Pact-Consumer-Version", "3");
        given().when()
                .get(FOO_BAR + "/branch/main")
                .then()
                .statusCode(200)
                .body("_embedded.pacts._embedded.consumerVersion.number", contains("3", "1"));
        given().when()
                .get(FOO_BAR + "/branch/main/latest/versions")
                .then()
                .body("_embedded.pacts._embedded.consumerVersion.number", contains("3"));
    }

    @Test
    void shouldServePactsForTheConsumersMainBranch() {
        world.consumer("Foo").withMainBranch("main");
        world.consumer("Foo").version("1").onBranch("main").publishesPactWith("Bar");
        world.consumer("Foo").version("2").onBranch("feat").publishesPactWith("Bar");

        given().when()
                .get(FOO_BAR + "/branch/versions")
                .then()
                .statusCode(200)
                .body("_embedded.pacts._embedded.consumerVersion.number", contains("1"));
        given().when().get(FOO_BAR + "/branch/latest/versions").then().body("_embedded.pacts", hasSize(1));
        given().when()
                .get("/pacts/provider/Bar/branch")
                .then()
                .statusCode(200)
                .body("_links.'pb:pacts'.name", contains("Foo"));
        given().when()
                .get("/pacts/provider/Bar/branch/latest")
                .then()
                .statusCode(200)
                .body("_links.'pb:pacts'[0].href", endsWith("/version/1"));
    }

    @Test
    void shouldServePactByContentShaPermalink() {
        world.consumer("Foo").version("1").publishesPactWith("Bar", p -> p.interaction("a"));
        world.consumer("Foo").version("2").publishesPactWith("Bar", p -> p.interaction("a"));
        String sha =
                ContentHash.sha(PactJson.between("Foo", "Bar").interaction("a").json());

        given().when()
                .get(FOO_BAR + "/pact-version/" + sha)
                .then()
                .statusCode(200)
                .header("X-Pact-Consumer-Version", "2")
                .body("_links.'pb:pact-version'.name", equalTo(sha));
        given().when()
                .get(FOO_BAR + "/pact-version/" + sha + "/metadata/abc")
                .then()
                .statusCode(200);
        given().when().get(FOO_BAR + "/pact-version/0000").then().statusCode(404);
    }

    @Test
    void shouldListAllVersionsOfAnIntegrationAndThoseWithATag() {
        world.consumer("Foo").version("1").tagged("prod").publishesPactWith("Bar");
        world.consumer("Foo").version("2").publishesPactWith("Bar");

        given().when()
                .get(FOO_BAR + "/versions")
                .then()
                .statusCode(200)
                .body("_embedded.pacts._embedded.consumerVersion.number", contains("2", "1"))
                .body("_links.self.title", equalTo("All versions of the pact between Foo and Bar"))
                .body("_links.'pb:pact-versions'", hasSize(2));
        given().when()
                .get(FOO_BAR + "/tag/prod")
                .then()
                .statusCode(200)
                .body("_embedded.pacts._embedded.consumerVersion.number", contains("1"));
    }

    @Test
    void shouldListLatestPactsOfEveryIntegration() {
        world.consumer("Condor").version("1.2.0").publishesPactWith("Pricing Service");
        world.consumer("Condor").version("1.3.0").publishesPactWith("Pricing Service");
        world.consumer("Foo").version("1").publishesPactWith("Bar");

        given().when()
                .get("/pacts/latest")
                .then()
                .statusCode(200)
                .body("pacts", hasSize(2))
                .body("pacts[0]._embedded.consumer.name", equalTo("Condor"))
                .body("pacts[0]._embedded.consumer._embedded.version.number", equalTo("1.3.0"))
                .body("pacts[0]._embedded.provider.name", equalTo("Pricing Service"))
                .body(
                        "pacts[0]._links.self[0].href",
                        equalTo(baseUrl() + "/pacts/provider/Pricing%20Service/consumer/Condor/latest"))
                .body("pacts[0]._links.self[1].href", endsWith("/consumer/Condor/version/1.3.0"))
                .body("_links.self.href", equalTo(baseUrl() + "/pacts/latest"));
    }

    @Test
    void shouldListPactsOfAProvider() {
        world.consumer("Condor").version("1").tagged("prod").publishesPactWith("Pricing Service");
        world.consumer("Condor").version("2").publishesPactWith("Pricing Service");
        world.consumer("Web").version("7").tagged("prod").publishesPactWith("Pricing Service");

        given().when()
                .get("/pacts/provider/{p}/latest", "Pricing Service")
                .then()
                .statusCode(200)
                .body("_links.'pb:pacts'.name", contains("Condor", "Web"))
                .body("_links.'pb:pacts'[0].title", equalTo("Pact between Condor (2) and Pricing Service"))
                .body("_links.'pb:provider'.name", equalTo("Pricing Service"))
                .body("_links.provider.title", equalTo("Pricing Service"));
        given().when()
                .get("/pacts/provider/{p}/latest/prod", "Pricing Service")
                .then()
                .body(
                        "_links.'pb:pacts'.title",
                        contains(
                                "Pact between Condor (1) and Pricing Service",
                                "Pact between Web (7) and Pricing Service"));
        given().when()
                .get("/pacts/provider/{p}", "Pricing Service")
                .then()
                .statusCode(200)
                .body("_links.'pb:pacts'", hasSize(3));
        given().when()
                .get("/pacts/provider/{p}/tag/prod", "Pricing Service")
                .then()
                .statusCode(200)
                .body("_links.'pb:pacts'", hasSize(2));
        given().when().get("/pacts/provider/Nope/latest").then().statusCode(404);
    }

    @Test
    void shouldListProviderPactsForANamedConsumerBranch() {
        world.consumer("Foo").version("1").onBranch("feat").publishesPactWith("Bar");
        world.consumer("Foo").version("2").onBranch("feat").publishesPactWith("Bar");

        given().when()
                .get("/pacts/provider/Bar/branch/feat")
                .then()
                .statusCode(200)
                .body("_links.'pb:pacts'", hasSize(2));
        given().when()
                .get("/pacts/provider/Bar/branch/feat/latest")
                .then()
                .statusCode(200)
                .body("_links.'pb:pacts'", hasSize(1));
    }

    @Test
    void shouldServePreviousDistinctVersionAndDiffWithIt() {
        world.consumer("Foo").version("1").publishesPactWith("Bar", p -> p.interaction("a"));
        world.consumer("Foo").version("2").publishesPactWith("Bar", p -> p.interaction("a"));
        world.consumer("Foo").version("3").publishesPactWith("Bar", p -> p.interaction("a")
                .interaction("b"));

        given().when()
                .get(FOO_BAR + "/version/3/previous-distinct")
                .then()
                .statusCode(200)
                .header("X-Pact-Consumer-Version", "2");
        given().when()
                .get(FOO_BAR + "/version/3/diff/previous-distinct")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("+     \"description\" : \"b\""));
        given().when().get(FOO_BAR + "/version/2/previous-distinct").then().statusCode(404);
    }

    @Test
    void shouldDiffTwoVersionsAndTwoContents() {
        world.consumer("Foo").version("1").publishesPactWith("Bar", p -> p.interaction("a"));
        world.consumer("Foo").version("2").publishesPactWith("Bar", p -> p.interaction("b"));
        String shaA =
                ContentHash.sha(PactJson.between("Foo", "Bar").interaction("a").json());
        String shaB =
                ContentHash.sha(PactJson.between("Foo", "Bar").interaction("b").json());

        given().when()
                .get(FOO_BAR + "/version/2/diff/version/1")
                .then()
                .statusCode(200)
                .body(containsString("-     \"description\" : \"a\""))
                .body(containsString("+     \"description\" : \"b\""));
        given().when()
                .get(FOO_BAR + "/pact-version/" + shaB + "/diff/pact-version/" + shaA)
                .then()
                .statusCode(200)
                .body(containsString("+     \"description\" : \"b\""));
    }

    @Test
    void shouldDeletePactOfAConsumerVersionAndTheIntegrationWithTheLastOne() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.consumer("Foo").version("2").publishesPactWith("Bar");

        given().when().delete(FOO_BAR + "/version/2").then().statusCode(204);
        given().when().get(FOO_BAR + "/latest").then().statusCode(200).header("X-Pact-Consumer-Version", "1");
        assertThat(database.count("integrations")).isEqualTo(1);

        given().when().delete(FOO_BAR + "/version/1").then().statusCode(204);
        given().when().get(FOO_BAR + "/latest").then().statusCode(404);
        assertThat(database.count("integrations")).isZero();
        assertThat(database.count("versions")).isEqualTo(2);
    }

    @Test
    void shouldKeepTheReadModelOnTheLatestRevision() {
        world.consumer("Foo").version("1").publishesPactWith("Bar", p -> p.interaction("get order"));
        json(PactJson.between("Foo", "Bar").interaction("get invoice").json()).patch(FOO_BAR + "/version/1");

        String latestPublication =
                database.single("SELECT pact_publication_id FROM latest_pact_publication_ids_for_consumer_versions");
        String newestRevision = database.single("SELECT id FROM pact_publications WHERE revision_number = 2");

        assertThat(latestPublication).isEqualTo(newestRevision);
    }

    @Test
    void shouldAnswerThePactBrokersDeprecatedPaths() {
        json(PactJson.between("Foo", "Bar").interaction("a").json())
                .when()
                .put("/pact/provider/Bar/consumer/Foo/version/1")
                .then()
                .statusCode(201);
        json(PactJson.between("Foo", "Bar").interaction("b").json())
                .when()
                .put(FOO_BAR + "/versions/2")
                .then()
                .statusCode(201);

        given().when()
                .get("/pact/provider/Bar/consumer/Foo/version/1")
                .then()
                .statusCode(200)
                .header("X-Pact-Consumer-Version", "1");
        given().when()
                .get(FOO_BAR + "/versions/1")
                .then()
                .statusCode(200)
                .body("interactions[0].description", equalTo("a"));
        given().when()
                .get("/pact/provider/Bar/consumer/Foo/latest")
                .then()
                .statusCode(200)
                .header("X-Pact-Consumer-Version", "2");
    }
}
