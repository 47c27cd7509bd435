package io.pactbroker.broker.common.hal;

import io.pactbroker.broker.common.config.BrokerConfig;
import io.pactbroker.broker.common.web.NestedQuery;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that knows every path of the broker. Links are absolute: they start with the configured base URL or
 * the one derived from the request (see {@link BaseUrl}). Path segments are encoded as the Ruby broker encodes them
 * (everything but {@code A-Z a-z 0-9 - . _ ~} is percent-encoded, a space as {@code %20}).
 */
@RequestScoped
public class BrokerUrls {

    @Inject
    BrokerConfig config;

    @Inject
    CurrentVertxRequest currentRequest;

    private String base;

    /**
     * URLs built on a known base URL, outside any request (the webhook dispatcher renders links with the base URL of
     * the request that triggered the webhook).
     */
    public static BrokerUrls withBase(String base) {
        BrokerUrls urls = new BrokerUrls();
        urls.base = base == null ? "" : base;
        return urls;
    }

    /** The base URL, without a trailing slash. */
    public String base() {
        if (base == null) {
            List<String> configured = config.baseUrl().orElse(List.of()).stream()
                    .filter(s -> !s.isBlank())
                    .toList();
            HttpServerRequest request = currentRequest.getCurrent() == null
                    ? null
                    : currentRequest.getCurrent().request();
            if (request == null) {
                base = configured.isEmpty() ? "" : BaseUrl.resolve(configured, h -> null, "http", null);
            } else {
                String host = request.authority() == null
                        ? request.getHeader("Host")
                        : request.authority().toString();
                base = BaseUrl.resolve(configured, request::getHeader, request.scheme(), host);
            }
        }
        return base;
    }

    /** Percent-encodes one path segment. */
    public static String encode(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    // index and collections

    public String index() {
        return base();
    }

    public String pacticipants() {
        return base() + "/pacticipants";
    }

    public String integrations() {
        return base() + "/integrations";
    }

    public String latestPacts() {
        return base() + "/pacts/latest";
    }

    public String publishContracts() {
        return base() + "/contracts/publish";
    }

    // pacticipants, labels, versions, branches, tags

    public String pacticipant(String name) {
        return pacticipants() + "/" + encode(name);
    }

    public String label(String pacticipant, String label) {
        return pacticipant(pacticipant) + "/labels/" + encode(label);
    }

    public String pacticipantsWithLabel(String label) {
        return pacticipants() + "/label/" + encode(label);
    }

    public String versions(String pacticipant) {
        return pacticipant(pacticipant) + "/versions";
    }

    public String version(String pacticipant, String number) {
        return versions(pacticipant) + "/" + encode(number);
    }

    public String latestVersion(String pacticipant) {
        return pacticipant(pacticipant) + "/latest-version";
    }

    public String latestVersion(String pacticipant, String tag) {
        return latestVersion(pacticipant) + "/" + encode(tag);
    }

    public String tag(String pacticipant, String version, String tag) {
        return version(pacticipant, version) + "/tags/" + encode(tag);
    }

    public String branches(String pacticipant) {
        return pacticipant(pacticipant) + "/branches";
    }

    public String branch(String pacticipant, String branch) {
        return branches(pacticipant) + "/" + encode(branch);
    }

    public String branchVersions(String pacticipant, String branch) {
        return branch(pacticipant, branch) + "/versions";
    }

    public String branchVersion(String pacticipant, String branch, String version) {
        return branchVersions(pacticipant, branch) + "/" + encode(version);
    }

    public String branchLatestVersion(String pacticipant, String branch) {
        return branch(pacticipant, branch) + "/latest-version";
    }

    // pacts

    public String integrationPacts(String provider, String consumer) {
        return base() + "/pacts/provider/" + encode(provider) + "/consumer/" + encode(consumer);
    }

    public String pact(String provider, String consumer, String consumerVersion) {
        return integrationPacts(provider, consumer) + "/version/" + encode(consumerVersion);
    }

    public String pactVersion(String provider, String consumer, String sha) {
        return integrationPacts(provider, consumer) + "/pact-version/" + sha;
    }

    public String latestPact(String provider, String consumer) {
        return integrationPacts(provider, consumer) + "/latest";
    }

    public String latestPact(String provider, String consumer, String tag) {
        return latestPact(provider, consumer) + "/" + encode(tag);
    }

    public String latestUntaggedPact(String provider, String consumer) {
        return integrationPacts(provider, consumer) + "/latest-untagged";
    }

    public String pactVersions(String provider, String consumer) {
        return integrationPacts(provider, consumer) + "/versions";
    }

    public String previousDistinct(String provider, String consumer, String consumerVersion) {
        return pact(provider, consumer, consumerVersion) + "/previous-distinct";
    }

    public String diffPreviousDistinct(String provider, String consumer, String consumerVersion) {
        return pact(provider, consumer, consumerVersion) + "/diff/previous-distinct";
    }

    public String templatedDiff(String provider, String consumer, String sha) {
        return pactVersion(provider, consumer, sha) + "/diff/pact-version/{pactVersion}";
    }

    public String providerPacts(String provider) {
        return base() + "/pacts/provider/" + encode(provider);
    }

    public String integration(String provider, String consumer) {
        return base() + "/integrations/provider/" + encode(provider) + "/consumer/" + encode(consumer);
    }

    // verifications and pacts for verification (issue 4)

    public String pactVersion(String provider, String consumer, String sha, String metadata) {
        String url = pactVersion(provider, consumer, sha);
        return metadata == null || metadata.isEmpty() ? url : url + "/metadata/" + metadata;
    }

    /** Where verification results for the content are published (with the selection metadata, if any). */
    public String publishVerificationResults(String provider, String consumer, String sha, String metadata) {
        return pactVersion(provider, consumer, sha, metadata) + "/verification-results";
    }

    public String verification(String provider, String consumer, String sha, int number) {
        return pactVersion(provider, consumer, sha) + "/verification-results/" + number;
    }

    public String latestVerification(String provider, String consumer, String sha) {
        return pactVersion(provider, consumer, sha) + "/verification-results/latest";
    }

    public String latestVerificationsForConsumerVersion(String consumer, String version) {
        return base() + "/verification-results/consumer/" + encode(consumer) + "/version/" + encode(version)
                + "/latest";
    }

    public String pactsForVerification(String provider) {
        return providerPacts(provider) + "/for-verification";
    }

    public String providerStates(String provider) {
        return providerPacts(provider) + "/provider-states";
    }

    // environments, deployments and releases (issue 5)

    public String environments() {
        return base() + "/environments";
    }

    public String environment(String uuid) {
        return environments() + "/" + encode(uuid);
    }

    public String currentlyDeployedVersions(String environmentUuid) {
        return environment(environmentUuid) + "/deployed-versions/currently-deployed";
    }

    public String currentlySupportedVersions(String environmentUuid) {
        return environment(environmentUuid) + "/released-versions/currently-supported";
    }

    public String deployedVersion(String uuid) {
        return base() + "/deployed-versions/" + encode(uuid);
    }

    public String releasedVersion(String uuid) {
        return base() + "/released-versions/" + encode(uuid);
    }

    /** Where a deployment of the version to the environment is recorded ({@code pb:record-deployment}). */
    public String deployedVersionsForVersion(String pacticipant, String version, String environmentUuid) {
        return version(pacticipant, version) + "/deployed-versions/environment/" + encode(environmentUuid);
    }

    /** Where a release of the version to the environment is recorded ({@code pb:record-release}). */
    public String releasedVersionsForVersion(String pacticipant, String version, String environmentUuid) {
        return version(pacticipant, version) + "/released-versions/environment/" + encode(environmentUuid);
    }

    // matrix, can-i-deploy and badges (issue 5)

    public String matrix() {
        return base() + "/matrix";
    }

    public String matrixForIntegration(String provider, String consumer) {
        return matrix() + "/provider/" + encode(provider) + "/consumer/" + encode(consumer);
    }

    /** The matrix rows of one version ({@code pb:matrix-for-consumer-version}). */
    public String matrixForVersion(String pacticipant, String version) {
        Map<String, Object> selector = new LinkedHashMap<>();
        selector.put("pacticipant", pacticipant);
        selector.put("version", version);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("q", List.of(selector));
        query.put("latestby", "cvpv");
        return matrix() + "?" + NestedQuery.build(query);
    }

    public String canIDeploy() {
        return base() + "/can-i-deploy";
    }

    // webhooks

    public String webhooks() {
        return base() + "/webhooks";
    }

    public String webhook(String uuid) {
        return webhooks() + "/" + encode(uuid);
    }

    public String webhookExecution(String uuid) {
        return webhook(uuid) + "/execute";
    }

    public String unsavedWebhookExecution() {
        return webhooks() + "/execute";
    }

    public String webhooksForConsumerAndProvider(String provider, String consumer) {
        return webhooks() + "/provider/" + encode(provider) + "/consumer/" + encode(consumer);
    }

    public String consumerWebhooks(String consumer) {
        return webhooks() + "/consumer/" + encode(consumer);
    }

    public String providerWebhooks(String provider) {
        return webhooks() + "/provider/" + encode(provider);
    }

    public String pactWebhooks(String provider, String consumer) {
        return integrationPacts(provider, consumer) + "/webhooks";
    }

    public String pactWebhooksStatus(String provider, String consumer) {
        return pactWebhooks(provider, consumer) + "/status";
    }

    public String pactTriggeredWebhooks(String provider, String consumer, String consumerVersion) {
        return pact(provider, consumer, consumerVersion) + "/triggered-webhooks";
    }

    public String verificationTriggeredWebhooks(String provider, String consumer, String sha, int number) {
        return verification(provider, consumer, sha, number) + "/triggered-webhooks";
    }

    public String triggeredWebhookLogs(String uuid) {
        return base() + "/triggered-webhooks/" + encode(uuid) + "/logs";
    }
}
