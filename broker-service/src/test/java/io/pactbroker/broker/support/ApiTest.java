package io.pactbroker.broker.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of every API test: one shared Quarkus application on a real PostgreSQL (so Quarkus starts once per run),
 * an empty database before and after each test, and the test-data {@link World}.
 */
@QuarkusTestResource(EmbeddedPostgresResource.class)
public abstract class ApiTest {

    @Inject
    protected World world;

    @Inject
    protected Database database;

    @BeforeEach
    void startEmpty() {
        database.clean();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void cleanUp() {
        database.clean();
    }

    /** A request that sends JSON. */
    protected static RequestSpecification json(Object body) {
        return RestAssured.given().contentType("application/json").body(body);
    }

    /** The base URL the broker builds its links with in tests. */
    protected static String baseUrl() {
        return "http://localhost:" + RestAssured.port;
    }
}
