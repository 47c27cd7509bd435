package io.pactbroker.broker.environments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.pactbroker.broker.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeploymentResourceTest extends ApiTest {

    private static final String RECORD = "/pacticipants/Foo/versions/%s/deployed-versions/environment/%s";
    private static final String RELEASE = "/pacticipants/Foo/versions/%s/released-versions/environment/%s";

    @Test
    void shouldRecordADeployment() {
        world.environment("test", "env-test", false);
        world.pacticipant("Foo").version("1");

        json("{\"applicationInstance\": \"blue\"}")
                .when()
                .post(String.format(RECORD, "1", "env-test"))
                .then()
                .statusCode(201)
                .header("Location", startsWith(baseUrl() + "/deployed-versions/"))
                .body("uuid", notNullValue())
                .body("currentlyDeployed", equalTo(true))
                .body("applicationInstance", equalTo("blue"))
                .body("target", equalTo("blue"))
                .body("_embedded.version.number", equalTo("1"))
                .body("_embedded.pacticipant.name", equalTo("Foo"))
                .body("_embedded.environment.name", equalTo("test"));
        assertThat(database.count("currently_deployed_version_ids")).isEqualTo(1);
    }

    @Test
    void shouldRecordADeploymentWithoutABodyOrWithTheLegacyTarget() {
        world.environment("test", "env-test", false);
        world.pacticipant("Foo").version("1");
        world.pacticipant("Foo").version("2");

        given().when()
                .post(String.format(RECORD, "1", "env-test"))
                .then()
                .statusCode(201)
                .body("$", not(hasKey("applicationInstance")))
                .body("$", not(hasKey("target")));
        json("{\"target\": \"green\"}")
                .when()
                .post(String.format(RECORD, "2", "env-test"))
                .then()
                .statusCode(201)
                .body("applicationInstance", equalTo("green"));
    }

    @Test
    void shouldEndThePreviousDeploymentOfThePacticipantInTheSameEnvironmentAndInstanceOnly() {
        world.environment("test", "env-test", false);
        world.environment("prod", "env-prod", true);
        world.pacticipant("Foo").version("1").deployedTo("test").deployedTo("prod");
        world.pacticipant("Foo").version("2").deployedTo("test", "blue");
        world.pacticipant("Bar").version("9").deployedTo("test");

        given().when().post(String.format(RECORD, "3", "env-test")).then().statusCode(404);
        world.pacticipant("Foo").version("3");
        given().when().post(String.format(RECORD, "3", "env-test")).then().statusCode(201);

        given().when()
                .get("/environments/env-test/deployed-versions/currently-deployed")
                .then()
                .statusCode(200)
                .body("_embedded.deployedVersions", hasSize(3))
                .body("_embedded.deployedVersions._embedded.version.number", containsInAnyOrder("3", "2", "9"));
        given().when()
                .get("/environments/env-prod/deployed-versions/currently-deployed")
                .then()
                .body("_embedded.deployedVersions._embedded.version.number", contains("1"));
        given().when()
                .get("/pacticipants/Foo/versions/1")
                .then()
                .body("_links.'pb:deployed-environments'.currently_deployed", containsInAnyOrder(false, true));
    }

    @Test
    void shouldReturnTheLiveDeploymentWhenTheSameDeploymentIsRecordedAgain() {
        world.environment("test", "env-test", false);
        world.pacticipant("Foo").version("1");
        String first = json("{\"applicationInstance\": \"blue\"}")
                .when()
                .post(String.format(RECORD, "1", "env-test"))
                .then()
                .statusCode(201)
                .extract()
                .path("uuid");

        json("{\"applicationInstance\": \"blue\"}")
                .when()
                .post(String.format(RECORD, "1", "env-test"))
                .then()
                .statusCode(200)
                .body("uuid", equalTo(first))
                .body("currentlyDeployed", equalTo(true));
        assertThat(database.count("deployed_versions")).isEqualTo(1);
    }

    @Test
    void shouldFilterTheLiveDeploymentsByPacticipantAndInstance() {
        world.environment("test", "env-test", false);
        world.pacticipant("Foo").version("1").deployedTo("test", "customer-1");
        world.pacticipant("Foo").version("2").deployedTo("test");
        world.pacticipant("Bar").version("1").deployedTo("test", "customer-1");

        given().queryParam("pacticipant", "Foo")
                .when()
                .get("/environments/env-test/deployed-versions/currently-deployed")
                .then()
                .statusCode(200)
                .body("_embedded.deployedVersions._embedded.version.number", containsInAnyOrder("1", "2"))
                .body(
                        "_links.self.href",
                        equalTo(baseUrl()
                                + "/environments/env-test/deployed-versions/currently-deployed?pacticipant=Foo"))
                .body("_links.self.title", equalTo("Currently deployed versions for Test"));
        given().queryParam("pacticipant", "Foo")
                .queryParam("applicationInstance", "customer-1")
                .when()
                .get("/environments/env-test/deployed-versions/currently-deployed")
                .then()
                .body("_embedded.deployedVersions.applicationInstance", contains("customer-1"))
                .body("_embedded.deployedVersions._embedded.pacticipant.name", contains("Foo"));
        given().queryParam("applicationInstance", "")
                .when()
                .get("/environments/env-test/deployed-versions/currently-deployed")
                .then()
                .body("_embedded.deployedVersions._embedded.version.number", contains("2"));
    }

    @Test
    void shouldRecordAnUndeployment() {
        world.environment("test", "env-test", false);
        world.pacticipant("Foo").version("1");
        String uuid = given().when()
                .post(String.format(RECORD, "1", "env-test"))
                .then()
                .extract()
                .path("uuid");

        given().contentType("application/merge-patch+json")
                .body("{\"currentlyDeployed\": false}")
                .when()
                .patch("/deployed-versions/" + uuid)
                .then()
                .statusCode(200)
                .body("currentlyDeployed", equalTo(false))
                .body("undeployedAt", notNullValue())
                .body("_embedded.version.number", equalTo("1"));

        assertThat(database.count("currently_deployed_version_ids")).isZero();
        given().when()
                .get("/environments/env-test/deployed-versions/currently-deployed")
                .then()
                .body("_embedded.deployedVersions", hasSize(0));
        given().contentType("application/merge-patch+json")
                .body("{\"currentlyDeployed\": false}")
                .when()
                .patch("/deployed-versions/" + uuid)
                .then()
                .statusCode(200);
    }

    @Test
    void shouldRefuseToRedeployThroughThePatch() {
        world.environment("test", "env-test", false);
        world.pacticipant("Foo").version("1");
        String uuid = given().post(String.format(RECORD, "1", "env-test"))
                .then()
                .extract()
                .path("uuid");
        given().contentType("application/merge-patch+json")
                .body("{\"currentlyDeployed\": false}")
                .patch("/deployed-versions/" + uuid);
        Map<String, String> before = database.fingerprint();

        given().contentType("application/merge-patch+json")
                .body("{\"currentlyDeployed\": true}")
                .when()
                .patch("/deployed-versions/" + uuid)
                .then()
                .statusCode(422)
                .body(
                        "errors.currentlyDeployed",
                        contains("The currentlyDeployed property cannot be set back to true. Please record a new"
                                + " deployment."));
        given().contentType("application/merge-patch+json")
                .body("{\"currentlyDeployed\": \"no\"}")
                .when()
                .patch("/deployed-versions/" + uuid)
                .then()
                .statusCode(400);

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseBadDeploymentsAndChangeNothing() {
        world.environment("test", "env-test", false);
        world.pacticipant("Foo").version("1");
        Map<String, String> before = database.fingerprint();

        json("{\"applicationInstance\": 5}")
                .when()
                .post(String.format(RECORD, "1", "env-test"))
                .then()
                .statusCode(400)
                .body("errors.applicationInstance", contains("must be a string"));
        json("{\"applicationInstance\": \"a\\nb\"}")
                .when()
                .post(String.format(RECORD, "1", "env-test"))
                .then()
                .statusCode(400);
        given().contentType("text/plain")
                .body("blue")
                .when()
                .post(String.format(RECORD, "1", "env-test"))
                .then()
                .statusCode(415);
        given().when()
                .post(String.format(RECORD, "1", "nope"))
                .then()
                .statusCode(404)
                .body("error", equalTo("No environment with uuid 'nope' found"));
        given().when().post(String.format(RECORD, "9", "env-test")).then().statusCode(404);
        given().when()
                .post("/pacticipants/Nope/versions/1/deployed-versions/environment/env-test")
                .then()
                .statusCode(404);
        given().contentType("application/merge-patch+json")
                .body("{\"currentlyDeployed\": false}")
                .when()
                .patch("/deployed-versions/nope")
                .then()
                .statusCode(404);

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRecordReleasesSideBySideAndIdempotently() {
        world.environment("test", "env-test", false);
        world.pacticipant("Foo").version("1");
        world.pacticipant("Foo").version("2");

        String uuid = json("{}")
                .when()
                .post(String.format(RELEASE, "1", "env-test"))
                .then()
                .statusCode(201)
                .header("Location", startsWith(baseUrl() + "/released-versions/"))
                .body("currentlySupported", equalTo(true))
                .body("_embedded.version.number", equalTo("1"))
                .body("_embedded.environment.name", equalTo("test"))
                .extract()
                .path("uuid");
        json("{}")
                .when()
                .post(String.format(RELEASE, "1", "env-test"))
                .then()
                .statusCode(200)
                .body("uuid", equalTo(uuid));
        json("{}").when().post(String.format(RELEASE, "2", "env-test")).then().statusCode(201);

        given().when()
                .get("/environments/env-test/released-versions/currently-supported")
                .then()
                .statusCode(200)
                .body("_embedded.releasedVersions._embedded.version.number", containsInAnyOrder("1", "2"))
                .body("_links.self.title", equalTo("Currently supported versions in Test"));
        given().queryParam("pacticipant", "Foo")
                .queryParam("version", "2")
                .when()
                .get("/environments/env-test/released-versions/currently-supported")
                .then()
                .body("_embedded.releasedVersions._embedded.version.number", contains("2"));
    }

    @Test
    void shouldEndSupportAndSupportAgainWhenReleasedAgain() {
        world.environment("test", "env-test", false);
        world.pacticipant("Foo").version("1");
        String uuid = json("{}")
                .post(String.format(RELEASE, "1", "env-test"))
                .then()
                .extract()
                .path("uuid");

        given().contentType("application/merge-patch+json")
                .body("{\"currentlySupported\": false}")
                .when()
                .patch("/released-versions/" + uuid)
                .then()
                .statusCode(200)
                .body("currentlySupported", equalTo(false))
                .body("supportEndedAt", notNullValue());
        given().when()
                .get("/environments/env-test/released-versions/currently-supported")
                .then()
                .body("_embedded.releasedVersions", hasSize(0));
        given().contentType("application/merge-patch+json")
                .body("{\"currentlySupported\": true}")
                .when()
                .patch("/released-versions/" + uuid)
                .then()
                .statusCode(422);

        json("{}").when().post(String.format(RELEASE, "1", "env-test")).then().statusCode(200);
        given().when()
                .get("/released-versions/" + uuid)
                .then()
                .statusCode(200)
                .body("currentlySupported", equalTo(true));
    }

    @Test
    void shouldLinkEachEnvironmentFromTheVersion() {
        world.environment("test", "env-test", false);
        world.environment("production", "env-prod", true);
        world.pacticipant("Foo").version("1").deployedTo("test", "blue").releasedTo("production");

        given().when()
                .get("/pacticipants/Foo/versions/1")
                .then()
                .statusCode(200)
                .body("_links.'pb:record-deployment'.name", containsInAnyOrder("test", "production"))
                .body(
                        "_links.'pb:record-deployment'.find { it.name == 'test' }.title",
                        equalTo("Record deployment to Test"))
                .body(
                        "_links.'pb:record-deployment'.find { it.name == 'test' }.href",
                        equalTo(baseUrl() + "/pacticipants/Foo/versions/1/deployed-versions/environment/env-test"))
                .body(
                        "_links.'pb:record-release'.find { it.name == 'production' }.href",
                        equalTo(baseUrl() + "/pacticipants/Foo/versions/1/released-versions/environment/env-prod"))
                .body("_links.'pb:deployed-environments'[0].title", equalTo("Version deployed to Test"))
                .body("_links.'pb:deployed-environments'[0].application_instance", equalTo("blue"))
                .body("_links.'pb:released-environments'[0].name", equalTo("Production"))
                .body("_links.'pb:released-environments'[0].currently_supported", equalTo(true));
    }

    @Test
    void shouldListTheDeploymentsOfAVersionToAnEnvironment() {
        world.environment("test", "env-test", false);
        world.pacticipant("Foo").version("1").deployedTo("test");

        given().when()
                .get(String.format(RECORD, "1", "env-test"))
                .then()
                .statusCode(200)
                .body("_embedded.deployedVersions", hasSize(1))
                .body("_links.self.title", equalTo("Deployed versions for Foo version 1 in environment Test"));
        given().when()
                .get(String.format(RELEASE, "1", "env-test"))
                .then()
                .statusCode(200)
                .body("_embedded.releasedVersions", hasSize(0));
    }
}
