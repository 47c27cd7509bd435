package io.pactbroker.consumer;

import java.util.function.Consumer;

/**
 * The request of an HTTP interaction, then its response with {@code willRespondWith}. Paths, query parameters and
 * headers take plain strings (compared exactly) or {@linkplain Matchers matchers}.
 *
 * <pre>{@code
 * .uponReceiving("search orders")
 *     .get("/orders").query("status", "OPEN").query("page", Matchers.integer(1))
 *     .header("Accept", "application/json")
 *     .willRespondWith(response -> response
 *         .status(200)
 *         .header("X-Total", Matchers.integer(42))
 *         .body(Matchers.eachLike(new Order(7, "OPEN"))))
 * }</pre>
 */
public interface RequestBuilder extends BodyBuilder<RequestBuilder> {

    /** Any method and a path. */
    RequestBuilder method(String method, String path);

    /** Any method and a path matcher ({@code regex("/orders/\\d+", "/orders/7")}). */
    RequestBuilder method(String method, Matcher path);

    default RequestBuilder get(String path) {
        return method("GET", path);
    }

    default RequestBuilder get(Matcher path) {
        return method("GET", path);
    }

    default RequestBuilder post(String path) {
        return method("POST", path);
    }

    default RequestBuilder post(Matcher path) {
        return method("POST", path);
    }

    default RequestBuilder put(String path) {
        return method("PUT", path);
    }

    default RequestBuilder put(Matcher path) {
        return method("PUT", path);
    }

    default RequestBuilder patch(String path) {
        return method("PATCH", path);
    }

    default RequestBuilder patch(Matcher path) {
        return method("PATCH", path);
    }

    default RequestBuilder delete(String path) {
        return method("DELETE", path);
    }

    default RequestBuilder delete(Matcher path) {
        return method("DELETE", path);
    }

    default RequestBuilder head(String path) {
        return method("HEAD", path);
    }

    default RequestBuilder options(String path) {
        return method("OPTIONS", path);
    }

    /** A query parameter with one or more values, in order. */
    RequestBuilder query(String name, String... values);

    /** A query parameter whose value matches the matcher. */
    RequestBuilder query(String name, Matcher value);

    /** A header with one or more values. Other headers the client sends are allowed. */
    RequestBuilder header(String name, String... values);

    /** A header whose value matches the matcher. */
    RequestBuilder header(String name, Matcher value);

    /** A V4 comment shown with the interaction. */
    RequestBuilder comment(String text);

    /** Marks the interaction pending (V4): its failure to verify does not fail the provider's build. */
    RequestBuilder pending();

    /** The response: a status and no body. */
    PactBuilder willRespondWith(int status);

    /** The response: a status and a JSON object body built in the lambda. */
    PactBuilder willRespondWith(int status, Consumer<JsonObjectBuilder> body);

    /** The response: a status and a JSON body from a matcher or an example (records, maps, lists match by type). */
    PactBuilder willRespondWith(int status, Object bodyExampleOrMatcher);

    /** The response in full: status, headers and body. */
    PactBuilder willRespondWith(Consumer<ResponseBuilder> response);
}
