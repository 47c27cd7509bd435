package io.pactbroker.broker.diagnostic;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.pactbroker.broker.support.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class DiagnosticResourceTest {

    @Test
    void shouldAnswerTheHeartbeat() {
        given().when()
                .get("/diagnostic/status/heartbeat")
                .then()
                .statusCode(200)
                .body("ok", equalTo(true));
    }

    @Test
    void shouldReportTheDatabaseAsHealthy() {
        given().when()
                .get("/diagnostic/status/dependencies")
                .then()
                .statusCode(200)
                .body("ok", equalTo(true))
                .body("dependencies.database.ok", equalTo(true));
    }
}
