package io.pactbroker.broker.integrations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.pactbroker.broker.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IntegrationResourceTest extends ApiTest {

    @Test
    void shouldListIntegrationsByConsumerAndProvider() {
        world.consumer("Web").version("1").publishesPactWith("Orders");
        world.consumer("App").version("1").publishesPactWith("Orders");
        world.consumer("App").version("2").publishesPactWith("Orders");

        given().when()
                .get("/integrations")
                .then()
                .statusCode(200)
                .body("_embedded.integrations.consumer.name", contains("App", "Web"))
                .body("_embedded.integrations[0].provider.name", equalTo("Orders"))
                .body(
                        "_embedded.integrations[0]._links.'pb:delete_integration'.href",
                        equalTo(baseUrl() + "/integrations/provider/Orders/consumer/App"))
                .body("_links.self.title", equalTo("All integrations"));
    }

    @Test
    void shouldPageAndFilterIntegrations() {
        world.consumer("Web").version("1").publishesPactWith("Orders");
        world.consumer("App").version("1").publishesPactWith("Orders");
        world.consumer("App").version("1").publishesPactWith("Billing");

        given().queryParam("q", "bill")
                .when()
                .get("/integrations")
                .then()
                .body("_embedded.integrations.provider.name", contains("Billing"));
        given().queryParam("size", 2)
                .when()
                .get("/integrations")
                .then()
                .body("page.totalElements", equalTo(3))
                .body("_links.next.href", endsWith("/integrations?size=2&page=2"));
    }

    @Test
    void shouldDeleteIntegrationWithItsPactsAndOrphans() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.consumer("Foo").version("1").publishesPactWith("Baz");

        given().when().delete("/integrations/provider/Bar/consumer/Foo").then().statusCode(204);

        given().when().get("/pacts/provider/Bar/consumer/Foo/latest").then().statusCode(404);
        given().when().get("/pacts/provider/Baz/consumer/Foo/latest").then().statusCode(200);
        given().when().get("/pacticipants/Bar").then().statusCode(404);
        given().when().get("/integrations").then().body("_embedded.integrations.provider.name", contains("Baz"));
        assertThat(database.count("pact_versions")).isEqualTo(1);
    }

    @Test
    void shouldAnswerNotFoundWhenDeletingUnknownIntegration() {
        given().when().delete("/integrations/provider/Bar/consumer/Foo").then().statusCode(404);
    }
}
