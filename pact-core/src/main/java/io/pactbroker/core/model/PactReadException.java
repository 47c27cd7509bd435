package io.pactbroker.core.model;

/**
 * A pact (or part of one) could not be read: the message says what is wrong and {@link #location()} where, as a path
 * into the document such as {@code interactions[2].request.matchingRules.body}.
 *
 * <pre>{@code
 * try {
 *     PactReader.read(json);
 * } catch (PactReadException e) {
 *     log.warn("{}: {}", e.location(), e.getMessage());
 * }
 * }</pre>
 */
public final class PactReadException extends IllegalArgumentException {

    private final String location;

    public PactReadException(String location, String problem) {
        super(location.isEmpty() ? problem : location + ": " + problem);
        this.location = location;
    }

    public PactReadException(String location, String problem, Throwable cause) {
        super(location.isEmpty() ? problem : location + ": " + problem, cause);
        this.location = location;
    }

    /** Where in the document the problem is ({@code ""} for the document itself). */
    public String location() {
        return location;
    }
}
