package io.pactbroker.core.broker;

/**
 * A notice the Pact Broker returns with a response ({@code {"type": "success", "text": "..."}}): what happened,
 * meant for people, as the Pact CLI prints them.
 *
 * @param type {@code success}, {@code info}, {@code debug}, {@code warning}, {@code danger}, {@code error}, or
 *     {@code prompt}
 * @param text the message
 */
public record Notice(String type, String text) {

    /** Whether the notice reports a problem ({@code warning}, {@code danger} or {@code error}). */
    public boolean isProblem() {
        return type.equals("warning") || type.equals("danger") || type.equals("error");
    }
}
