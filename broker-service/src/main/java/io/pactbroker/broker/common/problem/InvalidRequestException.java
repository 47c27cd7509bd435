package io.pactbroker.broker.common.problem;

/**
 * A request the broker cannot process as sent, with a status of its own: 400 for a malformed body, 413 for a body
 * that is too large, 415 for a body that is not JSON, 422 for a path with forbidden characters.
 */
public class InvalidRequestException extends BrokerException {

    private final int status;
    private final String title;
    private final String type;

    private InvalidRequestException(int status, String title, String type, String message) {
        super(message);
        this.status = status;
        this.title = title;
        this.type = type;
    }

    public static InvalidRequestException malformed(String message) {
        return new InvalidRequestException(400, "Malformed request", "malformed-request", message);
    }

    public static InvalidRequestException tooLarge(String message) {
        return new InvalidRequestException(413, "Request body too large", "payload-too-large", message);
    }

    public static InvalidRequestException unsupportedMediaType(String message) {
        return new InvalidRequestException(415, "Unsupported media type", "unsupported-media-type", message);
    }

    public static InvalidRequestException invalidPath(String message) {
        return new InvalidRequestException(422, "Unprocessable", "invalid-request-parameter-value", message);
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String type() {
        return type;
    }
}
