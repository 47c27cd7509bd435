package io.pactbroker.broker.versions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.pactbroker.broker.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VersionResourceTest extends ApiTest {

    @Test
    void shouldShowVersionWithBranchesTagsAndPacts() {
        world.consumer("Foo").version("1.0.0").onBranch("main").tagged("prod").publishesPactWith("Bar");

        given().when()
                .get("/pacticipants/Foo/versions/1.0.0")
                .then()
                .statusCode(200)
                .body("number", equalTo("1.0.0"))
                .body("_embedded.branchVersions[0].name", equalTo("main"))
                .body("_embedded.branchVersions[0].latest", equalTo(true))
                .body("_embedded.branches[0].name", equalTo("main"))
                .body("_embedded.tags[0].name", equalTo("prod"))
                .body("_links.self.href", equalTo(baseUrl() + "/pacticipants/Foo/versions/1.0.0"))
                .body("_links.'pb:pacticipant'.name", equalTo("Foo"))
                .body("_links.'pb:pact-versions'[0].name", equalTo("Pact between Foo (1.0.0) and Bar"))
                .body("_links.'pb:tag'.href", endsWith("/versions/1.0.0/tags/{tag}"));
    }

    @Test
    void shouldListVersionsNewestFirst() {
        world.pacticipant("Foo").version("1");
        world.pacticipant("Foo").version("2");
        world.pacticipant("Foo").version("3");

        given().when()
                .get("/pacticipants/Foo/versions")
                .then()
                .statusCode(200)
                .body("_embedded.versions.number", contains("3", "2", "1"))
                .body("_links.self.title", equalTo("All application versions of Foo"))
                .body("_links.'pb:versions'", hasSize(3));
    }

    @Test
    void shouldPageVersions() {
        world.pacticipant("Foo").version("1");
        world.pacticipant("Foo").version("2");
        world.pacticipant("Foo").version("3");

        given().queryParam("size", 2)
                .when()
                .get("/pacticipants/Foo/versions")
                .then()
                .statusCode(200)
                .body("_embedded.versions.number", contains("3", "2"))
                .body("page.totalElements", equalTo(3))
                .body("_links.next.href", endsWith("/versions?size=2&page=2"));
    }

    @Test
    void shouldCreateVersionWhenPutWithBranchTagsAndBuildUrl() {
        json("{\"buildUrl\": \"http://ci/1\", \"branch\": \"main\", \"tags\": [{\"name\": \"dev\"}]}")
                .when()
                .put("/pacticipants/Foo/versions/1")
                .then()
                .statusCode(201)
                .body("buildUrl", equalTo("http://ci/1"))
                .body("_embedded.branchVersions[0].name", equalTo("main"))
                .body("_embedded.tags.name", contains("dev"));
    }

    @Test
    void shouldReplaceTagsAndBuildUrlWhenPutAgain() {
        world.pacticipant("Foo").version("1").tagged("dev", "test");

        json("{\"tags\": [{\"name\": \"prod\"}]}")
                .when()
                .put("/pacticipants/Foo/versions/1")
                .then()
                .statusCode(200)
                .body("_embedded.tags.name", contains("prod"));
    }

    @Test
    void shouldAddTagsAndKeepBuildUrlWhenPatched() {
        json("{\"buildUrl\": \"http://ci/1\", \"tags\": [{\"name\": \"dev\"}]}").put("/pacticipants/Foo/versions/1");

        json("{\"tags\": [{\"name\": \"prod\"}]}")
                .when()
                .patch("/pacticipants/Foo/versions/1")
                .then()
                .statusCode(200)
                .body("buildUrl", equalTo("http://ci/1"))
                .body("_embedded.tags.name", containsInAnyOrder("dev", "prod"));
    }

    @Test
    void shouldRefuseVersionBodyWhenTagsAreNotAnArray() {
        json("{\"tags\": \"prod\"}")
                .when()
                .put("/pacticipants/Foo/versions/1")
                .then()
                .statusCode(400)
                .body("errors.tags[0]", equalTo("must be an array of {\"name\": ...} objects"));

        assertThat(database.count("versions")).isZero();
        assertThat(database.count("pacticipants")).isZero();
    }

    @Test
    void shouldDeleteVersionAndMoveBranchHeadBack() {
        world.consumer("Foo").version("1").onBranch("main").publishesPactWith("Bar");
        world.consumer("Foo").version("2").onBranch("main").publishesPactWith("Bar");

        given().when().delete("/pacticipants/Foo/versions/2").then().statusCode(204);

        given().when().get("/pacticipants/Foo/versions/2").then().statusCode(404);
        given().when()
                .get("/pacticipants/Foo/branches/main/latest-version")
                .then()
                .statusCode(200)
                .body("number", equalTo("1"));
        given().when()
                .get("/pacts/provider/Bar/consumer/Foo/latest")
                .then()
                .statusCode(200)
                .header("X-Pact-Consumer-Version", "1");
    }

    @Test
    void shouldAnswerNotFoundForUnknownVersion() {
        world.pacticipant("Foo");

        given().when()
                .get("/pacticipants/Foo/versions/9")
                .then()
                .statusCode(404)
                .body("error", equalTo("No version with number '9' found for pacticipant 'Foo'"));
    }

    @Test
    void shouldShowLatestVersion() {
        world.pacticipant("Condor").version("1.0.0");
        world.pacticipant("Condor").version("1.2.3");

        given().accept("application/hal+json, application/json")
                .when()
                .get("/pacticipants/Condor/latest-version")
                .then()
                .statusCode(200)
                .contentType("application/hal+json;charset=utf-8")
                .body("number", equalTo("1.2.3"))
                .body("_links.self.href", equalTo(baseUrl() + "/pacticipants/Condor/latest-version"));
    }

    @Test
    void shouldShowLatestVersionWithTagEvenWhenNewerUntaggedVersionsExist() {
        world.pacticipant("Condor").version("1.2.3").tagged("production");
        world.pacticipant("Condor").version("2.0.0");

        given().when()
                .get("/pacticipants/Condor/latest-version/production")
                .then()
                .statusCode(200)
                .body("number", equalTo("1.2.3"));
    }

    @Test
    void shouldAnswerNotFoundWhenNoVersionHasTheTag() {
        world.pacticipant("Condor").version("1.2.3");

        given().when()
                .get("/pacticipants/Condor/latest-version/production")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldAnswerNotFoundForLatestVersionOfPacticipantWithoutVersions() {
        world.pacticipant("Condor");

        given().when().get("/pacticipants/Condor/latest-version").then().statusCode(404);
    }
}
