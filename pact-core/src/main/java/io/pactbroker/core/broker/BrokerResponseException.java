package io.pactbroker.core.broker;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The broker answered with an error status. The message names the request and the status and carries the broker's
 * own error text ({@code errors}, {@code error.message}, problem {@code detail} or error notices).
 */
public final class BrokerResponseException extends BrokerException {

    private final String method;
    private final URI uri;
    private final int status;
    private final String body;
    private final Optional<JsonNode> json;
    private final List<String> errors;
    private final List<Notice> notices;

    public BrokerResponseException(
            String method,
            URI uri,
            int status,
            String body,
            Optional<JsonNode> json,
            List<String> errors,
            List<Notice> notices) {
        super(message(method, uri, status, errors, body));
        this.method = method;
        this.uri = uri;
        this.status = status;
        this.body = body;
        this.json = json;
        this.errors = List.copyOf(errors);
        this.notices = List.copyOf(notices);
    }

    private static String message(String method, URI uri, int status, List<String> errors, String body) {
        StringBuilder out = new StringBuilder("the Pact Broker answered ")
                .append(status)
                .append(reason(status))
                .append(" to ")
                .append(method)
                .append(' ')
                .append(uri);
        if (!errors.isEmpty()) {
            out.append(": ").append(String.join("; ", errors));
        } else if (!body.isBlank()) {
            out.append(": ").append(body.length() > 500 ? body.substring(0, 500) + "..." : body.strip());
        }
        if (status == 401) {
            out.append(" (check the broker token, or username and password)");
        } else if (status == 403) {
            out.append(" (the credentials are not allowed to do this)");
        }
        return out.toString();
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> " Bad Request";
            case 401 -> " Unauthorized";
            case 403 -> " Forbidden";
            case 404 -> " Not Found";
            case 409 -> " Conflict";
            case 415 -> " Unsupported Media Type";
            case 422 -> " Unprocessable Entity";
            case 500 -> " Internal Server Error";
            case 502 -> " Bad Gateway";
            case 503 -> " Service Unavailable";
            default -> "";
        };
    }

    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    /** The response body as text. */
    public String body() {
        return body;
    }

    /** The response body as JSON, when it is JSON. */
    public Optional<JsonNode> json() {
        return json;
    }

    /** The broker's error messages, one per problem ({@code "pacticipantVersionNumber: can't be blank"}). */
    public List<String> errors() {
        return errors;
    }

    /** The notices of the response (a 409 on publishing carries them). */
    public List<Notice> notices() {
        return notices;
    }
}
