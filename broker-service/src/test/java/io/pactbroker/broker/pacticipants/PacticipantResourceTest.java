package io.pactbroker.broker.pacticipants;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.pactbroker.broker.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PacticipantResourceTest extends ApiTest {

    @Test
    void shouldCreatePacticipantWhenPosted() {
        json("{\"name\": \"Foo\", \"repositoryUrl\": \"http://foo\"}")
                .when()
                .post("/pacticipants")
                .then()
                .statusCode(201)
                .contentType(startsWith("application/hal+json"))
                .header("Location", endsWith("/pacticipants/Foo"))
                .body("name", equalTo("Foo"))
                .body("displayName", equalTo("Foo"))
                .body("repositoryUrl", equalTo("http://foo"))
                .body("_links.self.href", equalTo(baseUrl() + "/pacticipants/Foo"));

        assertThat(database.count("pacticipants")).isEqualTo(1);
    }

    @Test
    void shouldRefuseCreationWhenNameIsMissing() {
        json("{\"repositoryUrl\": \"http://foo\"}")
                .when()
                .post("/pacticipants")
                .then()
                .statusCode(400)
                .body("errors.name", contains("is missing"));

        assertThat(database.count("pacticipants")).isZero();
    }

    @Test
    void shouldRefuseCreationWhenNameIsTaken() {
        world.pacticipant("Foo");

        json("{\"name\": \"Foo\"}")
                .when()
                .post("/pacticipants")
                .then()
                .statusCode(409)
                .body("error", containsString("Foo"));
    }

    @Test
    void shouldShowPacticipantWithLatestVersionAndLinks() {
        world.pacticipant("Pricing Service").version("1.0.0");
        world.pacticipant("Pricing Service").version("1.3.0");

        given().when()
                .get("/pacticipants/{name}", "Pricing Service")
                .then()
                .statusCode(200)
                .body("name", equalTo("Pricing Service"))
                .body("_embedded.latestVersion.number", equalTo("1.3.0"))
                .body("_embedded.'latest-version'.number", equalTo("1.3.0"))
                .body("_links.self.href", equalTo(baseUrl() + "/pacticipants/Pricing%20Service"))
                .body("_links.'pb:versions'.href", equalTo(baseUrl() + "/pacticipants/Pricing%20Service/versions"))
                .body("_links.'pb:version-tag'.templated", equalTo(true))
                .body("_links.'pb:branch-version'.href", endsWith("/branches/{branch}/versions/{version}"))
                .body("_links.curies[0].name", equalTo("pb"));
    }

    @Test
    void shouldAnswerNotFoundWhenPacticipantDoesNotExist() {
        given().when()
                .get("/pacticipants/Nope")
                .then()
                .statusCode(404)
                .body("error", equalTo("No pacticipant with name 'Nope' found"));
    }

    @Test
    void shouldListPacticipantsSortedByNameWithDeprecatedForms() {
        world.pacticipant("Condor").version("1.3.0");
        world.pacticipant("Bar");

        given().when()
                .get("/pacticipants")
                .then()
                .statusCode(200)
                .body("_embedded.pacticipants.name", contains("Bar", "Condor"))
                .body("pacticipants.name", contains("Bar", "Condor"))
                .body("pacticipants[1]._embedded.'latest-version'.number", equalTo("1.3.0"))
                .body("_links.pacticipants[1].title", equalTo("Condor"))
                .body("_links.'pb:pacticipants'[0].name", equalTo("Bar"))
                .body("page", nullValue());
    }

    @Test
    void shouldFilterPacticipantsByQueryIgnoringCase() {
        world.pacticipant("Order Service");
        world.pacticipant("order-web");
        world.pacticipant("Billing");

        given().queryParam("q", "ORDER")
                .when()
                .get("/pacticipants")
                .then()
                .statusCode(200)
                .body("_embedded.pacticipants.name", contains("Order Service", "order-web"));
    }

    @Test
    void shouldTreatWildcardsInQueryAsText() {
        world.pacticipant("a_b");
        world.pacticipant("axb");

        given().queryParam("q", "_")
                .when()
                .get("/pacticipants")
                .then()
                .body("_embedded.pacticipants.name", contains("a_b"));
        given().queryParam("q", "%").when().get("/pacticipants").then().body("_embedded.pacticipants", hasSize(0));
    }

    @Test
    void shouldPagePacticipantsWhenPageIsAsked() {
        world.pacticipant("A");
        world.pacticipant("B");
        world.pacticipant("C");

        given().queryParam("page", 2)
                .queryParam("size", 2)
                .when()
                .get("/pacticipants")
                .then()
                .statusCode(200)
                .body("_embedded.pacticipants.name", contains("C"))
                .body("page.number", equalTo(2))
                .body("page.size", equalTo(2))
                .body("page.totalElements", equalTo(3))
                .body("page.totalPages", equalTo(2))
                .body("_links.previous.href", endsWith("/pacticipants?size=2&page=1"));
    }

    @Test
    void shouldRefusePagingWhenPageIsNotANumber() {
        given().queryParam("page", "x")
                .when()
                .get("/pacticipants")
                .then()
                .statusCode(400)
                .body("errors.page", contains("must be an integer"));
    }

    @Test
    void shouldCreatePacticipantWhenPatchedAndMissing() {
        json("{\"repository_url\": \"git@example.org:pricing\"}")
                .when()
                .patch("/pacticipants/{name}", "Pricing Service")
                .then()
                .statusCode(201)
                .contentType("application/hal+json;charset=utf-8")
                .body("repositoryUrl", equalTo("git@example.org:pricing"))
                .body("displayName", equalTo("Pricing Service"));
    }

    @Test
    void shouldMergeOnlyGivenAttributesWhenPatched() {
        json("{\"name\": \"Foo\", \"repositoryUrl\": \"http://foo\", \"mainBranch\": \"main\"}")
                .post("/pacticipants");

        json("{\"displayName\": \"The Foo\", \"mainBranch\": null}")
                .when()
                .patch("/pacticipants/Foo")
                .then()
                .statusCode(200)
                .body("displayName", equalTo("The Foo"))
                .body("repositoryUrl", equalTo("http://foo"))
                .body("mainBranch", nullValue());
    }

    @Test
    void shouldReplaceAllAttributesWhenPut() {
        json("{\"name\": \"Foo\", \"repositoryUrl\": \"http://foo\", \"mainBranch\": \"main\"}")
                .post("/pacticipants");

        json("{\"mainBranch\": \"develop\"}")
                .when()
                .put("/pacticipants/Foo")
                .then()
                .statusCode(200)
                .body("mainBranch", equalTo("develop"))
                .body("repositoryUrl", nullValue());
    }

    @Test
    void shouldRefuseRenameWhenNameInBodyDiffersFromPath() {
        world.pacticipant("Foo");
        var before = database.fingerprint();

        json("{\"name\": \"Bar\"}")
                .when()
                .patch("/pacticipants/Foo")
                .then()
                .statusCode(400)
                .body("errors.name[0]", containsString("must match the name in the URL path"));

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseMainBranchWhenItHasSpaces() {
        json("{\"mainBranch\": \"my branch\"}")
                .when()
                .patch("/pacticipants/Foo")
                .then()
                .statusCode(400)
                .body("errors.mainBranch", contains("cannot contain spaces"));

        assertThat(database.count("pacticipants")).isZero();
    }

    @Test
    void shouldRefuseAttributesWhenTheyAreNotStrings() {
        json("{\"repositoryUrl\": 42}")
                .when()
                .patch("/pacticipants/Foo")
                .then()
                .statusCode(400)
                .body("errors.repositoryUrl", contains("must be a string"));
    }

    @Test
    void shouldDeletePacticipantWithEverythingItOwns() {
        world.consumer("Foo").version("1").onBranch("main").tagged("prod").publishesPactWith("Bar");

        given().when().delete("/pacticipants/Foo").then().statusCode(204);

        given().when().get("/pacticipants/Foo").then().statusCode(404);
        assertThat(database.count("versions")).isZero();
        assertThat(database.count("pact_publications")).isZero();
        assertThat(database.count("latest_pact_publication_ids_for_consumer_versions"))
                .isZero();
        assertThat(database.count("branch_heads")).isZero();
        assertThat(database.count("tags")).isZero();
        assertThat(database.count("integrations")).isZero();
        assertThat(database.count("pacticipants")).isEqualTo(1);
    }

    @Test
    void shouldAnswerNotFoundWhenDeletingUnknownPacticipant() {
        given().when().delete("/pacticipants/Nope").then().statusCode(404);
    }

    @Test
    void shouldAddLabelWithCreatedThenOk() {
        world.pacticipant("Foo");

        given().when()
                .put("/pacticipants/Foo/labels/team-a")
                .then()
                .statusCode(201)
                .body("name", equalTo("team-a"))
                .body("_links.pacticipant.name", equalTo("Foo"));
        given().when().put("/pacticipants/Foo/labels/team-a").then().statusCode(200);

        given().when().get("/pacticipants/Foo").then().body("_embedded.labels.name", contains("team-a"));
        given().when()
                .get("/pacticipants/label/team-a")
                .then()
                .statusCode(200)
                .body("_embedded.pacticipants.name", contains("Foo"));
        given().when().get("/labels").then().statusCode(200).body("_embedded.labels.name", hasItem("team-a"));
    }

    @Test
    void shouldRemoveLabel() {
        world.pacticipant("Foo");
        given().put("/pacticipants/Foo/labels/team-a");

        given().when().delete("/pacticipants/Foo/labels/team-a").then().statusCode(204);

        given().when().get("/pacticipants/Foo/labels/team-a").then().statusCode(404);
        given().when().get("/pacticipants/Foo").then().body("_embedded.labels", hasSize(0));
    }

    @Test
    void shouldAnswerNotFoundWhenLabellingUnknownPacticipant() {
        given().when().put("/pacticipants/Nope/labels/team-a").then().statusCode(404);

        assertThat(database.count("labels")).isZero();
    }
}
