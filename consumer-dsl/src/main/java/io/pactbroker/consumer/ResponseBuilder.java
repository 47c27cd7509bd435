package io.pactbroker.consumer;

/**
 * The response of an HTTP interaction (200 with no body unless said otherwise).
 *
 * <pre>{@code
 * response -> response.status(201).header("Location", Matchers.regex("/orders/\\d+", "/orders/7")).body(b -> b.integer("id", 7))
 * }</pre>
 */
public interface ResponseBuilder extends BodyBuilder<ResponseBuilder> {

    /** The status. */
    ResponseBuilder status(int status);

    /** A status matcher ({@code Matchers.statusCode(StatusClass.SUCCESS, 200)}). */
    ResponseBuilder status(Matcher status);

    /** A header with one or more values. */
    ResponseBuilder header(String name, String... values);

    /** A header whose value matches the matcher. */
    ResponseBuilder header(String name, Matcher value);
}
