package io.pactbroker.broker.index;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.pactbroker.broker.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IndexResourceTest extends ApiTest {

    @Test
    void shouldAdvertiseThePactBrokersRelationsWithTitles() {
        given().accept("application/hal+json")
                .when()
                .get("/")
                .then()
                .statusCode(200)
                .contentType("application/hal+json;charset=utf-8")
                .body("_links.self.href", equalTo(baseUrl()))
                .body("_links.'pb:pacticipants'.href", equalTo(baseUrl() + "/pacticipants"))
                .body("_links.'pb:pacticipant'.href", equalTo(baseUrl() + "/pacticipants/{pacticipant}"))
                .body("_links.'pb:pacticipant'.templated", equalTo(true))
                .body("_links.'pb:publish-contracts'.title", equalTo("Publish contracts"))
                .body(
                        "_links.'pb:latest-version'.href",
                        equalTo(baseUrl() + "/pacticipants/{pacticipant}/latest-version"))
                .body(
                        "_links.'pb:latest-tagged-version'.title",
                        equalTo("Latest pacticipant version with the specified tag"))
                .body(
                        "_links.'pb:pacticipant-branch'.href",
                        equalTo(baseUrl() + "/pacticipants/{pacticipant}/branches/{branch}"))
                .body(
                        "_links.'pb:pacticipant-version'.href",
                        equalTo(baseUrl() + "/pacticipants/{pacticipant}/versions/{version}"))
                .body(
                        "_links.'pb:provider-pacts-for-verification'.href",
                        equalTo(baseUrl() + "/pacts/provider/{provider}/for-verification"))
                .body(
                        "_links.'pb:provider-pacts-for-verification'.title",
                        equalTo("Pact versions to be verified for the specified provider"))
                .body("_links.'beta:provider-pacts-for-verification'.name", equalTo("beta"))
                .body(
                        "_links.'beta:provider-pacts-for-verification'.title",
                        equalTo("DEPRECATED - please use pb:provider-pacts-for-verification"))
                .body("_links.curies[1].name", equalTo("beta"))
                .body("_links.curies[0].name", equalTo("pb"))
                .body("_links.curies[0].href", equalTo(baseUrl() + "/doc/{rel}?context=index"));
    }

    @Test
    void shouldAnswerEveryLinkOfTheIndexFilledIn() {
        world.consumer("Foo").withMainBranch("main");
        world.consumer("Foo").version("1").onBranch("main").tagged("prod").publishesPactWith("Bar");
        world.environment("production", "env-prod", true);
        String webhook = "0a1b2c3d4e5f6a7b8c9d";
        given().contentType("application/json")
                .body("{\"request\": {\"method\": \"POST\", \"url\": \"https://ci.example.org\"}}")
                .put("/webhooks/" + webhook)
                .then()
                .statusCode(201);
        Map<String, Object> links = JsonPath.from(given().get("/").asString()).getMap("_links");

        links.forEach((rel, value) -> {
            if (rel.equals("curies")) {
                return;
            }
            String href = (String) ((Map<?, ?>) value).get("href");
            String path = href.replace(baseUrl(), "")
                    .replace("/webhooks/{uuid}", "/webhooks/" + webhook)
                    .replace("{provider}", "Bar")
                    .replace("{consumer}", "Foo")
                    .replace("{pacticipant}", "Foo")
                    .replace("{consumerApplicationVersion}", "1")
                    .replace("{version}", "1")
                    .replace("{tag}", "prod")
                    .replace("{branch}", "main")
                    .replace("{uuid}", "env-prod")
                    .replace("{environment}", "production");
            int status = given().get(path.isEmpty() ? "/" : path).statusCode();
            int expected = rel.equals("pb:publish-contracts") ? 405 : 200;
            assertThat(status).as(rel + " " + path).isEqualTo(expected);
        });
    }

    @Test
    void shouldBuildLinksFromForwardedHeadersBehindAProxy() {
        given().header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "pacts.example.org")
                .header("X-Forwarded-Port", "443")
                .when()
                .get("/")
                .then()
                .statusCode(200)
                .body("_links.self.href", equalTo("https://pacts.example.org"))
                .body("_links.'pb:pacticipants'.href", equalTo("https://pacts.example.org/pacticipants"));
    }

    @Test
    void shouldAnswerPlainJsonClientsWithHalJson() {
        given().accept("application/json")
                .when()
                .get("/")
                .then()
                .statusCode(200)
                .contentType("application/hal+json;charset=utf-8");
    }

    @Test
    void shouldDocumentTheRelationsTheCuriesPointAt() {
        given().when()
                .get("/doc/pacticipants?context=index")
                .then()
                .statusCode(200)
                .contentType("text/html;charset=utf-8")
                .body(org.hamcrest.Matchers.containsString("Pacticipants"));
        given().when().get("/doc/versions?context=pacticipant").then().statusCode(200);
    }
}
