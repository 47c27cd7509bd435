package io.pactbroker.broker.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.pactbroker.broker.common.security.AuthConfig;
import io.pactbroker.broker.common.security.AuthPolicy;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Creating, reading, updating and deleting webhooks over HTTP, with the Pact Broker client's requests. */
@QuarkusTest
class WebhookResourceTest extends WebhookApiTest {

    static final String UUID = "696c5f93-1b7f-44bc-8d03-59440fcaa9a0";

    /** The webhook the Pact Broker client creates in its contract tests. */
    static String webhook(String extra) {
        return """
                {%s
                  "description": "a webhook",
                  "events": [{"name": "contract_content_changed"}],
                  "request": {
                    "url": "https://webhook",
                    "method": "POST",
                    "headers": {"Foo": "bar", "Bar": "foo", "Authorization": "Bearer s3cret"},
                    "body": {"some": "body"},
                    "username": "username",
                    "password": "password"
                  }
                }""".formatted(extra.isEmpty() ? "" : extra + ",");
    }

    static String webhook() {
        return webhook("");
    }

    @Test
    void shouldCreateGlobalWebhookWhenPosted() {
        ValidatableResponse response = json(webhook())
                .when()
                .post("/webhooks")
                .then()
                .statusCode(201)
                .contentType(startsWith("application/hal+json"))
                .header("Location", startsWith(baseUrl() + "/webhooks/"))
                .body("description", equalTo("a webhook"))
                .body("enabled", equalTo(true))
                .body("events.name", contains("contract_content_changed"))
                .body("request.method", equalTo("POST"))
                .body("request.url", equalTo("https://webhook"))
                .body("request.body.some", equalTo("body"))
                .body("request.headers.Foo", equalTo("bar"))
                .body("request.username", equalTo("username"))
                .body("createdAt", startsWith("20"))
                .body("$", not(hasKey("consumer")))
                .body("_links.self.title", equalTo("a webhook"))
                .body("_links.'pb:execute'.href", endsWith("/execute"))
                .body("_links.'pb:webhooks'.href", equalTo(baseUrl() + "/webhooks"))
                .body("_links", not(hasKey("pb:consumer")));
        String uuid = response.extract().path("uuid");
        response.body("_links.self.href", equalTo(baseUrl() + "/webhooks/" + uuid));

        assertThat(database.count("webhooks")).isEqualTo(1);
        assertThat(database.count("webhook_events")).isEqualTo(1);
    }

    @Test
    void shouldRedactPasswordAndAuthorizationHeaderInResponses() {
        String uuid = json(webhook()).post("/webhooks").then().extract().path("uuid");

        given().when()
                .get("/webhooks/{uuid}", uuid)
                .then()
                .statusCode(200)
                .body("request.password", equalTo("**********"))
                .body("request.headers.Authorization", equalTo("**********"))
                .body("request.headers.Foo", equalTo("bar"))
                .body(not(containsString("s3cret")));
    }

    @Test
    void shouldShowTemplatedSecretsAsWritten() {
        String body = webhook()
                .replace("\"password\": \"password\"", "\"password\": \"${pactbroker.consumerName}\"")
                .replace("Bearer s3cret", "Bearer ${pactbroker.providerName}");

        json(body)
                .when()
                .post("/webhooks")
                .then()
                .statusCode(201)
                .body("request.password", equalTo("${pactbroker.consumerName}"))
                .body("request.headers.Authorization", equalTo("Bearer ${pactbroker.providerName}"));
    }

    @Test
    void shouldCreateWebhookForConsumerAndProviderNamedInThePath() {
        world.pacticipant("Condor");
        world.pacticipant("Pricing Service");

        json(webhook())
                .when()
                .post("/webhooks/provider/{p}/consumer/{c}", "Pricing Service", "Condor")
                .then()
                .statusCode(201)
                .body("consumer.name", equalTo("Condor"))
                .body("provider.name", equalTo("Pricing Service"))
                .body("_links.'pb:consumer'.href", equalTo(baseUrl() + "/pacticipants/Condor"))
                .body("_links.'pb:consumer'.title", equalTo("Consumer"))
                .body("_links.'pb:provider'.name", equalTo("Pricing Service"))
                .body(
                        "_links.'pb:pact-webhooks'.href",
                        equalTo(baseUrl() + "/webhooks/provider/Pricing%20Service/consumer/Condor"))
                .body(
                        "_links.'pb:pact-webhooks'.title",
                        equalTo("All webhooks for consumer Condor and provider Pricing Service"));
    }

    @Test
    void shouldCreateWebhookForProviderOrConsumerNamedInThePath() {
        world.pacticipant("Condor");
        world.pacticipant("Pricing Service");

        json(webhook())
                .post("/webhooks/provider/{p}", "Pricing Service")
                .then()
                .statusCode(201)
                .body("provider.name", equalTo("Pricing Service"))
                .body("$", not(hasKey("consumer")));
        json(webhook())
                .post("/webhooks/consumer/{c}", "Condor")
                .then()
                .statusCode(201)
                .body("consumer.name", equalTo("Condor"))
                .body("$", not(hasKey("provider")));
        json(webhook())
                .post("/pacts/provider/{p}/consumer/{c}/webhooks", "Pricing Service", "Condor")
                .then()
                .statusCode(201)
                .body("consumer.name", equalTo("Condor"))
                .body("provider.name", equalTo("Pricing Service"));

        assertThat(database.count("webhooks")).isEqualTo(3);
    }

    @Test
    void shouldAnswer404WhenAPacticipantInThePathDoesNotExist() {
        world.pacticipant("Pricing Service");
        Map<String, String> before = database.fingerprint();

        json(webhook())
                .when()
                .post("/webhooks/provider/{p}/consumer/{c}", "Pricing Service", "Condor")
                .then()
                .statusCode(404)
                .contentType(startsWith("application/hal+json"))
                .body("error", equalTo("No consumer with name 'Condor' found"));
        json(webhook()).post("/webhooks/provider/{p}", "Nobody").then().statusCode(404);
        json(webhook())
                .post("/pacts/provider/{p}/consumer/{c}/webhooks", "Pricing Service", "Condor")
                .then()
                .statusCode(404);
        given().get("/webhooks/consumer/{c}", "Condor").then().statusCode(404);

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldCreateWebhookForConsumerAndProviderNamedInTheBody() {
        world.pacticipant("Condor");
        world.pacticipant("Pricing Service");

        json(webhook("\"consumer\": {\"name\": \"Condor\"}, \"provider\": {\"name\": \"Pricing Service\"}"))
                .when()
                .post("/webhooks")
                .then()
                .statusCode(201)
                .body("consumer.name", equalTo("Condor"))
                .body("provider.name", equalTo("Pricing Service"));
    }

    @Test
    void shouldRefuseAConsumerInTheBodyThatDoesNotExist() {
        Map<String, String> before = database.fingerprint();

        json(webhook("\"consumer\": {\"name\": \"Condor\"}"))
                .when()
                .post("/webhooks")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/hal+json"))
                .body("errors.'consumer.name'", contains("does not match an existing pacticipant"));

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldCreateWebhooksSelectingPacticipantsByLabel() {
        json(webhook("\"consumer\": {\"label\": \"consumer_label\"}"))
                .when()
                .post("/webhooks")
                .then()
                .statusCode(201)
                .body("consumer.label", equalTo("consumer_label"))
                .body("_links.'pb:consumers'.href", equalTo(baseUrl() + "/pacticipants/label/consumer_label"))
                .body("_links.'pb:consumers'.title", equalTo("Consumers by label"));
        json(webhook("\"provider\": {\"label\": \"provider_label\"}"))
                .when()
                .post("/webhooks")
                .then()
                .statusCode(201)
                .body("provider.label", equalTo("provider_label"))
                .body("_links.'pb:providers'.name", equalTo("provider_label"));

        given().get("/webhooks")
                .then()
                .body(
                        "_links.'pb:webhooks'.title",
                        contains(
                                "A webhook for all pacts with consumer labeled 'consumer_label'",
                                "A webhook for all pacts with provider labeled 'provider_label'"));
    }

    @Test
    void shouldKeepANonJsonBodyAsAString() {
        json(webhook().replace("{\"some\": \"body\"}", "\"<xml></xml>\""))
                .when()
                .post("/webhooks")
                .then()
                .statusCode(201)
                .body("request.body", equalTo("<xml></xml>"));
    }

    @Test
    void shouldAcceptEveryEvent() {
        String events = "[{\"name\": \"contract_content_changed\"}, {\"name\": \"contract_published\"},"
                + " {\"name\": \"provider_verification_published\"}, {\"name\": \"provider_verification_succeeded\"},"
                + " {\"name\": \"provider_verification_failed\"},"
                + " {\"name\": \"contract_requiring_verification_published\"}]";

        json(webhook().replace("[{\"name\": \"contract_content_changed\"}]", events))
                .when()
                .post("/webhooks")
                .then()
                .statusCode(201)
                .body(
                        "events.name",
                        contains(
                                "contract_content_changed",
                                "contract_published",
                                "provider_verification_published",
                                "provider_verification_succeeded",
                                "provider_verification_failed",
                                "contract_requiring_verification_published"));
    }

    @Test
    void shouldDefaultTheEventAndDescriptionWhenNotGiven() {
        json("{\"request\": {\"method\": \"post\", \"url\": \"https://ci.example.org/build?x=1\"}}")
                .when()
                .post("/webhooks")
                .then()
                .statusCode(201)
                .body("events.name", contains("contract_content_changed"))
                .body("description", equalTo("POST ci.example.org"))
                .body("request", not(hasKey("headers")))
                .body("request", not(hasKey("password")));
    }

    @Test
    void shouldRefuseAWebhookWithoutURLWithThePactBrokersMessage() {
        world.pacticipant("Condor");
        world.pacticipant("Pricing Service");
        Map<String, String> before = database.fingerprint();

        json(webhook().replace("\"url\": \"https://webhook\",", ""))
                .when()
                .post("/webhooks/provider/{p}/consumer/{c}", "Pricing Service", "Condor")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/hal+json"))
                .body("errors.'request.url'", contains("is missing"));

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldExplainEveryInvalidAttribute() {
        Map<String, String> before = database.fingerprint();

        refused("{}").body("errors.request", contains("is missing"));
        refused("{\"request\": {}}").body("errors.request", contains("must be filled"));
        refused("{\"request\": \"x\"}").body("errors.request", contains("must be a hash"));
        refused(webhook().replace("\"POST\"", "\"blah\""))
                .body("errors.'request.method'", contains("is not a recognised HTTP method"));
        refused(webhook().replace("\"POST\"", "\"Post%0d%0a\""))
                .body("errors.'request.method'", contains("is not a recognised HTTP method"));
        refused(webhook().replace("\"POST\"", "\"DELETE\""))
                .body(
                        "errors.'request.method'",
                        contains("must be POST. See /doc/webhooks#whitelist for more information."));
        refused(webhook().replace("\"POST\"", "null")).body("errors.'request.method'", contains("must be filled"));
        refused(webhook().replace("https://webhook", "bl ah"))
                .body("errors.'request.url'", contains("is not a valid URL eg. http://example.org"));
        refused(webhook().replace("https://webhook", "blah"))
                .body("errors.'request.url'", contains("is not a valid URL eg. http://example.org"));
        refused(webhook().replace("https://webhook", "ftp://foo"))
                .body(
                        "errors.'request.url'",
                        contains("scheme must be https, http. See /doc/webhooks#whitelist for more information."));
        refused(webhook().replace("https://webhook", "https://${pactbroker.consumerName}/commits"))
                .body("errors.'request.url'", contains("cannot have a template parameter in the host"));
        refused(webhook().replace("[{\"name\": \"contract_content_changed\"}]", "[]"))
                .body("errors.events", contains("size cannot be less than 1"));
        refused(webhook().replace("contract_content_changed", "foo"))
                .body(
                        "errors.events",
                        contains("name must be one of: contract_published, contract_content_changed,"
                                + " provider_verification_published, provider_verification_succeeded,"
                                + " provider_verification_failed, contract_requiring_verification_published"
                                + " (at index 0)"));
        refused(webhook("\"enabled\": \"foo\"")).body("errors.enabled", contains("must be boolean"));
        refused(webhook("\"consumer\": {\"name\": null}")).body("errors.'consumer.name'", contains("cannot be blank"));
        refused(webhook("\"provider\": {}")).body("errors.'provider.name'", contains("cannot be blank"));
        refused(webhook("\"consumer\": {\"name\": \"Foo\", \"label\": \"x\"}"))
                .body("errors.'consumer.label'", contains("name and label cannot be provided at the same time"));
        refused(webhook("\"consumer\": \"Foo\"")).body("errors.consumer", contains("must be a hash"));
        refused(webhook().replace("\"Foo\": \"bar\"", "\"Foo\": {\"x\": 1}"))
                .body("errors.'request.headers'", contains("Foo must be a string"));

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    private static ValidatableResponse refused(String body) {
        return json(body).when().post("/webhooks").then().statusCode(400);
    }

    @Test
    void shouldAllowTemplateParametersInThePathOfTheURL() {
        json(webhook().replace("https://webhook", "https://ci/commits/${pactbroker.consumerVersionNumber}"))
                .when()
                .post("/webhooks")
                .then()
                .statusCode(201)
                .body("request.url", equalTo("https://ci/commits/${pactbroker.consumerVersionNumber}"));
    }

    @Test
    void shouldApplyThePactBrokersDefaultWhitelists() {
        QuarkusMock.installMockForType(new WebhookPolicy(WebhookSettings.defaults()), WebhookPolicy.class);

        refused(webhook().replace("https://webhook", "http://webhook"))
                .body(
                        "errors.'request.url'",
                        contains("scheme must be https. See /doc/webhooks#whitelist for more information."));
        json(webhook()).post("/webhooks").then().statusCode(201);
    }

    @Test
    void shouldRefuseHostsOutsideTheHostWhitelist() {
        QuarkusMock.installMockForType(
                new WebhookPolicy(WebhookSettings.defaults()
                        .withHosts("ci.example.org", "*.example.com", "/^hooks\\.example\\.net$/", "10.0.0.0/8")
                        .withHttpMethods("POST", "PUT")),
                WebhookPolicy.class);

        refused(webhook())
                .body(
                        "errors.'request.url'",
                        contains("host must be in the whitelist \"ci.example.org\", \"*.example.com\","
                                + " /^hooks\\.example\\.net$/, \"10.0.0.0/8\". See /doc/webhooks#whitelist for more"
                                + " information."));
        refused(webhook().replace("https://webhook", "https://a.b.example.com"));
        refused(webhook().replace("https://webhook", "https://192.168.0.1/x"));
        refused(webhook().replace("\"POST\"", "\"GET\""))
                .body(
                        "errors.'request.method'",
                        contains("must be one of POST, PUT. See /doc/webhooks#whitelist for more information."));
        for (String url : new String[] {
            "https://ci.example.org/build", "https://a.example.com", "https://hooks.example.net", "https://10.1.2.3/x"
        }) {
            json(webhook().replace("https://webhook", url))
                    .post("/webhooks")
                    .then()
                    .statusCode(201);
        }
    }

    @Test
    void shouldRefuseABodyThatIsNotJson() {
        given().contentType("text/plain")
                .body(webhook())
                .when()
                .post("/webhooks")
                .then()
                .statusCode(415)
                .body("error", startsWith("The request body must be JSON"));
        given().contentType("application/json")
                .body("[1]")
                .when()
                .post("/webhooks")
                .then()
                .statusCode(400)
                .body("error", containsString("Expected a JSON object"));

        assertThat(database.count("webhooks")).isZero();
    }

    @Test
    void shouldCreateWebhookWithTheUuidGivenToPut() {
        world.pacticipant("Condor");
        world.pacticipant("Pricing Service");

        json(webhook("\"consumer\": {\"name\": \"Condor\"}, \"provider\": {\"name\": \"Pricing Service\"}"))
                .when()
                .put("/webhooks/{uuid}", UUID)
                .then()
                .statusCode(201)
                .body("uuid", equalTo(UUID))
                .body("_links.self.href", equalTo(baseUrl() + "/webhooks/" + UUID))
                .body("_links.self.title", equalTo("a webhook"));

        given().get("/webhooks/{uuid}", UUID).then().statusCode(200).body("consumer.name", equalTo("Condor"));
    }

    @Test
    void shouldUpdateWebhookKeepingSecretsSentBackAsStars() {
        world.pacticipant("Condor");
        json(webhook()).put("/webhooks/{uuid}", UUID).then().statusCode(201);
        String update = webhook("\"consumer\": {\"name\": \"Condor\"}, \"enabled\": false")
                .replace("\"password\": \"password\"", "\"password\": \"**********\"")
                .replace("Bearer s3cret", "**********")
                .replace("https://webhook", "https://webhook/v2");

        json(update)
                .when()
                .put("/webhooks/{uuid}", UUID)
                .then()
                .statusCode(200)
                .body("consumer.name", equalTo("Condor"))
                .body("enabled", equalTo(false))
                .body("request.url", equalTo("https://webhook/v2"))
                .body("request.password", equalTo("**********"));

        assertThat(database.single("SELECT password FROM webhooks")).isEqualTo("password");
        assertThat(database.single("SELECT headers::text FROM webhooks")).contains("Bearer s3cret");
        assertThat(database.count("webhooks")).isEqualTo(1);
    }

    @Test
    void shouldKeepTheDescriptionEventsAndPasswordWhenAnUpdateLeavesThemOut() {
        json(webhook()).put("/webhooks/{uuid}", UUID).then().statusCode(201);

        json("{\"request\": {\"method\": \"POST\", \"url\": \"https://other\"}}")
                .when()
                .put("/webhooks/{uuid}", UUID)
                .then()
                .statusCode(200)
                .body("description", equalTo("a webhook"))
                .body("events.name", contains("contract_content_changed"))
                .body("request.password", equalTo("**********"))
                .body("request", not(hasKey("headers")));
    }

    @Test
    void shouldRefuseAnInvalidUuid() {
        json(webhook())
                .when()
                .put("/webhooks/{uuid}", "HIJKLMNOP")
                .then()
                .statusCode(400)
                .body(
                        "errors.uuid",
                        contains("The UUID can only contain the characters A-Z, a-z, 0-9, _ and -, and must be 16 or"
                                + " more characters."));

        assertThat(database.count("webhooks")).isZero();
    }

    @Test
    void shouldListWebhooksWithTheirScope() {
        world.pacticipant("Condor");
        world.pacticipant("Pricing Service");
        json(webhook()).post("/webhooks");
        json(webhook()).post("/webhooks/provider/{p}/consumer/{c}", "Pricing Service", "Condor");
        json(webhook().replace("a webhook", "provider hook")).post("/webhooks/provider/{p}", "Pricing Service");

        given().get("/webhooks")
                .then()
                .statusCode(200)
                .body("_links.self.title", equalTo("Webhooks"))
                .body("_links.self.href", equalTo(baseUrl() + "/webhooks"))
                .body("_links.'pb:create'.title", equalTo("POST to create a webhook"))
                .body("_links.'pb:webhooks'", hasSize(3))
                .body(
                        "_links.'pb:webhooks'.title",
                        contains(
                                "A webhook for all pacts",
                                "A webhook for the pact between Condor and Pricing Service",
                                "A webhook for all pacts with provider Pricing Service"))
                .body("_links.'pb:webhooks'[2].name", equalTo("provider hook"))
                .body("_links.curies[0].href", equalTo(baseUrl() + "/doc/webhooks-{rel}"));
        given().get("/webhooks/provider/{p}/consumer/{c}", "Pricing Service", "Condor")
                .then()
                .statusCode(200)
                .body("_links.'pb:webhooks'", hasSize(1));
        given().get("/webhooks/provider/{p}", "Pricing Service")
                .then()
                .body("_links.'pb:webhooks'.name", contains("provider hook"));
        given().get("/webhooks/consumer/{c}", "Condor").then().statusCode(200).body("_links.'pb:webhooks'", empty());
        given().get("/pacts/provider/{p}/consumer/{c}/webhooks", "Pricing Service", "Condor")
                .then()
                .statusCode(200)
                .body("_links.self.title", equalTo("Pact webhooks"))
                .body("_links.'pb:webhooks'", hasSize(1));
    }

    @Test
    void shouldDeleteWebhook() {
        String uuid = json(webhook()).post("/webhooks").then().extract().path("uuid");

        given().delete("/webhooks/{uuid}", uuid).then().statusCode(204);

        given().get("/webhooks/{uuid}", uuid).then().statusCode(404).body("error", containsString(uuid));
        given().delete("/webhooks/{uuid}", uuid).then().statusCode(404);
        assertThat(database.count("webhooks")).isZero();
        assertThat(database.count("webhook_events")).isZero();
    }

    @Test
    void shouldAnswer404ForAnUnknownWebhook() {
        given().get("/webhooks/{uuid}", UUID)
                .then()
                .statusCode(404)
                .body("error", equalTo("No webhook with uuid " + UUID + " found"));
        given().post("/webhooks/{uuid}/execute", UUID).then().statusCode(404);
    }

    @Test
    void shouldAdvertiseWebhooksInTheIndex() {
        given().get("/")
                .then()
                .body("_links.'pb:webhooks'.href", equalTo(baseUrl() + "/webhooks"))
                .body("_links.'pb:webhooks'.title", equalTo("Webhooks"))
                .body("_links.'pb:webhook'.href", equalTo(baseUrl() + "/webhooks/{uuid}"))
                .body("_links.'pb:webhook'.templated", equalTo(true));
    }

    @Test
    void shouldLinkPactsAndVerificationsToTheirWebhooks() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.provider("Bar").version("2").verifies("Foo", "1");

        String verificationUrl = given().get("/pacts/provider/Bar/consumer/Foo/version/1")
                .then()
                .body("_links.'pb:pact-webhooks'.href", equalTo(baseUrl() + "/webhooks/provider/Bar/consumer/Foo"))
                .body("_links.'pb:consumer-webhooks'.href", equalTo(baseUrl() + "/webhooks/consumer/Foo"))
                .body("_links.'pb:provider-webhooks'.href", equalTo(baseUrl() + "/webhooks/provider/Bar"))
                .body(
                        "_links.'pb:triggered-webhooks'.href",
                        equalTo(baseUrl() + "/pacts/provider/Bar/consumer/Foo/version/1/triggered-webhooks"))
                .extract()
                .path("_links.'pb:latest-verification-results'.href");
        given().get(verificationUrl)
                .then()
                .statusCode(200)
                .body(
                        "_links.'pb:triggered-webhooks'.href",
                        matchesPattern(".*/verification-results/\\d+/triggered-webhooks"))
                .body(
                        "_links.'pb:triggered-webhooks'.title",
                        equalTo("Webhooks triggered by the publication of this verification result"));
    }

    @Test
    void shouldRequireAuthenticationToWriteWebhooks() {
        String uuid = json(webhook()).post("/webhooks").then().extract().path("uuid");
        QuarkusMock.installMockForType(new AuthPolicy(auth()), AuthPolicy.class);

        json(webhook()).post("/webhooks").then().statusCode(401);
        given().auth()
                .preemptive()
                .basic("reader", "r3ad")
                .contentType("application/json")
                .body(webhook())
                .post("/webhooks")
                .then()
                .statusCode(403);
        given().auth()
                .preemptive()
                .basic("reader", "r3ad")
                .post("/webhooks/{uuid}/execute", uuid)
                .then()
                .statusCode(403);
        given().auth()
                .preemptive()
                .basic("reader", "r3ad")
                .delete("/webhooks/{uuid}", uuid)
                .then()
                .statusCode(403);
        given().auth()
                .preemptive()
                .basic("reader", "r3ad")
                .get("/webhooks/{uuid}", uuid)
                .then()
                .statusCode(200)
                .body("request.password", equalTo("**********"));
        given().auth()
                .preemptive()
                .basic("admin", "s3cret")
                .contentType("application/json")
                .body(webhook())
                .post("/webhooks")
                .then()
                .statusCode(201);
        assertThat(database.count("webhooks")).isEqualTo(2);
    }

    @Test
    void shouldShowNothingOfADeletedWebhooksPacticipant() {
        world.pacticipant("Condor");
        json(webhook()).post("/webhooks/consumer/{c}", "Condor").then().statusCode(201);

        given().delete("/pacticipants/Condor").then().statusCode(204);

        assertThat(database.count("webhooks")).isZero();
        given().get("/webhooks").then().body("_links.'pb:webhooks'", empty()).body("_links.self.name", nullValue());
    }

    static AuthConfig auth() {
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
    }
}
