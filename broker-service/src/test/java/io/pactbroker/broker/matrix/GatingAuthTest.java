package io.pactbroker.broker.matrix;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactbroker.broker.common.security.AuthConfig;
import io.pactbroker.broker.common.security.AuthPolicy;
import io.pactbroker.broker.support.ApiTest;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may ask can-i-deploy, record deployments and read badges when the broker needs credentials. */
@QuarkusTest
class GatingAuthTest extends ApiTest {

    static void protect(boolean publicBadges) {
        AuthConfig settings = new AuthConfig() {
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
                return Optional.empty();
            }

            public Optional<String> readOnlyBearerToken() {
                return Optional.empty();
            }

            public boolean allowPublicRead() {
                return false;
            }

            public boolean publicHeartbeat() {
                return false;
            }
        };
        QuarkusMock.installMockForType(new AuthPolicy(settings, () -> publicBadges), AuthPolicy.class);
    }

    @Test
    void shouldAskForCredentialsToAskCanIDeploy() {
        protect(false);
        world.pacticipant("Foo").version("1");
        world.environment("production");

        given().when()
                .get("/can-i-deploy?pacticipant=Foo&version=1&environment=production")
                .then()
                .statusCode(401);
        given().auth()
                .preemptive()
                .basic("reader", "r3ad")
                .when()
                .get("/can-i-deploy?pacticipant=Foo&version=1&environment=production")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldNotLetTheReadOnlyUserRecordDeploymentsOrEnvironments() {
        protect(false);
        world.pacticipant("Foo").version("1");
        world.environment("production", "env-prod", true);
        var before = database.fingerprint();

        given().auth()
                .preemptive()
                .basic("reader", "r3ad")
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/pacticipants/Foo/versions/1/deployed-versions/environment/env-prod")
                .then()
                .statusCode(403);
        given().auth()
                .preemptive()
                .basic("reader", "r3ad")
                .contentType("application/json")
                .body("{\"name\": \"dev\", \"production\": false}")
                .when()
                .post("/environments")
                .then()
                .statusCode(403);
        given().contentType("application/json")
                .body("{\"name\": \"dev\", \"production\": false}")
                .when()
                .post("/environments")
                .then()
                .statusCode(401);

        assertThat(database.fingerprint()).isEqualTo(before);
        given().auth()
                .preemptive()
                .basic("admin", "s3cret")
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/pacticipants/Foo/versions/1/deployed-versions/environment/env-prod")
                .then()
                .statusCode(201);
    }

    @Test
    void shouldServeBadgesWithoutCredentialsOnlyWhenConfigured() {
        protect(false);
        given().when()
                .get("/pacts/provider/Bar/consumer/Foo/latest/badge")
                .then()
                .statusCode(401);

        protect(true);
        given().when()
                .get("/pacts/provider/Bar/consumer/Foo/latest/badge")
                .then()
                .statusCode(200);
        given().when().get("/matrix?q[][pacticipant]=Foo").then().statusCode(401);
    }
}
