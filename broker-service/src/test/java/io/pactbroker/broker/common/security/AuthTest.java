package io.pactbroker.broker.common.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.pactbroker.broker.support.ApiTest;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Basic and bearer authentication over HTTP, with the settings swapped in per test. */
@QuarkusTest
class AuthTest extends ApiTest {

    static AuthConfig settings(boolean publicRead, boolean publicHeartbeat) {
        return new AuthConfig() {
            public Optional<String> basicAuthUsername() {
                return Optional.of("admin");
            }

            public Optional<String> basicAuthPassword() {
                return Optional.of("s3cret");
            }

            public Optional<String> basicAuthReadOnlyUsername() {
                return Optional.of("reader");
            }

            public Optional<String> basicAuthReadOnlyPassword() {
                return Optional.of("r3ad");
            }

            public Optional<String> bearerToken() {
                return Optional.of("write-token");
            }

            public Optional<String> readOnlyBearerToken() {
                return Optional.of("read-token");
            }

            public boolean allowPublicRead() {
                return publicRead;
            }

            public boolean publicHeartbeat() {
                return publicHeartbeat;
            }
        };
    }

    static void protect(boolean publicRead, boolean publicHeartbeat) {
        QuarkusMock.installMockForType(new AuthPolicy(settings(publicRead, publicHeartbeat)), AuthPolicy.class);
    }

    @Test
    void shouldChallengeWhenNoCredentialsAreGiven() {
        protect(false, false);

        given().when()
                .get("/pacticipants")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Basic realm=\"Pact Broker\"")
                .body(
                        "error",
                        equalTo("Authentication required: send the credentials of a broker user (HTTP basic auth)."));
    }

    @Test
    void shouldChallengeWhenCredentialsAreWrong() {
        protect(false, false);

        given().auth()
                .preemptive()
                .basic("admin", "wrong")
                .when()
                .get("/pacticipants")
                .then()
                .statusCode(401);
        given().header("Authorization", "Bearer nope")
                .when()
                .get("/pacticipants")
                .then()
                .statusCode(401);
    }

    @Test
    void shouldLetTheReadWriteUserWrite() {
        protect(false, false);

        given().auth()
                .preemptive()
                .basic("admin", "s3cret")
                .when()
                .put("/pacticipants/Foo/versions/1/tags/prod")
                .then()
                .statusCode(201);
        given().header("Authorization", "Bearer write-token")
                .when()
                .put("/pacticipants/Foo/versions/2/tags/prod")
                .then()
                .statusCode(201);
    }

    @Test
    void shouldLetTheReadOnlyUserReadButNotWrite() {
        protect(false, false);

        given().auth()
                .preemptive()
                .basic("reader", "r3ad")
                .when()
                .get("/pacticipants")
                .then()
                .statusCode(200);
        given().auth()
                .preemptive()
                .basic("reader", "r3ad")
                .when()
                .put("/pacticipants/Foo/versions/1/tags/prod")
                .then()
                .statusCode(403);
        given().header("Authorization", "Bearer read-token")
                .when()
                .delete("/pacticipants/Foo")
                .then()
                .statusCode(403);

        assertThat(database.count("pacticipants")).isZero();
    }

    @Test
    void shouldLetAnyoneReadWhenPublicReadIsAllowed() {
        protect(true, false);

        given().when().get("/pacticipants").then().statusCode(200);
        given().when().put("/pacticipants/Foo/versions/1/tags/prod").then().statusCode(401);
    }

    @Test
    void shouldLetAnyoneCallTheHeartbeatWhenItIsPublic() {
        protect(false, true);

        given().when().get("/diagnostic/status/heartbeat").then().statusCode(200);
        given().when().get("/diagnostic/status/dependencies").then().statusCode(401);
    }

    @Test
    void shouldProtectTheHeartbeatWhenItIsNotPublic() {
        protect(false, false);

        given().when().get("/diagnostic/status/heartbeat").then().statusCode(401);
    }
}
