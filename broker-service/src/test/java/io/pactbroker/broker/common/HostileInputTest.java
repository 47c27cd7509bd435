package io.pactbroker.broker.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.pactbroker.broker.support.ApiTest;
import io.pactbroker.broker.support.PactJson;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests meant to break the broker: each gets the right status and a message, and changes no data. */
@QuarkusTest
class HostileInputTest extends ApiTest {

    private Map<String, String> before;

    @BeforeEach
    void someData() {
        world.consumer("Foo").version("1").onBranch("main").tagged("prod").publishesPactWith("Bar");
        before = database.fingerprint();
    }

    @Test
    void shouldRefuseNewLineInPathWith422() {
        given().urlEncodingEnabled(false)
                .when()
                .put("/pacticipants/Foo%0Abar/versions/1/tags/x")
                .then()
                .statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("URL path cannot contain a new line character."))
                .body("status", equalTo(422));

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseTabAndNulInPathWith422() {
        given().urlEncodingEnabled(false)
                .when()
                .put("/pacticipants/Foo%09/labels/x")
                .then()
                .statusCode(422)
                .body("detail", equalTo("URL path cannot contain a tab character."));
        given().urlEncodingEnabled(false)
                .when()
                .put("/pacticipants/Foo/versions/1/tags/a%00b")
                .then()
                .statusCode(422)
                .body("detail", containsString("control characters"));

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefusePathTraversalWith400() {
        given().urlEncodingEnabled(false)
                .when()
                .delete("/pacticipants/..%2F..%2Fpacticipants%2FFoo")
                .then()
                .statusCode(400)
                .body("error", containsString("'..'"));
        given().urlEncodingEnabled(false)
                .when()
                .delete("/pacticipants/%2e%2e")
                .then()
                .statusCode(400);
        given().urlEncodingEnabled(false)
                .when()
                .delete("/pacticipants/Foo/versions/..")
                .then()
                .statusCode(400);

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldTreatEncodedSlashAsPartOfTheNameNeverAsAPathSeparator() {
        given().urlEncodingEnabled(false)
                .when()
                .delete("/pacticipants/Foo%2Fversions%2F1")
                .then()
                .statusCode(404)
                .body("error", equalTo("No pacticipant with name 'Foo/versions/1' found"));

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseEmptyPathSegments() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/pacticipants//Foo"))
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Empty path component found");

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseBodyLargerThanTenMegabytesWith413() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');

        given().contentType("application/json")
                .body(big)
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(413)
                .body("error", containsString("more than the limit of 10485760 bytes"));

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseStreamedBodyLargerThanTenMegabytes() throws Exception {
        byte[] big = new byte[11 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/contracts/publish"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                .build();

        int status;
        try {
            status = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            // The server answers 413 as soon as the limit is passed and closes the connection; a client still
            // sending may only see the connection close. Either way nothing is stored (checked below).
            status = 413;
        }

        assertThat(status).isEqualTo(413);
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseBodyThatIsNotUtf8() {
        byte[] body = "{\"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

        given().contentType("application/json")
                .body(body)
                .when()
                .patch("/pacticipants/Foo")
                .then()
                .statusCode(400)
                .body("error", startsWith("Request body has a non UTF-8 character at char 14"));

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseBodyThatIsNotJsonWith415() {
        given().contentType("text/plain")
                .body(PactJson.between("Foo", "Bar").interaction("x").json())
                .when()
                .put("/pacts/provider/Bar/consumer/Foo/version/2")
                .then()
                .statusCode(415);
        given().contentType("application/xml")
                .body("<a/>")
                .when()
                .post("/pacticipants")
                .then()
                .statusCode(415);

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseJsonThatIsNotAnObject() {
        json("\"just a string\"")
                .when()
                .patch("/pacticipants/Foo")
                .then()
                .statusCode(400)
                .body("error", equalTo("Expected a JSON object in the request body but found a String."));
        json("null").when().put("/pacticipants/Foo/versions/1").then().statusCode(400);

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseDeeplyNestedJson() {
        String deep = "{\"a\":".repeat(200) + "1" + "}".repeat(200);

        json(deep)
                .when()
                .patch("/pacticipants/Foo")
                .then()
                .statusCode(400)
                .body("error", startsWith("The request body is not valid JSON"));

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseControlCharactersInNamesInBodies() {
        json("{\"pacticipantName\": \"Foo\", \"pacticipantVersionNumber\": \"2\\u0000\", \"contracts\": []}")
                .when()
                .post("/contracts/publish")
                .then()
                .statusCode(400)
                .body("errors.pacticipantVersionNumber[0]", equalTo("cannot contain control characters"));
        json("{\"displayName\": \"a\\u0007b\"}")
                .when()
                .patch("/pacticipants/Foo")
                .then()
                .statusCode(400);

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldAnswerWithProblemJsonWhenAsked() {
        given().accept("application/problem+json")
                .when()
                .get("/pacticipants/Nope")
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Not found"))
                .body("detail", equalTo("No pacticipant with name 'Nope' found"))
                .body("status", equalTo(404))
                .body("type", equalTo(baseUrl() + "/problems/not-found"));
        given().accept("application/problem+json")
                .contentType("application/json")
                .body("{\"mainBranch\": \"a b\"}")
                .when()
                .patch("/pacticipants/Foo")
                .then()
                .statusCode(400)
                .body("title", equalTo("Validation errors"))
                .body("errors[0].detail", equalTo("cannot contain spaces"))
                .body("errors[0].pointer", equalTo("/mainBranch"));
    }

    @Test
    void shouldAnswerNotFoundForUnknownPathsAndMethodNotAllowedForUnknownMethods() {
        given().when()
                .get("/no/such/thing")
                .then()
                .statusCode(404)
                .body("error", equalTo("The requested document was not found on this server."));
        given().when().delete("/pacts/latest").then().statusCode(405);
    }
}
