package io.pactbroker.broker.environments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.pactbroker.broker.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EnvironmentResourceTest extends ApiTest {

    private static final String TEST_ENVIRONMENT = "{\"name\": \"test\", \"displayName\": \"Test\", \"production\":"
            + " false, \"contacts\": [{\"name\": \"Foo team\", \"details\": {\"emailAddress\": \"foo@bar.com\"}}]}";

    @Test
    void shouldCreateAnEnvironmentWithAGeneratedUuid() {
        String uuid = json(TEST_ENVIRONMENT)
                .when()
                .post("/environments")
                .then()
                .statusCode(201)
                .contentType("application/hal+json;charset=utf-8")
                .header("Location", matchesPattern(baseUrl() + "/environments/[0-9a-f-]{36}"))
                .body("name", equalTo("test"))
                .body("displayName", equalTo("Test"))
                .body("production", equalTo(false))
                .body("contacts[0].name", equalTo("Foo team"))
                .body("contacts[0].details.emailAddress", equalTo("foo@bar.com"))
                .body("createdAt", notNullValue())
                .body("_links.self.title", equalTo("Environment"))
                .body("_links.self.name", equalTo("test"))
                .body(
                        "_links.'pb:currently-deployed-deployed-versions'.title",
                        equalTo("Versions currently deployed to Test environment"))
                .body(
                        "_links.'pb:currently-supported-released-versions'.title",
                        equalTo("Versions released and supported in Test environment"))
                .body("_links.'pb:environments'.href", equalTo(baseUrl() + "/environments"))
                .extract()
                .path("uuid");

        given().when()
                .get("/environments/" + uuid)
                .then()
                .statusCode(200)
                .body("uuid", equalTo(uuid))
                .body(
                        "_links.'pb:currently-deployed-deployed-versions'.href",
                        equalTo(baseUrl() + "/environments/" + uuid + "/deployed-versions/currently-deployed"));
    }

    @Test
    void shouldCreateAnEnvironmentWithTheUuidTheClientChose() {
        json("{\"uuid\": \"16926ef3-590f-4e3f-838e-719717aa88c9\", \"name\": \"test\", \"production\": true}")
                .when()
                .post("/environments")
                .then()
                .statusCode(201)
                .body("uuid", equalTo("16926ef3-590f-4e3f-838e-719717aa88c9"))
                .body("production", equalTo(true))
                .body("displayName", equalTo("Test"));
    }

    @Test
    void shouldListEnvironmentsByDisplayNameAndFilterByName() {
        world.environment("production", "p-1", true);
        world.environment("dev");

        given().when()
                .get("/environments")
                .then()
                .statusCode(200)
                .body("_embedded.environments.name", contains("dev", "production"))
                .body("_links.self.title", equalTo("Environments"))
                .body("_links.'pb:environments'.name", contains("dev", "production"))
                .body("_links.'pb:environments'[1].href", equalTo(baseUrl() + "/environments/p-1"));
        given().queryParam("name", "production")
                .when()
                .get("/environments")
                .then()
                .body("_embedded.environments", hasSize(1))
                .body("_embedded.environments[0].uuid", equalTo("p-1"));
    }

    @Test
    void shouldReplaceAnEnvironment() {
        world.environment("test", "e-1", false);

        json("{\"name\": \"staging\", \"displayName\": \"Staging\", \"production\": true}")
                .when()
                .put("/environments/e-1")
                .then()
                .statusCode(200)
                .body("name", equalTo("staging"))
                .body("displayName", equalTo("Staging"))
                .body("production", equalTo(true))
                .body("contacts", nullValue());
    }

    @Test
    void shouldDeleteAnEnvironmentWithItsDeploymentsAndReleases() {
        world.environment("test", "e-1", false);
        world.pacticipant("Foo").version("1").deployedTo("test").releasedTo("test");

        given().when().delete("/environments/e-1").then().statusCode(204);

        given().when().get("/environments/e-1").then().statusCode(404);
        assertThat(database.count("deployed_versions")).isZero();
        assertThat(database.count("released_versions")).isZero();
        assertThat(database.count("currently_deployed_version_ids")).isZero();
        assertThat(database.count("versions")).isEqualTo(1);
    }

    @Test
    void shouldRefuseADuplicateNameWith409AndChangeNothing() {
        world.environment("test");
        Map<String, String> before = database.fingerprint();

        json(TEST_ENVIRONMENT)
                .when()
                .post("/environments")
                .then()
                .statusCode(409)
                .body("errors.name", contains("name 'test' is already used by an existing environment."));

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseRenamingToTheNameOfAnotherEnvironment() {
        world.environment("test", "e-1", false);
        world.environment("prod", "e-2", true);
        Map<String, String> before = database.fingerprint();

        json("{\"name\": \"prod\", \"production\": false}")
                .when()
                .put("/environments/e-1")
                .then()
                .statusCode(409);

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseInvalidEnvironmentsWithEveryMessageAndChangeNothing() {
        Map<String, String> before = database.fingerprint();

        json("{\"name\": \"my env\", \"displayName\": \"a\\nb\", \"production\": \"yes\", \"contacts\": [{\"details\":"
                        + " 1}], \"uuid\": \"../x\"}")
                .when()
                .post("/environments")
                .then()
                .statusCode(400)
                .body("errors.name", contains("cannot contain spaces"))
                .body("errors.displayName", contains("cannot contain multiple lines"))
                .body("errors.production", contains("must be one of: true, false"))
                .body(
                        "errors.contacts",
                        contains("name is missing (at index 0)", "details must be a hash (at index 0)"))
                .body("errors.uuid[0]", notNullValue());
        json("{}")
                .when()
                .post("/environments")
                .then()
                .statusCode(400)
                .body("errors.name", contains("is missing"))
                .body("errors.production", contains("is missing"));

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseABodyThatIsNotJson() {
        given().contentType("text/plain")
                .body("name=test")
                .when()
                .post("/environments")
                .then()
                .statusCode(415);
        assertThat(database.count("environments")).isZero();
    }

    @Test
    void shouldAnswer404ForAnUnknownEnvironment() {
        given().when()
                .get("/environments/nope")
                .then()
                .statusCode(404)
                .body("error", equalTo("No environment with uuid 'nope' found"));
        json("{\"name\": \"x\", \"production\": false}")
                .when()
                .put("/environments/nope")
                .then()
                .statusCode(404);
        given().when().delete("/environments/nope").then().statusCode(404);
    }

    @Test
    void shouldAdvertiseEnvironmentsInTheIndex() {
        given().when()
                .get("/")
                .then()
                .body("_links.'pb:environments'.href", equalTo(baseUrl() + "/environments"))
                .body("_links.'pb:environment'.href", equalTo(baseUrl() + "/environments/{uuid}"))
                .body("_links.'pb:environment'.templated", equalTo(true))
                .body("_links.keySet()", hasItem("pb:can-i-deploy-pacticipant-version-to-environment"));
    }
}
