package io.pactbroker.broker.common.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.pactbroker.broker.pacticipants.PacticipantService;
import io.pactbroker.broker.support.ApiTest;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A failure inside the broker is answered with a logged reference only, never its details. */
@QuarkusTest
class ServerErrorTest extends ApiTest {

    @BeforeEach
    void breakThePacticipantService() {
        QuarkusMock.installMockForType(
                new PacticipantService() {
                    @Override
                    public View view(String name) {
                        throw new IllegalStateException("connection to db-secret-host:5432 refused for user pact");
                    }
                },
                PacticipantService.class);
    }

    @Test
    void shouldHideInternalsBehindAReference() {
        given().when()
                .get("/pacticipants/Foo")
                .then()
                .statusCode(500)
                .contentType("application/hal+json;charset=utf-8")
                .body("error.reference", matchesPattern("[0-9a-f]{10}"))
                .body(
                        "error.message",
                        matchesPattern(
                                "An error has occurred. The details have been logged with the reference [0-9a-f]{10}"))
                .body(not(containsString("db-secret-host")));
    }

    @Test
    void shouldAnswerServerErrorsAsProblemJsonWhenAsked() {
        given().accept("application/problem+json")
                .when()
                .get("/pacticipants/Foo")
                .then()
                .statusCode(500)
                .contentType("application/problem+json;charset=utf-8")
                .body("title", equalTo("Server error"))
                .body("status", equalTo(500))
                .body(not(containsString("db-secret-host")));
    }
}
