package io.pactbroker.broker.pacticipants;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.pactbroker.broker.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A pacticipant without a main branch gets one from the first branch or tag named develop, main or master, as the
 * Ruby broker's auto_detect_main_branch does. Real clients (the Pact CLI, pact-jvm) publish with {@code --branch main}
 * and never set the main branch, and then rely on the {@code mainBranch} selector.
 */
@QuarkusTest
class MainBranchDetectionTest extends ApiTest {

    private static final String PUBLISH = """
            {"pacticipantName": "Foo", "pacticipantVersionNumber": "1", "branch": "main",
             "contracts": [{"consumerName": "Foo", "providerName": "Bar", "specification": "pact",
               "contentType": "application/json",
               "content": "eyJjb25zdW1lciI6IHsibmFtZSI6ICJGb28ifSwgInByb3ZpZGVyIjogeyJuYW1lIjogIkJhciJ9LCAiaW50ZXJhY3Rpb25zIjogW3siZGVzY3JpcHRpb24iOiAiYSByZXF1ZXN0IiwgInJlcXVlc3QiOiB7Im1ldGhvZCI6ICJHRVQiLCAicGF0aCI6ICIvIn0sICJyZXNwb25zZSI6IHsic3RhdHVzIjogMjAwfX1dLCAibWV0YWRhdGEiOiB7InBhY3RTcGVjaWZpY2F0aW9uIjogeyJ2ZXJzaW9uIjogIjMuMC4wIn19fQ=="}]}
            """;

    private static final String FOR_VERIFICATION = """
            {"consumerVersionSelectors": [{"mainBranch": true}], "providerVersionBranch": "main",
             "includePendingStatus": true}
            """;

    @Test
    void shouldMakeTheFirstCandidateBranchTheMainBranch() {
        given().when()
                .put("/pacticipants/Foo/branches/feat-x/versions/1")
                .then()
                .statusCode(201);
        given().when().get("/pacticipants/Foo").then().statusCode(200).body("mainBranch", nullValue());

        given().when()
                .put("/pacticipants/Foo/branches/develop/versions/2")
                .then()
                .statusCode(201);
        given().when().put("/pacticipants/Foo/branches/main/versions/3").then().statusCode(201);

        given().when().get("/pacticipants/Foo").then().statusCode(200).body("mainBranch", equalTo("develop"));
    }

    @Test
    void shouldNeverReplaceAMainBranchThatWasSetExplicitly() {
        world.pacticipant("Foo").withMainBranch("trunk");

        given().when().put("/pacticipants/Foo/branches/main/versions/1").then().statusCode(201);

        given().when().get("/pacticipants/Foo").then().statusCode(200).body("mainBranch", equalTo("trunk"));
    }

    @Test
    void shouldTakeTheMainBranchFromACandidateTag() {
        given().when().put("/pacticipants/Foo/versions/1/tags/prod").then().statusCode(201);
        given().when().put("/pacticipants/Foo/versions/1/tags/master").then().statusCode(201);

        given().when().get("/pacticipants/Foo").then().statusCode(200).body("mainBranch", equalTo("master"));
    }

    @Test
    void shouldSelectAPactPublishedOnBranchMainWithTheMainBranchSelector() {
        json(PUBLISH).when().post("/contracts/publish").then().statusCode(200);

        json(FOR_VERIFICATION)
                .when()
                .post("/pacts/provider/Bar/for-verification")
                .then()
                .statusCode(200)
                .body("_embedded.pacts", hasSize(1))
                .body("_embedded.pacts[0].shortDescription", equalTo("latest from main branch"))
                .body("_embedded.pacts[0].verificationProperties.pending", equalTo(true));
    }

    @Test
    void shouldNoLongerBePendingOnceTheProviderMainBranchVerifiedIt() {
        json(PUBLISH).when().post("/contracts/publish").then().statusCode(200);
        given().when().put("/pacticipants/Bar/branches/main/versions/p1").then().statusCode(201);
        String pactUrl = json(FOR_VERIFICATION)
                .when()
                .post("/pacts/provider/Bar/for-verification")
                .then()
                .extract()
                .path("_embedded.pacts[0]._links.self.href");
        String resultsUrl =
                given().when().get(pactUrl).then().extract().path("_links.'pb:publish-verification-results'.href");
        json("{\"success\": true, \"providerApplicationVersion\": \"p1\"}")
                .when()
                .post(resultsUrl)
                .then()
                .statusCode(201);

        json(FOR_VERIFICATION)
                .when()
                .post("/pacts/provider/Bar/for-verification")
                .then()
                .statusCode(200)
                .body("_embedded.pacts", hasSize(1))
                .body("_embedded.pacts[0].verificationProperties.pending", equalTo(false))
                .body("_embedded.pacts[0].verificationProperties.wip", nullValue());
    }
}
