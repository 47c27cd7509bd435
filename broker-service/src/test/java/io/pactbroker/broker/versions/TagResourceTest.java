package io.pactbroker.broker.versions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.pactbroker.broker.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TagResourceTest extends ApiTest {

    @Test
    void shouldCreatePacticipantAndVersionWhenTaggingUnknownOnes() {
        json("{}")
                .when()
                .put("/pacticipants/Condor/versions/1.3.0/tags/prod")
                .then()
                .statusCode(201)
                .contentType("application/hal+json;charset=utf-8")
                .header("Location", endsWith("/pacticipants/Condor/versions/1.3.0/tags/prod"))
                .body("name", equalTo("prod"))
                .body("_links.self.href", equalTo(baseUrl() + "/pacticipants/Condor/versions/1.3.0/tags/prod"))
                .body("_links.version.name", equalTo("1.3.0"))
                .body("_links.pacticipant.name", equalTo("Condor"));

        assertThat(database.count("pacticipants")).isEqualTo(1);
        assertThat(database.count("versions")).isEqualTo(1);
    }

    @Test
    void shouldCreateTagForExistingPacticipant() {
        world.pacticipant("Condor");

        json("{}")
                .when()
                .put("/pacticipants/Condor/versions/1.3.0/tags/prod")
                .then()
                .statusCode(201);
    }

    @Test
    void shouldAnswerOkWhenTagAlreadyExists() {
        world.pacticipant("Condor").version("1.3.0").tagged("prod");

        json("{}")
                .when()
                .put("/pacticipants/Condor/versions/1.3.0/tags/prod")
                .then()
                .statusCode(200)
                .body("name", equalTo("prod"));

        assertThat(database.count("tags")).isEqualTo(1);
    }

    @Test
    void shouldShowAndDeleteTag() {
        world.pacticipant("Condor").version("1.3.0").tagged("prod");

        given().when()
                .get("/pacticipants/Condor/versions/1.3.0/tags/prod")
                .then()
                .statusCode(200)
                .body("name", equalTo("prod"));
        given().when()
                .delete("/pacticipants/Condor/versions/1.3.0/tags/prod")
                .then()
                .statusCode(204);
        given().when()
                .get("/pacticipants/Condor/versions/1.3.0/tags/prod")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldAnswerNotFoundForUnknownTag() {
        world.pacticipant("Condor").version("1.3.0");

        given().when()
                .get("/pacticipants/Condor/versions/1.3.0/tags/nope")
                .then()
                .statusCode(404);
        given().when()
                .delete("/pacticipants/Condor/versions/1.3.0/tags/nope")
                .then()
                .statusCode(404);
    }
}
