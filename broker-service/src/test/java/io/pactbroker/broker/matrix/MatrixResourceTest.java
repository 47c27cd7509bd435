package io.pactbroker.broker.matrix;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.pactbroker.broker.support.ApiTest;
import io.pactbroker.broker.support.RawQuery;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /matrix} with the Pact Broker's query grammar, and the other can-i-deploy forms. */
@QuarkusTest
class MatrixResourceTest extends ApiTest {

    /** A matrix query, sent exactly as written (brackets encoded as clients encode them). */
    private static ValidatableResponse matrix(String query) {
        return RawQuery.get("/matrix", query, "application/hal+json");
    }

    @Test
    void shouldAnswerForTwoVersions() {
        world.consumer("Foo").version("1.2.3").publishesPactWith("Bar");
        world.verified("Foo", "1.2.3", "Bar", "4.5.6", true);
        world.verified("Foo", "1.2.3", "Bar", "7.8.9", false);

        matrix("q[][pacticipant]=Foo&q[][version]=1.2.3&q[][pacticipant]=Bar&q[][version]=4.5.6&latestby=cvpv")
                .statusCode(200)
                .body("summary.deployable", equalTo(true))
                .body("matrix", hasSize(1))
                .body("matrix[0].provider.version.number", equalTo("4.5.6"));
        matrix("q[][pacticipant]=Foo&q[][version]=1.2.3&q[][pacticipant]=Bar&q[][version]=7.8.9&latestby=cvpv")
                .body("summary.deployable", equalTo(false))
                .body(
                        "summary.reason",
                        equalTo("The verification for the pact between version 1.2.3 of Foo and version 7.8.9 of Bar"
                                + " failed"));
    }

    @Test
    void shouldReadSelectorsSentSortedByName() {
        world.consumer("Foo").version("1.2.3").publishesPactWith("Bar");
        world.verified("Foo", "1.2.3", "Bar", "4.5.6", true);

        matrix("latestby=cvpv&q[][pacticipant]=Foo&q[][pacticipant]=Bar&q[][version]=1%2e2%2e3&q[][version]=4%2e5%2e6")
                .statusCode(200)
                .body("summary.deployable", equalTo(true))
                .body("matrix[0].consumer.version.number", equalTo("1.2.3"));
        matrix("q[]pacticipant=Foo&q[]version=1.2.3&q[]pacticipant=Bar&q[]version=4.5.6&latestby=cvpv")
                .body("summary.deployable", equalTo(true));
    }

    @Test
    void shouldSayWhichSpecifiedVersionDoesNotExist() {
        world.consumer("Foo").version("1.2.3").publishesPactWith("Bar");
        world.verified("Foo", "1.2.3", "Bar", "4.5.6", true);

        matrix("q[][pacticipant]=Foo&q[][version]=1.2.3&q[][pacticipant]=Bar&q[][version]=9.9.9&latestby=cvpv")
                .statusCode(200)
                .body("summary.deployable", equalTo(false))
                .body(
                        "summary.reason",
                        equalTo("No pacts or verifications have been published for version 9.9.9 of Bar"));
    }

    @Test
    void shouldAnswerWithTheLatestVersionsOfTheOthers() {
        world.consumer("Foo").version("1.2.3").publishesPactWith("Bar");
        world.verified("Foo", "1.2.3", "Bar", "4.5.6", false);
        world.verified("Foo", "1.2.3", "Bar", "5.6.7", true);

        matrix("q[][pacticipant]=Foo&q[][version]=1.2.3&latestby=cvp&latest=true")
                .statusCode(200)
                .body("summary.deployable", equalTo(true))
                .body("matrix[0].provider.version.number", equalTo("5.6.7"))
                .body(
                        "summary.reason",
                        equalTo("WARN: It is recommended to specify the environment into which you are deploying."
                                + " Without the environment, this result will not be reliable.\n"
                                + "All required verification results are published and successful"))
                .body("notices.type", contains("warning", "success"));
    }

    @Test
    void shouldAnswerForTheLatestVersionsWithATag() {
        world.consumer("Foo").version("1.2.3").publishesPactWith("Bar");
        world.provider("Bar").version("4.5.6").tagged("prod");
        world.provider("Bar").version("5.6.7").tagged("prod");
        world.provider("Bar").version("6.0.0");
        world.verified("Foo", "1.2.3", "Bar", "4.5.6", false);
        world.verified("Foo", "1.2.3", "Bar", "5.6.7", true);
        world.verified("Foo", "1.2.3", "Bar", "6.0.0", false);

        matrix("q[][pacticipant]=Foo&q[][version]=1.2.3&latestby=cvp&latest=true&tag=prod")
                .statusCode(200)
                .body("summary.deployable", equalTo(true))
                .body("matrix", hasSize(1))
                .body("matrix[0].provider.version.number", equalTo("5.6.7"))
                .body("matrix[0].provider.version.tags[0].name", equalTo("prod"))
                .body("matrix[0].provider.version.tags[0].latest", equalTo(true));
        given().queryParam("pacticipant", "Foo")
                .queryParam("version", "1.2.3")
                .queryParam("to", "prod")
                .when()
                .get("/can-i-deploy")
                .then()
                .statusCode(200)
                .body("summary.deployable", equalTo(true));
    }

    @Test
    void shouldAnswerForTheHeadsOfTheMainBranches() {
        world.provider("Bar").withMainBranch("main");
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.provider("Bar").version("10").onBranch("main");
        world.provider("Bar").version("11").onBranch("feat");
        world.verified("Foo", "1", "Bar", "10", true);
        world.verified("Foo", "1", "Bar", "11", false);

        matrix("q[][pacticipant]=Foo&q[][version]=1&mainBranch=true&latest=true&latestby=cvp")
                .statusCode(200)
                .body("summary.deployable", equalTo(true))
                .body("matrix[0].provider.version.number", equalTo("10"))
                .body("matrix[0].provider.version.branch", equalTo("main"));

        world.provider("Bar").version("12").onBranch("main");
        matrix("q[][pacticipant]=Foo&q[][version]=1&mainBranch=true&latest=true&latestby=cvp")
                .body("summary.deployable", nullValue())
                .body(
                        "summary.reason",
                        equalTo("There is no verified pact between version 1 of Foo and the latest version of Bar"
                                + " from branch main (12)"));
    }

    @Test
    void shouldSayWhenAProviderHasNoMainBranchVersion() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.verified("Foo", "1", "Bar", "10", true);

        matrix("q[][pacticipant]=Foo&q[][version]=1&mainBranch=true&latest=true&latestby=cvp")
                .body("summary.deployable", nullValue())
                .body(
                        "summary.reason",
                        equalTo("There is no verified pact between version 1 of Foo and the latest version of Bar"
                                + " from the main branch (no versions exist for this branch)"))
                .body("explanation.problems[0].type", equalTo("no_version_in_target"));
    }

    @Test
    void shouldAnswerForBranches() {
        world.consumer("Foo").version("1").onBranch("feat-x").publishesPactWith("Bar");
        world.consumer("Foo").version("2").onBranch("feat-x").publishesPactWith("Bar");
        world.provider("Bar").version("10").onBranch("feat-x");
        world.provider("Bar").version("11").onBranch("main");
        world.verified("Foo", "2", "Bar", "10", true);
        world.verified("Foo", "1", "Bar", "10", false);

        matrix("q[][pacticipant]=Foo&q[][branch]=feat-x&q[][latest]=true&branch=feat-x&latest=true&latestby=cvp")
                .statusCode(200)
                .body("summary.deployable", equalTo(true))
                .body("matrix[0].consumer.version.number", equalTo("2"))
                .body("matrix[0].provider.version.number", equalTo("10"))
                .body("notices.text", hasItem(containsString("It is recommended to specify the version number")));
        given().when()
                .get("/pacticipants/Foo/branches/feat-x/latest-version/can-i-deploy/to-environment/production")
                .then()
                .statusCode(404);
        world.environment("production");
        world.provider("Bar").version("10").deployedTo("production");
        given().when()
                .get("/pacticipants/Foo/branches/feat-x/latest-version/can-i-deploy/to-environment/production")
                .then()
                .statusCode(200)
                .body("summary.deployable", equalTo(true));
    }

    @Test
    void shouldAnswerForTheLatestTaggedVersionToATag() {
        world.consumer("Foo").version("1").tagged("dev").publishesPactWith("Bar");
        world.provider("Bar").version("2").tagged("prod");
        world.verified("Foo", "1", "Bar", "2", true);

        given().when()
                .get("/pacticipants/Foo/latest-version/dev/can-i-deploy/to/prod")
                .then()
                .statusCode(200)
                .body("summary.deployable", equalTo(true))
                .body(
                        "summary.reason",
                        equalTo("WARN: It is recommended to specify the version number (rather than the tag or"
                                + " branch) of the pacticipant you wish to deploy to avoid race conditions. Without a"
                                + " version number, this result will not be reliable.\n"
                                + "All required verification results are published and successful"));
        given().when()
                .get("/pacticipants/Foo/latest-version/nope/can-i-deploy/to/prod")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldIgnoreAVersionOfAllConsumersWithATag() {
        world.consumer("Foo").version("1.2.3").tagged("prod").publishesPactWith("Bar");
        world.consumer("Foo").version("3.4.5").tagged("prod").publishesPactWith("Bar");
        world.verified("Foo", "1.2.3", "Bar", "4.5.6", true);
        world.verified("Foo", "3.4.5", "Bar", "4.5.6", false);

        matrix("q[][pacticipant]=Bar&q[][version]=4.5.6&q[][pacticipant]=Foo&q[][tag]=prod&latestby=cvpv"
                        + "&ignore[][pacticipant]=Foo&ignore[][version]=3.4.5")
                .statusCode(200)
                .body("summary.deployable", equalTo(true))
                .body("summary.ignored", equalTo(1))
                .body("matrix[0].consumer.version.number", equalTo("1.2.3"))
                .body("matrix[1].consumer.version.number", equalTo("3.4.5"))
                .body("matrix[1].ignored", equalTo(true))
                .body("matrix[1].verificationResult.success", equalTo(false));
    }

    @Test
    void shouldBrowseAllVersionsOfTwoPacticipants() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.consumer("Foo").version("2").onBranch("main").publishesPactWith("Bar");
        world.consumer("Foo").version("3").onBranch("main").publishesPactWith("Bar");
        world.verified("Foo", "1", "Bar", "10", true);
        world.verified("Foo", "2", "Bar", "20", false);

        matrix("q[][pacticipant]=Foo&q[][pacticipant]=Bar&latestby=cvpv")
                .statusCode(200)
                .body("summary.deployable", equalTo(false))
                .body("summary.success", equalTo(1))
                .body("summary.failed", equalTo(1))
                .body("summary.unknown", equalTo(1))
                .body(
                        "summary.reason",
                        equalTo("The verification for the pact between any version of Foo and any version of Bar"
                                + " failed\nThere is no verified pact between any version of Foo and any version of"
                                + " Bar"))
                .body("matrix.consumer.version.number", contains("2", "1", "3"))
                .body("matrix[2].provider.version", nullValue())
                .body("matrix[2].consumer.version.branch", equalTo("main"))
                .body("matrix[2].consumer.version.branchVersions[0].latest", equalTo(true));
        matrix("q[][pacticipant]=Foo&q[][pacticipant]=Bar&latestby=cvpv&success[]=true")
                .body("summary.deployable", equalTo(true))
                .body("matrix", hasSize(1));
        matrix("q[][pacticipant]=Foo&q[][pacticipant]=Bar&latestby=cvpv&limit=1")
                .body("matrix", hasSize(1));
        given().when()
                .get("/matrix/provider/Bar/consumer/Foo")
                .then()
                .statusCode(200)
                .body("matrix", hasSize(3))
                .body("summary.failed", equalTo(1));
        given().when().get("/matrix/provider/Bar/consumer/Nope").then().statusCode(404);
    }

    @Test
    void shouldListEveryRevisionAndVerificationWithoutLatestby() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.verified("Foo", "1", "Bar", "10", false);
        world.verified("Foo", "1", "Bar", "10", true);

        matrix("q[][pacticipant]=Foo&q[][pacticipant]=Bar")
                .body("matrix", hasSize(2))
                .body("matrix.verificationResult.success", contains(true, false));
        matrix("q[][pacticipant]=Foo&q[][pacticipant]=Bar&latestby=cvpv")
                .body("matrix", hasSize(1))
                .body("summary.deployable", equalTo(true));
    }

    @Test
    void shouldListEverythingAVersionPublishedAndVerified() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.consumer("Bar").version("10").publishesPactWith("Baz");
        world.verified("Foo", "1", "Bar", "10", true);
        world.verified("Bar", "10", "Baz", "7", true);

        matrix("q[][pacticipant]=Bar&q[][version]=10&latestby=cvpv")
                .statusCode(200)
                .body("matrix", hasSize(2))
                .body("matrix.provider.name", containsInAnyOrder("Bar", "Baz"));
    }

    @Test
    void shouldRefuseInvalidQueriesWithTheListOfProblems() {
        world.pacticipant("Foo").version("1");
        world.environment("production");
        Map<String, String> before = database.fingerprint();

        matrix("latestby=cvpv")
                .statusCode(400)
                .contentType("application/hal+json;charset=utf-8")
                .body("errors", contains("Please provide 1 or more version selectors."));
        matrix("q[][pacticipant]=Wiffle&q[][version]=1.2.3&q[][pacticipant]=Meep&q[][version]=9.9.9&latestby=cvpv")
                .statusCode(400)
                .body("errors", contains("Pacticipant Wiffle not found", "Pacticipant Meep not found"));
        matrix("q[][version]=1&q[][version]=2")
                .statusCode(400)
                .body("errors", hasItem("Please specify the pacticipant name"));
        matrix("q[][pacticipant]=Foo&q[][version]=1&q[][latest]=true&limit=0&tag=prod&environment=production"
                        + "&latest=true")
                .statusCode(400)
                .body(
                        "errors",
                        contains(
                                "A version number and latest flag cannot both be specified for Foo",
                                "Cannot specify more than one of tag, environment and mainBranch.",
                                "Cannot specify both latest=true and an environment.",
                                "The limit must be 1 or greater."));
        matrix("q[][pacticipant]=Foo&environment=staging")
                .statusCode(400)
                .body("errors", contains("Environment with name 'staging' does not exist"));
        RawQuery.get("/matrix", "latestby=cvp", "application/problem+json")
                .statusCode(400)
                .body("errors.detail", contains("Please provide 1 or more version selectors."));

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldWriteTheTableEvenWithoutRows() {
        world.pacticipant("Foo").version("1");

        String text = RawQuery.get(
                        "/matrix", "q[][pacticipant]=Foo&q[][version]=1&latestby=cvp&latest=true", "text/plain")
                .statusCode(200)
                .header("Vary", "Accept")
                .extract()
                .asString();

        assertThat(text).startsWith("No data.\n\nDeployable: true\nReason: WARN: ");
    }

    @Test
    void shouldMarkEveryProblemRowOfAFailingBrowse() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.verified("Foo", "1", "Bar", "10", false);

        matrix("q[][pacticipant]=Foo&q[][pacticipant]=Bar&latestby=cvpv")
                .body("explanation.problems.type", everyItem(equalTo("verification_failed")))
                .body("explanation.problems[0].failedInteractions", nullValue())
                .body("explanation.problems[0].message", containsString("the verifier published no test results"));
    }

    @Test
    void shouldBeLinkedFromPactsIntegrationsAndPacticipants() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.verified("Foo", "1", "Bar", "2", true);

        String fromPact = given().get("/pacts/provider/Bar/consumer/Foo/version/1")
                .then()
                .extract()
                .path("_links.'pb:matrix-for-consumer-version'.href");
        given().urlEncodingEnabled(false)
                .when()
                .get(fromPact.replace(baseUrl(), ""))
                .then()
                .statusCode(200)
                .body("matrix[0].consumer.version.number", equalTo("1"))
                .body("matrix[0].provider.version.number", equalTo("2"));
        String fromIntegration =
                given().get("/integrations").then().extract().path("_embedded.integrations[0]._links.'pb:matrix'.href");
        assertThat(fromIntegration).isEqualTo(baseUrl() + "/matrix/provider/Bar/consumer/Foo");
        given().get("/pacticipants/Foo")
                .then()
                .body(
                        "_links.'pb:can-i-deploy-badge'.href",
                        equalTo(baseUrl()
                                + "/pacticipants/Foo/latest-version/{tag}/can-i-deploy/to/{environmentTag}/badge"))
                .body("_links.'pb:can-i-deploy-branch-to-environment-badge'.templated", equalTo(true));
    }

    @Test
    void shouldWorkOutWhichSortedValuesBelongToWhichPacticipant() {
        world.consumer("Foo").version("1.2.3").publishesPactWith("Bar");
        world.consumer("Foo").version("1.2.4").publishesPactWith("Bar");
        world.provider("Bar").version("4.5.6").tagged("prod");
        world.verified("Foo", "1.2.3", "Bar", "4.5.6", true);
        world.verified("Foo", "1.2.4", "Bar", "9.9.9", false);

        matrix("latestby=cvpv&q[][latest]=true&q[][pacticipant]=Foo&q[][pacticipant]=Bar&q[][tag]=prod"
                        + "&q[][version]=1%2e2%2e3")
                .statusCode(200)
                .body("summary.deployable", equalTo(true))
                .body("matrix[0].consumer.version.number", equalTo("1.2.3"))
                .body("matrix[0].provider.version.number", equalTo("4.5.6"));
        matrix("latestby=cvpv&q[][latest]=true&q[][pacticipant]=Foo&q[][pacticipant]=Bar&q[][version]=1%2e2%2e4")
                .statusCode(200)
                .body("summary.deployable", equalTo(false))
                .body("matrix[0].consumer.version.number", equalTo("1.2.4"))
                .body("matrix[0].provider.version.number", equalTo("9.9.9"))
                .body("matrix[0].verificationResult.success", equalTo(false));
    }

    @Test
    void shouldWorkOutSortedSelectorsWithIgnores() {
        world.consumer("Foo").version("1.2.3").tagged("prod").publishesPactWith("Bar");
        world.consumer("Foo").version("3.4.5").tagged("prod").publishesPactWith("Bar");
        world.verified("Foo", "1.2.3", "Bar", "4.5.6", true);
        world.verified("Foo", "3.4.5", "Bar", "4.5.6", false);

        matrix("ignore[][pacticipant]=Foo&ignore[][version]=3%2e4%2e5&latestby=cvpv&q[][pacticipant]=Bar"
                        + "&q[][pacticipant]=Foo&q[][tag]=prod&q[][version]=4%2e5%2e6")
                .statusCode(200)
                .body("summary.deployable", equalTo(true))
                .body("summary.ignored", equalTo(1))
                .body("matrix.consumer.version.number", contains("1.2.3", "3.4.5"))
                .body("matrix[1].ignored", equalTo(true));
    }
}
