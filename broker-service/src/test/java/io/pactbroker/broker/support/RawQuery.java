package io.pactbroker.broker.support;

import io.restassured.RestAssured;
import io.restassured.builder.ResponseBuilder;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Sends a GET with its query string exactly as written. RestAssured groups repeated parameter names, which would
 * reorder the Pact Broker's nested parameters ({@code q[][pacticipant]=Foo&q[][version]=1&q[][pacticipant]=Bar}),
 * whose meaning depends on their order.
 */
public final class RawQuery {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private RawQuery() {}

    /** GET {@code path?query}, brackets encoded as clients encode them; the response can be checked as usual. */
    public static ValidatableResponse get(String path, String query, String accept) {
        String encoded = query.replace("[", "%5B").replace("]", "%5D");
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + path + "?" + encoded))
                .header("Accept", accept)
                .GET()
                .build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            ResponseBuilder builder = new ResponseBuilder()
                    .setStatusCode(response.statusCode())
                    .setBody(response.body())
                    .setContentType(
                            response.headers().firstValue("Content-Type").orElse(""));
            response.headers().map().forEach((name, values) -> values.forEach(v -> builder.setHeader(name, v)));
            return builder.build().then();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
