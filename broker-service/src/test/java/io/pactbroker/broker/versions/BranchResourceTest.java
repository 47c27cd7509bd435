package io.pactbroker.broker.versions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.pactbroker.broker.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BranchResourceTest extends ApiTest {

    @Test
    void shouldCreatePacticipantVersionAndBranchWhenBranchVersionIsPut() {
        given().when()
                .put("/pacticipants/Foo/branches/main/versions/1")
                .then()
                .statusCode(201)
                .body("_links.self.title", equalTo("Branch version"))
                .body("_links.'pb:branch'.name", equalTo("main"))
                .body("_links.'pb:version'.name", equalTo("1"));
        given().when().put("/pacticipants/Foo/branches/main/versions/1").then().statusCode(200);

        assertThat(database.count("branch_versions")).isEqualTo(1);
        assertThat(database.count("branch_heads")).isEqualTo(1);
    }

    @Test
    void shouldShowBranchWithLinks() {
        world.pacticipant("Foo").version("1").onBranch("main");

        given().when()
                .get("/pacticipants/Foo/branches/main")
                .then()
                .statusCode(200)
                .body("name", equalTo("main"))
                .body("_links.self.href", equalTo(baseUrl() + "/pacticipants/Foo/branches/main"))
                .body("_links.'pb:latest-version'.title", equalTo("Latest version for branch"));
    }

    @Test
    void shouldAcceptEncodedSlashesInBranchNames() {
        world.pacticipant("Foo").version("1").onBranch("feature/x");

        given().urlEncodingEnabled(false)
                .when()
                .get("/pacticipants/Foo/branches/feature%2Fx")
                .then()
                .statusCode(200)
                .body("name", equalTo("feature/x"))
                .body("_links.self.href", equalTo(baseUrl() + "/pacticipants/Foo/branches/feature%2Fx"));
    }

    @Test
    void shouldListBranchesNewestFirst() {
        world.pacticipant("Foo").version("1").onBranch("main");
        world.pacticipant("Foo").version("2").onBranch("feat-a");

        given().when()
                .get("/pacticipants/Foo/branches")
                .then()
                .statusCode(200)
                .body("_embedded.branches.name", contains("feat-a", "main"))
                .body("_links.'pb:branches'.name", contains("feat-a", "main"));
        given().queryParam("q", "FEAT")
                .when()
                .get("/pacticipants/Foo/branches")
                .then()
                .body("_embedded.branches.name", contains("feat-a"));
    }

    @Test
    void shouldShowTheVersionMostRecentlyAddedToTheBranchAsLatest() {
        world.pacticipant("Foo").version("1").onBranch("main");
        world.pacticipant("Foo").version("2").onBranch("main");

        given().when()
                .get("/pacticipants/Foo/branches/main/latest-version")
                .then()
                .statusCode(200)
                .body("number", equalTo("2"))
                .body("_links.self.href", equalTo(baseUrl() + "/pacticipants/Foo/branches/main/latest-version"));
        given().when()
                .get("/pacticipants/Foo/branches/main/versions")
                .then()
                .statusCode(200)
                .body("_embedded.versions.number", contains("2", "1"));
    }

    @Test
    void shouldMoveHeadBackWhenBranchVersionIsRemoved() {
        world.pacticipant("Foo").version("1").onBranch("main");
        world.pacticipant("Foo").version("2").onBranch("main");

        given().when()
                .delete("/pacticipants/Foo/branches/main/versions/2")
                .then()
                .statusCode(204);

        given().when()
                .get("/pacticipants/Foo/branches/main/latest-version")
                .then()
                .body("number", equalTo("1"));
        given().when()
                .get("/pacticipants/Foo/versions/2")
                .then()
                .statusCode(200)
                .body("_embedded.branchVersions.size()", equalTo(0));
    }

    @Test
    void shouldDeleteBranchButKeepItsVersions() {
        world.pacticipant("Foo").version("1").onBranch("main");

        given().when().delete("/pacticipants/Foo/branches/main").then().statusCode(204);

        given().when().get("/pacticipants/Foo/branches/main").then().statusCode(404);
        assertThat(database.count("versions")).isEqualTo(1);
        assertThat(database.count("branch_versions")).isZero();
        assertThat(database.count("branch_heads")).isZero();
    }

    @Test
    void shouldAnswerNotFoundForUnknownBranch() {
        world.pacticipant("Foo");

        given().when().get("/pacticipants/Foo/branches/nope").then().statusCode(404);
        given().when().delete("/pacticipants/Foo/branches/nope").then().statusCode(404);
        given().when()
                .get("/pacticipants/Foo/branches/nope/latest-version")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldAnswerNotFoundWhenVersionIsNotOnBranch() {
        world.pacticipant("Foo").version("1").onBranch("main");
        world.pacticipant("Foo").version("2");

        given().when().get("/pacticipants/Foo/branches/main/versions/2").then().statusCode(404);
        given().when().get("/pacticipants/Foo/branches/main/versions/1").then().statusCode(200);
    }
}
