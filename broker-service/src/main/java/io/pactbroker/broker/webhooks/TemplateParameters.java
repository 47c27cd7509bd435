package io.pactbroker.broker.webhooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of the {@code ${pactbroker.*}} parameters for one triggered webhook, as the Pact Broker computes them.
 * They are worked out when the webhook is triggered (in the publishing transaction) and stored with it, so a retry
 * hours later sends what the event meant at the time.
 */
public final class TemplateParameters {

    public static final String CONSUMER_NAME = "pactbroker.consumerName";
    public static final String PROVIDER_NAME = "pactbroker.providerName";
    public static final String CONSUMER_VERSION_NUMBER = "pactbroker.consumerVersionNumber";
    public static final String PROVIDER_VERSION_NUMBER = "pactbroker.providerVersionNumber";
    public static final String PROVIDER_VERSION_TAGS = "pactbroker.providerVersionTags";
    public static final String PROVIDER_VERSION_DESCRIPTIONS = "pactbroker.providerVersionDescriptions";
    public static final String PROVIDER_VERSION_BRANCH = "pactbroker.providerVersionBranch";
    public static final String CONSUMER_VERSION_TAGS = "pactbroker.consumerVersionTags";
    public static final String CONSUMER_VERSION_BRANCH = "pactbroker.consumerVersionBranch";
    public static final String PACT_URL = "pactbroker.pactUrl";
    public static final String VERIFICATION_RESULT_URL = "pactbroker.verificationResultUrl";
    public static final String GITHUB_VERIFICATION_STATUS = "pactbroker.githubVerificationStatus";
    public static final String BITBUCKET_VERIFICATION_STATUS = "pactbroker.bitbucketVerificationStatus";
    public static final String AZURE_DEV_OPS_VERIFICATION_STATUS = "pactbroker.azureDevOpsVerificationStatus";
    public static final String GITLAB_VERIFICATION_STATUS = "pactbroker.gitlabVerificationStatus";
    public static final String CONSUMER_LABELS = "pactbroker.consumerLabels";
    public static final String PROVIDER_LABELS = "pactbroker.providerLabels";
    public static final String EVENT_NAME = "pactbroker.eventName";
    public static final String BUILD_URL = "pactbroker.buildUrl";
    public static final String CURRENTLY_DEPLOYED_PROVIDER_VERSION_NUMBER =
            "pactbroker.currentlyDeployedProviderVersionNumber";

    /** Every parameter, in the Pact Broker's order. */
    public static final List<String> ALL = List.of(
            CONSUMER_NAME,
            PROVIDER_NAME,
            CONSUMER_VERSION_NUMBER,
            PROVIDER_VERSION_NUMBER,
            PROVIDER_VERSION_TAGS,
            PROVIDER_VERSION_DESCRIPTIONS,
            PROVIDER_VERSION_BRANCH,
            CONSUMER_VERSION_TAGS,
            CONSUMER_VERSION_BRANCH,
            PACT_URL,
            VERIFICATION_RESULT_URL,
            GITHUB_VERIFICATION_STATUS,
            BITBUCKET_VERIFICATION_STATUS,
            AZURE_DEV_OPS_VERIFICATION_STATUS,
            GITLAB_VERIFICATION_STATUS,
            CONSUMER_LABELS,
            PROVIDER_LABELS,
            EVENT_NAME,
            BUILD_URL,
            CURRENTLY_DEPLOYED_PROVIDER_VERSION_NUMBER);

    private TemplateParameters() {}

    /**
     * What the parameters are made of.
     *
     * @param verificationSuccess the verdict of the verification the webhook is about (or the latest one of the
     *     content), null when there is none
     */
    public record Source(
            String eventName,
            String consumerName,
            String providerName,
            String pactUrl,
            String consumerVersionNumber,
            List<String> consumerVersionTags,
            String consumerVersionBranch,
            String providerVersionNumber,
            List<String> providerVersionTags,
            String providerVersionBranch,
            List<String> providerVersionDescriptions,
            Boolean verificationSuccess,
            String verificationResultUrl,
            List<String> consumerLabels,
            List<String> providerLabels,
            String buildUrl) {}

    public static Map<String, String> of(Source s) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(CONSUMER_NAME, text(s.consumerName()));
        p.put(PROVIDER_NAME, text(s.providerName()));
        p.put(CONSUMER_VERSION_NUMBER, text(s.consumerVersionNumber()));
        p.put(PROVIDER_VERSION_NUMBER, text(s.providerVersionNumber()));
        p.put(PROVIDER_VERSION_TAGS, join(s.providerVersionTags()));
        p.put(PROVIDER_VERSION_DESCRIPTIONS, join(s.providerVersionDescriptions()));
        p.put(PROVIDER_VERSION_BRANCH, text(s.providerVersionBranch()));
        p.put(CONSUMER_VERSION_TAGS, join(s.consumerVersionTags()));
        p.put(CONSUMER_VERSION_BRANCH, text(s.consumerVersionBranch()));
        p.put(PACT_URL, text(s.pactUrl()));
        p.put(VERIFICATION_RESULT_URL, text(s.verificationResultUrl()));
        Boolean success = s.verificationSuccess();
        p.put(GITHUB_VERIFICATION_STATUS, success == null ? "pending" : success ? "success" : "failure");
        p.put(BITBUCKET_VERIFICATION_STATUS, success == null ? "INPROGRESS" : success ? "SUCCESSFUL" : "FAILED");
        p.put(AZURE_DEV_OPS_VERIFICATION_STATUS, success == null ? "pending" : success ? "succeeded" : "failed");
        p.put(GITLAB_VERIFICATION_STATUS, success == null ? "pending" : success ? "success" : "failed");
        p.put(CONSUMER_LABELS, join(s.consumerLabels()));
        p.put(PROVIDER_LABELS, join(s.providerLabels()));
        p.put(EVENT_NAME, text(s.eventName()));
        p.put(BUILD_URL, text(s.buildUrl()));
        // the Pact Broker expands this one only behind a feature toggle; it is always empty here
        p.put(CURRENTLY_DEPLOYED_PROVIDER_VERSION_NUMBER, "");
        return p;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String join(List<String> values) {
        return values == null ? "" : String.join(", ", values);
    }
}
