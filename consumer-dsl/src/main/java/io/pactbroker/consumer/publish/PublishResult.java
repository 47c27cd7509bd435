package io.pactbroker.consumer.publish;

import io.pactbroker.core.broker.Notice;
import java.util.List;

/**
 * What publishing did.
 *
 * @param outcome published, skipped (with the reason in {@code message}) or failed
 * @param message one sentence for people
 * @param notices the broker's notices, in order
 */
public record PublishResult(Outcome outcome, String message, List<Notice> notices) {

    /** How publishing ended, with the exit code the {@code main} entry point uses for it. */
    public enum Outcome {
        /** Every pact was published. */
        PUBLISHED(0),
        /** Nothing was published, on purpose: no broker URL, no pact files or no version (see the message). */
        SKIPPED(0),
        /** The broker refused (an HTTP error). */
        REFUSED(1),
        /** A setting is wrong (a bad URL, an unreadable pact file). */
        CONFIGURATION_ERROR(2),
        /** The broker could not be reached. */
        UNREACHABLE(3);

        private final int exitCode;

        Outcome(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    public PublishResult {
        notices = List.copyOf(notices);
    }
}
