package io.pactbroker.broker.matrix;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.pactbroker.broker.support.ApiTest;
import io.pactbroker.broker.support.RawQuery;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** can-i-deploy to an environment, the answers and their explanations. */
@QuarkusTest
class CanIDeployTest extends ApiTest {

    @BeforeEach
    void production() {
        world.environment("production", "env-prod", true);
    }

    private static ValidatableResponse canIDeploy(String pacticipant, String version) {
        return given().queryParam("pacticipant", pacticipant)
                .queryParam("version", version)
                .queryParam("environment", "production")
                .when()
                .get("/can-i-deploy")
                .then()
                .statusCode(200)
                .contentType("application/hal+json;charset=utf-8");
    }

    @Test
    void shouldAllowDeploymentWhenTheProviderInTheEnvironmentVerifiedThePact() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.provider("Bar").version("2").deployedTo("production");
        world.verified("Foo", "1", "Bar", "2", true);

        canIDeploy("Foo", "1")
                .body("summary.deployable", equalTo(true))
                .body("summary.reason", equalTo("All required verification results are published and successful"))
                .body("summary.success", equalTo(1))
                .body("summary.failed", equalTo(0))
                .body("summary.unknown", equalTo(0))
                .body("summary", not(hasKey("ignored")))
                .body("notices[0].type", equalTo("success"))
                .body("matrix", hasSize(1))
                .body("matrix[0].consumer.name", equalTo("Foo"))
                .body("matrix[0].consumer.version.number", equalTo("1"))
                .body("matrix[0].provider.version.number", equalTo("2"))
                .body("matrix[0].provider.version.environments[0].name", equalTo("production"))
                .body(
                        "matrix[0].pact._links.self.href",
                        equalTo(baseUrl() + "/pacts/provider/Bar/consumer/Foo/version/1"))
                .body("matrix[0].verificationResult.success", equalTo(true))
                .body("matrix[0].verificationResult._links.self.href", containsString("/verification-results/1"))
                .body(
                        "explanation.summary",
                        equalTo("Foo 1 can be deployed to production: 1 required verification passed."))
                .body("explanation.problems", empty());
    }

    @Test
    void shouldRefuseDeploymentWhenTheVerificationFailedAndNameTheFailedInteractions() {
        world.consumer("Foo").version("1").publishesPactWith("Bar", pact -> pact.interaction("get order")
                .interaction("list orders"));
        world.provider("Bar").version("2").deployedTo("production");
        world.verifiedWithResults(
                "Foo",
                "1",
                "Bar",
                "2",
                false,
                "[{\"interactionDescription\": \"get order\","
                        + " \"success\": false, \"mismatches\": [{\"attribute\": \"body\", \"identifier\": \"$.id\","
                        + " \"description\": \"Expected 7 but received 8\"}]}, {\"interactionDescription\": \"list orders\","
                        + " \"success\": true}]");

        canIDeploy("Foo", "1")
                .body("summary.deployable", equalTo(false))
                .body(
                        "summary.reason",
                        equalTo("The verification for the pact between version 1 of Foo and the version of Bar"
                                + " currently in production (2) failed"))
                .body("summary.failed", equalTo(1))
                .body("notices[0].type", equalTo("error"))
                .body("explanation.summary", equalTo("Foo 1 cannot be deployed to production: 1 verification failed."))
                .body("explanation.problems[0].type", equalTo("verification_failed"))
                .body("explanation.problems[0].consumer.name", equalTo("Foo"))
                .body("explanation.problems[0].provider.version", equalTo("2"))
                .body(
                        "explanation.problems[0].provider.selectedAs",
                        equalTo("the version of Bar currently in production (2)"))
                .body(
                        "explanation.problems[0].message",
                        equalTo("The verification of the pact between Foo 1 and Bar 2 (currently in production)"
                                + " failed: 1 of 2 interactions failed (get order (given a state))."))
                .body("explanation.problems[0].failedInteractions[0].description", equalTo("get order"))
                .body("explanation.problems[0].failedInteractions[0].providerState", equalTo("a state"))
                .body(
                        "explanation.problems[0].failedInteractions[0].mismatches",
                        contains("body $.id: Expected 7 but received 8"))
                .body("explanation.problems[0].interactionsReported", equalTo(2))
                .body("explanation.problems[0]._links.'pb:build'.href", equalTo("https://ci.example/Bar/2"))
                .body("explanation.nextSteps[0]", startsWith("See what Bar 2 answered"));
    }

    @Test
    void shouldNotKnowWhenThePactWasNeverVerifiedByTheProviderInTheEnvironment() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.provider("Bar").version("2").deployedTo("production");

        canIDeploy("Foo", "1")
                .body("summary.deployable", nullValue())
                .body(
                        "summary.reason",
                        equalTo("There is no verified pact between version 1 of Foo and the version of Bar currently"
                                + " in production (2)"))
                .body("summary.unknown", equalTo(1))
                .body("matrix[0].provider.version.number", equalTo("2"))
                .body("matrix[0].verificationResult", nullValue())
                .body("explanation.problems[0].type", equalTo("not_verified"))
                .body(
                        "explanation.problems[0].message",
                        equalTo("Bar 2 (currently in production) has not verified the pact of Foo 1."))
                .body("explanation.nextSteps", hasItem(containsString("--retry-while-unknown")));
    }

    @Test
    void shouldNotKnowWhenTheEnvironmentHasNoVersionOfAProvider() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.provider("Bar").version("2");
        world.verified("Foo", "1", "Bar", "2", true);

        canIDeploy("Foo", "1")
                .body("summary.deployable", nullValue())
                .body(
                        "summary.reason",
                        equalTo("There is no verified pact between version 1 of Foo and a version of Bar currently in"
                                + " production (no version is currently recorded as deployed/released in this"
                                + " environment)"))
                .body("matrix[0].provider.version", nullValue())
                .body("explanation.problems[0].type", equalTo("no_version_in_target"))
                .body("explanation.problems[0].provider.version", nullValue())
                .body(
                        "explanation.problems[0].message",
                        equalTo("Foo 1 has a pact with Bar, but no version of Bar is currently deployed or released"
                                + " in production."))
                .body("explanation.nextSteps", hasItem(containsString("ignore[]=Bar")));
    }

    @Test
    void shouldAllowAPacticipantWithoutIntegrations() {
        world.pacticipant("Foo").version("1");

        canIDeploy("Foo", "1")
                .body("summary.deployable", equalTo(true))
                .body("summary.reason", equalTo("There are no missing dependencies"))
                .body("matrix", empty())
                .body(
                        "explanation.summary",
                        equalTo("Foo 1 can be deployed to production: nothing it depends on needs verifying."));
    }

    @Test
    void shouldRefuseAVersionThatDoesNotExist() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");

        canIDeploy("Foo", "99")
                .body("summary.deployable", equalTo(false))
                .body("summary.reason", equalTo("No pacts or verifications have been published for version 99 of Foo"))
                .body("explanation.problems[0].type", equalTo("version_not_found"))
                .body("explanation.problems[0].pacticipant.name", equalTo("Foo"))
                .body("explanation.problems[0].pacticipant.version", equalTo("99"));
    }

    @Test
    void shouldIgnoreAProviderWhenAsked() {
        world.consumer("Foo").version("1").publishesPactWith("Bar").publishesPactWith("Baz");
        world.provider("Bar").version("2").deployedTo("production");
        world.provider("Baz").version("3").deployedTo("production");
        world.verified("Foo", "1", "Bar", "2", true);
        world.verified("Foo", "1", "Baz", "3", false);

        given().queryParam("pacticipant", "Foo")
                .queryParam("version", "1")
                .queryParam("environment", "production")
                .queryParam("ignore[]", "Baz")
                .when()
                .get("/can-i-deploy")
                .then()
                .statusCode(200)
                .body("summary.deployable", equalTo(true))
                .body("summary.ignored", equalTo(1))
                .body("summary.success", equalTo(1))
                .body("matrix.ignored", contains(nullValue(), equalTo(true)))
                .body("explanation.summary", containsString("(1 ignored)"));
        RawQuery.get(
                        "/can-i-deploy",
                        "pacticipant=Foo&version=1&environment=production&ignore[][pacticipant]=Baz&ignore[][version]=3",
                        "application/json")
                .body("summary.deployable", equalTo(true));
        RawQuery.get(
                        "/can-i-deploy",
                        "pacticipant=Foo&version=1&environment=production&ignore[][pacticipant]=Baz&ignore[][version]=4",
                        "application/json")
                .body("summary.deployable", equalTo(false))
                .body("notices[0].type", equalTo("warning"))
                .body("notices[0].text", equalTo("WARN: Cannot ignore version 4 of Baz (no such version exists)"));
    }

    @Test
    void shouldCheckEveryLiveProviderVersionNotOnlyTheNewest() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.provider("Bar").version("2").deployedTo("production", "eu");
        world.provider("Bar").version("3").deployedTo("production", "us");
        world.verified("Foo", "1", "Bar", "3", true);

        canIDeploy("Foo", "1")
                .body("summary.deployable", nullValue())
                .body("summary.success", equalTo(1))
                .body("summary.unknown", equalTo(1))
                .body("matrix", hasSize(2))
                .body("matrix.provider.version.number", containsInAnyOrder("2", "3"))
                .body(
                        "summary.reason",
                        equalTo("There is no verified pact between version 1 of Foo and one of the versions of Bar"
                                + " currently in production (2)"));

        world.verified("Foo", "1", "Bar", "2", false);
        canIDeploy("Foo", "1").body("summary.deployable", equalTo(false));

        world.verified("Foo", "1", "Bar", "2", true);
        canIDeploy("Foo", "1").body("summary.deployable", equalTo(true)).body("summary.success", equalTo(2));
    }

    @Test
    void shouldCheckEverySupportedReleaseButOnlyTheCurrentDeployment() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.provider("Bar").version("2").deployedTo("production");
        world.verified("Foo", "1", "Bar", "2", false);
        world.provider("Bar").version("3").deployedTo("production");
        world.verified("Foo", "1", "Bar", "3", true);

        canIDeploy("Foo", "1").body("summary.deployable", equalTo(true)).body("matrix", hasSize(1));

        world.consumer("Foo").version("2").publishesPactWith("Bar");
        world.provider("Bar").version("4").releasedTo("production");
        world.provider("Bar").version("5").releasedTo("production");
        world.verified("Foo", "2", "Bar", "3", true);
        world.verified("Foo", "2", "Bar", "4", false);
        world.verified("Foo", "2", "Bar", "5", true);

        canIDeploy("Foo", "2")
                .body("summary.deployable", equalTo(false))
                .body("matrix", hasSize(3))
                .body(
                        "explanation.problems[0].provider.selectedAs",
                        equalTo("one of the versions of Bar currently in production (4)"));

        String release = given().queryParam("pacticipant", "Bar")
                .queryParam("version", "4")
                .get("/environments/env-prod/released-versions/currently-supported")
                .then()
                .extract()
                .path("_embedded.releasedVersions[0].uuid");
        given().contentType("application/merge-patch+json")
                .body("{\"currentlySupported\": false}")
                .patch("/released-versions/" + release)
                .then()
                .statusCode(200);
        canIDeploy("Foo", "2").body("summary.deployable", equalTo(true)).body("summary.success", equalTo(2));
    }

    @Test
    void shouldCheckAProviderAgainstEveryConsumerVersionInTheEnvironment() {
        world.consumer("Foo").version("1").publishesPactWith("Bar").deployedTo("production", "a");
        world.consumer("Foo").version("2").publishesPactWith("Bar").deployedTo("production", "b");
        world.verified("Foo", "1", "Bar", "9", true);
        world.pacticipant("Bar").version("9");

        canIDeploy("Bar", "9")
                .body("summary.deployable", nullValue())
                .body("matrix", hasSize(2))
                .body(
                        "summary.reason",
                        equalTo("There is no verified pact between one of the versions of Foo currently in production"
                                + " (2) and version 9 of Bar"))
                .body(
                        "explanation.problems[0].message",
                        equalTo("Bar 9 has not verified the pact of Foo 2 (currently in production)."))
                .body("explanation.problems[0].nextSteps[0]", containsString("{\"environment\": \"production\"}"));

        world.verified("Foo", "2", "Bar", "9", true);
        canIDeploy("Bar", "9").body("summary.deployable", equalTo(true));
    }

    @Test
    void shouldLetAProviderGoWhereItsConsumersAreNot() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.pacticipant("Bar").version("9");

        canIDeploy("Bar", "9")
                .body("summary.deployable", equalTo(true))
                .body("summary.reason", equalTo("There are no missing dependencies"));
    }

    @Test
    void shouldTreatAnUnchangedPactAsVerifiedAtOnce() {
        world.consumer("Foo").version("1").publishesPactWith("Bar", pact -> pact.interaction("get order"));
        world.provider("Bar").version("2").deployedTo("production");
        world.verified("Foo", "1", "Bar", "2", true);
        world.consumer("Foo").version("2").publishesPactWith("Bar", pact -> pact.interaction("get order"));

        canIDeploy("Foo", "2").body("summary.deployable", equalTo(true));
    }

    @Test
    void shouldAnswerInPlainTextWithTheExplanation() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.provider("Bar").version("2").deployedTo("production");
        world.verified("Foo", "1", "Bar", "2", false);

        String text = given().accept("text/plain")
                .queryParam("pacticipant", "Foo")
                .queryParam("version", "1")
                .queryParam("environment", "production")
                .when()
                .get("/can-i-deploy")
                .then()
                .statusCode(200)
                .contentType("text/plain;charset=utf-8")
                .extract()
                .asString();

        assertThat(text)
                .startsWith("CONSUMER | C_VERSION | REVISION | PROVIDER | P_VERSION | NUMBER | SUCCESS\n"
                        + "---------|-----------|----------|----------|-----------|--------|--------\n"
                        + "Foo      | 1         | 1        | Bar      | 2         | 1      | false  \n\n"
                        + "Deployable: false\n"
                        + "Reason: The verification for the pact between version 1 of Foo and the version of Bar"
                        + " currently in production (2) failed\n")
                .contains("Explanation: Foo 1 cannot be deployed to production: 1 verification failed.")
                .contains("Pact: " + baseUrl() + "/pacts/provider/Bar/consumer/Foo/version/1")
                .contains("Next steps:");
    }

    @Test
    void shouldRefuseAQueryWithoutWhatToDeployOrWhere() {
        world.pacticipant("Foo").version("1");
        Map<String, String> before = database.fingerprint();

        given().when()
                .get("/can-i-deploy")
                .then()
                .statusCode(400)
                .body("errors.pacticipant", contains("is missing"))
                .body("errors.version", contains("is missing"))
                .body("errors.''", contains("Must specify either an environment or a 'to' tag."));
        given().queryParam("pacticipant", "Foo")
                .queryParam("version", "1")
                .queryParam("environment", "production")
                .queryParam("to", "prod")
                .when()
                .get("/can-i-deploy")
                .then()
                .statusCode(400)
                .body("errors.''", contains("Cannot specify both a 'to' tag and an environment."));
        given().queryParam("pacticipant", "Nope")
                .queryParam("version", "1")
                .queryParam("environment", "staging")
                .when()
                .get("/can-i-deploy")
                .then()
                .statusCode(400)
                .body("errors.pacticipant", contains("does not match an existing pacticipant"))
                .body("errors.environment", contains("with name 'staging' does not exist"));

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldCheckEveryLiveVersionAlsoWhenThePactCliAsksForTheNewestProviderVersion() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.provider("Bar").version("2").deployedTo("production", "eu");
        world.provider("Bar").version("3").deployedTo("production", "us");
        world.verified("Foo", "1", "Bar", "2", false);
        world.verified("Foo", "1", "Bar", "3", true);

        RawQuery.get(
                        "/matrix",
                        "q[][pacticipant]=Foo&q[][version]=1&latestby=cvp&environment=production",
                        "application/hal+json")
                .statusCode(200)
                .body("summary.deployable", equalTo(false))
                .body("matrix", hasSize(2));
    }

    @Test
    void shouldRepeatTheExplanationAsNoticesForClientsThatPrintNotices() {
        world.consumer("Foo").version("1").publishesPactWith("Bar", pact -> pact.interaction("get order"));
        world.provider("Bar").version("2").deployedTo("production");
        world.verifiedWithResults(
                "Foo",
                "1",
                "Bar",
                "2",
                false,
                "[{\"interactionDescription\": \"get order\","
                        + " \"success\": false, \"mismatches\": [{\"attribute\": \"status\", \"description\":"
                        + " \"expected 200 but was 500\"}]}]");

        canIDeploy("Foo", "1")
                .body("notices.type", contains("error", "info", "info", "info", "info"))
                .body(
                        "notices[2].text",
                        equalTo("  Failed: get order (given a state): status: expected 200 but was 500"))
                .body("notices[3].text", startsWith("Next: "));
    }
}
