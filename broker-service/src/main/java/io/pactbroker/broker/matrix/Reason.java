package io.pactbroker.broker.matrix;

/**
 * Why the matrix gave its answer: one line of {@code summary.reason} and one {@code notice}, in the Pact Broker's
 * words. The selectors name the versions as the query selected them.
 */
public record Reason(Type type, ResolvedSelector consumer, ResolvedSelector provider, ResolvedSelector selector) {

    /** The kinds of reasons the Pact Broker gives, with the notice type of each. */
    public enum Type {
        PACT_NOT_EVER_VERIFIED_BY_PROVIDER("error"),
        PACT_NOT_VERIFIED_BY_REQUIRED_PROVIDER_VERSION("error"),
        VERIFICATION_FAILED("error"),
        SPECIFIED_VERSION_DOES_NOT_EXIST("error"),
        IGNORE_SELECTOR_DOES_NOT_EXIST("warning"),
        NO_ENVIRONMENT_SPECIFIED("warning"),
        SELECTOR_WITHOUT_PACTICIPANT_VERSION_NUMBER_SPECIFIED("warning"),
        SUCCESSFUL("success"),
        NO_DEPENDENCIES_MISSING("success");

        private final String noticeType;

        Type(String noticeType) {
            this.noticeType = noticeType;
        }

        public String noticeType() {
            return noticeType;
        }
    }

    static Reason of(Type type) {
        return new Reason(type, null, null, null);
    }

    static Reason between(Type type, ResolvedSelector consumer, ResolvedSelector provider) {
        return new Reason(type, consumer, provider, null);
    }

    static Reason about(Type type, ResolvedSelector selector) {
        return new Reason(type, null, null, selector);
    }

    public String noticeType() {
        return type.noticeType();
    }

    /** The text of the reason, exactly as the Pact Broker writes it. */
    public String text() {
        return switch (type) {
            case PACT_NOT_EVER_VERIFIED_BY_PROVIDER, PACT_NOT_VERIFIED_BY_REQUIRED_PROVIDER_VERSION ->
                "There is no verified pact between " + consumer.description() + " and " + provider.description();
            case VERIFICATION_FAILED ->
                "The verification for the pact between " + consumer.description() + " and " + provider.description()
                        + " failed";
            case SPECIFIED_VERSION_DOES_NOT_EXIST -> selector.versionDoesNotExistDescription();
            case IGNORE_SELECTOR_DOES_NOT_EXIST -> "WARN: Cannot ignore " + selector.description();
            case NO_ENVIRONMENT_SPECIFIED ->
                "WARN: It is recommended to specify the environment into which you are deploying. Without the"
                        + " environment, this result will not be reliable.";
            case SELECTOR_WITHOUT_PACTICIPANT_VERSION_NUMBER_SPECIFIED ->
                "WARN: It is recommended to specify the version number (rather than the tag or branch) of the"
                        + " pacticipant you wish to deploy to avoid race conditions. Without a version number, this"
                        + " result will not be reliable.";
            case SUCCESSFUL -> "All required verification results are published and successful";
            case NO_DEPENDENCIES_MISSING -> "There are no missing dependencies";
        };
    }
}
