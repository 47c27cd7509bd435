package io.pactbroker.broker.webhooks;

import static io.restassured.RestAssured.given;

import io.pactbroker.broker.support.PactJson;
import io.restassured.response.ValidatableResponse;
import java.util.List;

/** The HTTP calls the webhook tests make, as a client would. */
final class Calls {

    private Calls() {}

    /** Creates a webhook; its uuid. */
    static String createWebhook(String path, String body) {
        return given().contentType("application/json")
                .body(body)
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .path("uuid");
    }

    /** A webhook posting the body to the URL on the events (a global one unless a scope is given). */
    static String webhookJson(String url, String body, String scope, String... events) {
        StringBuilder e = new StringBuilder();
        for (String event : events) {
            e.append(e.isEmpty() ? "" : ", ")
                    .append("{\"name\": \"")
                    .append(event)
                    .append("\"}");
        }
        return "{" + (scope == null ? "" : scope + ", ") + "\"description\": \"a webhook\", \"events\": [" + e
                + "], \"request\": {\"method\": \"POST\", \"url\": \"" + url + "\""
                + (body == null ? "" : ", \"body\": " + body) + "}}";
    }

    /** Publishes a pact between the consumer and Bar with the interactions through {@code /contracts/publish}. */
    static ValidatableResponse publish(
            String consumer, String version, String branch, List<String> tags, String... interactions) {
        return publish(consumer, "Bar", version, branch, tags, interactions);
    }

    static ValidatableResponse publish(
            String consumer,
            String provider,
            String version,
            String branch,
            List<String> tags,
            String... interactions) {
        PactJson pact = PactJson.between(consumer, provider);
        for (String i : interactions) {
            pact.interaction(i);
        }
        String tagList = tags.isEmpty() ? "[]" : "[\"" + String.join("\", \"", tags) + "\"]";
        String body = "{\"pacticipantName\": \"" + consumer + "\", \"pacticipantVersionNumber\": \"" + version + "\","
                + (branch == null ? "" : " \"branch\": \"" + branch + "\",")
                + " \"tags\": " + tagList + ", \"buildUrl\": \"https://ci/builds/" + version + "\", \"contracts\": ["
                + "{\"consumerName\": \"" + consumer + "\", \"providerName\": \"" + provider + "\","
                + " \"specification\": \"pact\", \"contentType\": \"application/json\", \"content\": \""
                + pact.base64() + "\"}]}";
        return given().contentType("application/json")
                .body(body)
                .post("/contracts/publish")
                .then()
                .statusCode(200);
    }

    /** Publishes a verification result to the pact's {@code pb:publish-verification-results} link. */
    static ValidatableResponse verify(String pactUrl, String providerVersion, boolean success) {
        String link = given().get(pactUrl)
                .then()
                .statusCode(200)
                .extract()
                .path("_links.'pb:publish-verification-results'.href");
        return verifyAt(link, providerVersion, success);
    }

    static ValidatableResponse verifyAt(String publishUrl, String providerVersion, boolean success) {
        return given().contentType("application/json")
                .body("{\"success\": " + success + ", \"providerApplicationVersion\": \"" + providerVersion
                        + "\", \"buildUrl\": \"https://ci/provider/" + providerVersion + "\"}")
                .post(publishUrl)
                .then()
                .statusCode(201);
    }
}
