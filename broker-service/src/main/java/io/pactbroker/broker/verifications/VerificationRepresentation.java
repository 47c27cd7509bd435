package io.pactbroker.broker.verifications;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Dates;
import io.pactbroker.broker.common.hal.Link;
import io.pactbroker.broker.common.hal.Links;
import io.pactbroker.broker.common.json.JsonBodies;
import io.pactbroker.broker.pacts.PactMetadata;
import io.pactbroker.broker.pacts.PactRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A verification result as the Pact Broker shows it, and the latest results of a consumer version. */
public final class VerificationRepresentation {

    private VerificationRepresentation() {}

    public static Map<String, Object> from(VerificationService.Found found, BrokerUrls urls) {
        Verification v = found.verification();
        PactRow pact = found.pact();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerName", v.providerName());
        body.put("providerApplicationVersion", v.providerVersionNumber());
        body.put("success", v.success());
        body.put("verificationDate", Dates.format(v.executionDate()));
        if (v.buildUrl() != null) {
            body.put("buildUrl", v.buildUrl());
        }
        if (v.testResults() != null) {
            body.put("testResults", JsonBodies.parse(v.testResults()).orElse(null));
        }
        Map<String, Object> verifiedBy = new LinkedHashMap<>();
        putIfNotNull(verifiedBy, "implementation", v.verifiedByImplementation());
        putIfNotNull(verifiedBy, "version", v.verifiedByVersion());
        putIfNotNull(verifiedBy, "client_implementation", v.verifiedByClientImplementation());
        putIfNotNull(verifiedBy, "client_test_framework", v.verifiedByClientTestFramework());
        putIfNotNull(verifiedBy, "client_version", v.verifiedByClientVersion());
        body.put("verifiedBy", verifiedBy);
        body.put(
                "_links",
                Links.create()
                        .add(
                                "self",
                                Link.of(
                                        urls.verification(v.providerName(), v.consumerName(), v.sha(), v.number()),
                                        "Verification result",
                                        "Verification result " + v.number() + " for " + pact.name()))
                        .add(
                                "pb:pact-version",
                                Link.of(
                                        urls.pactVersion(
                                                v.providerName(),
                                                v.consumerName(),
                                                v.sha(),
                                                PactMetadata.forConsumerVersionNumber(pact.consumerVersionNumber())),
                                        "Pact",
                                        pact.name()))
                        .add(
                                "pb:triggered-webhooks",
                                Link.of(
                                        urls.verificationTriggeredWebhooks(
                                                v.providerName(), v.consumerName(), v.sha(), v.number()),
                                        "Webhooks triggered by the publication of this verification result"))
                        .build());
        return body;
    }

    /** {@code GET /verification-results/consumer/{c}/version/{v}/latest}. */
    public static Map<String, Object> summary(VerificationService.Summary summary, BrokerUrls urls) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", summary.success());
        Map<String, Object> providers = new LinkedHashMap<>();
        providers.put("successful", summary.successful());
        providers.put("failed", summary.failed());
        providers.put("unknown", summary.unknown());
        body.put("providerSummary", providers);
        List<Map<String, Object>> results =
                summary.verifications().stream().map(f -> from(f, urls)).toList();
        body.put("_embedded", Map.of("verificationResults", results));
        body.put(
                "_links",
                Links.create()
                        .add(
                                "self",
                                Link.of(
                                        urls.latestVerificationsForConsumerVersion(
                                                summary.consumerName(), summary.consumerVersionNumber()),
                                        "Latest verification results for consumer " + summary.consumerName()
                                                + " version " + summary.consumerVersionNumber()))
                        .build());
        return body;
    }

    private static void putIfNotNull(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
