package io.pactbroker.broker.pacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PactMetadataTest {

    /** The metadata of the Pact Broker's golden pacts-for-verification response (latest with tag prod, version 10). */
    private static final String PACT_BROKER_METADATA =
            "cyU1QiU1RCU1QnQlNUQ9cHJvZCZzJTVCJTVEJTVCbCU1RD10cnVlJnMlNUIlNUQlNUJjdiU1RD0xMA";

    @Test
    void shouldEncodeAsThePactBrokerDoes() {
        Map<String, Object> selector = new LinkedHashMap<>();
        selector.put("t", "prod");
        selector.put("l", true);
        selector.put("cv", 10);

        assertThat(PactMetadata.encode(Map.of("s", List.of(selector)))).isEqualTo(PACT_BROKER_METADATA);
    }

    @Test
    void shouldEncodeTheSelectorsAndPendingStatusOfAVerifiablePact() {
        VerifiablePact pact = verifiable(
                        List.of(
                                resolved(ConsumerVersionSelector.latestForTag("prod"), 10L),
                                resolved(ConsumerVersionSelector.latestForBranch("main"), 11L)),
                        false)
                .withPending(true, List.of(), List.of(), "main");

        PactMetadata.Decoded decoded = PactMetadata.decode(PactMetadata.forVerifiablePact(pact));

        assertThat(decoded.selectors())
                .containsExactly(
                        new PactMetadata.Selector(null, "prod", true, null, 10L),
                        new PactMetadata.Selector("main", null, true, null, 11L));
        assertThat(decoded.pending()).isTrue();
        assertThat(decoded.wip()).isFalse();
    }

    @Test
    void shouldWriteTheConsumerVersionFirstSoThatSelectorsOfDifferentKindsReadBackApart() {
        VerifiablePact pact = verifiable(
                List.of(
                        resolved(ConsumerVersionSelector.latestForBranch("main"), 11L),
                        resolved(ConsumerVersionSelector.latestForTag("prod"), 10L)),
                false);

        String query = new String(java.util.Base64.getUrlDecoder().decode(PactMetadata.forVerifiablePact(pact)));

        assertThat(query)
                .isEqualTo("s%5B%5D%5Bcv%5D=11&s%5B%5D%5Bb%5D=main&s%5B%5D%5Bl%5D=true"
                        + "&s%5B%5D%5Bcv%5D=10&s%5B%5D%5Bt%5D=prod&s%5B%5D%5Bl%5D=true");
        assertThat(PactMetadata.decode(PactMetadata.forVerifiablePact(pact)).selectors())
                .containsExactly(
                        new PactMetadata.Selector("main", null, true, null, 11L),
                        new PactMetadata.Selector(null, "prod", true, null, 10L));
    }

    @Test
    void shouldDecodeThePactBrokersMetadata() {
        PactMetadata.Decoded decoded = PactMetadata.decode(PACT_BROKER_METADATA);

        assertThat(decoded.selectors()).containsExactly(new PactMetadata.Selector(null, "prod", true, null, 10L));
        assertThat(decoded.pending()).isNull();
    }

    @Test
    void shouldMarkAWipPactWithWOnly() {
        VerifiablePact pact = verifiable(List.of(resolved(ConsumerVersionSelector.latestForBranch("feat"), 3L)), true);

        String encoded = PactMetadata.forVerifiablePact(pact);

        assertThat(new String(java.util.Base64.getUrlDecoder().decode(encoded))).isEqualTo("w=true");
        assertThat(PactMetadata.decode(encoded).wip()).isTrue();
    }

    @Test
    void shouldReadTheLatestPactAndWebhookForms() {
        PactMetadata.Decoded latest = PactMetadata.decode(PactMetadata.forLatestPact(42L, "prod"));
        PactMetadata.Decoded webhook = PactMetadata.decode(PactMetadata.forConsumerVersionNumber("1.0.0"));

        assertThat(latest.consumerVersionId()).isEqualTo(42L);
        assertThat(latest.consumerVersionTags()).containsExactly("prod");
        assertThat(webhook.consumerVersionNumber()).isEqualTo("1.0.0");
    }

    @Test
    void shouldTreatUnreadableMetadataAsNone() {
        assertThat(PactMetadata.decode("!!not base64!!")).isEqualTo(PactMetadata.Decoded.EMPTY);
        assertThat(PactMetadata.decode("")).isEqualTo(PactMetadata.Decoded.EMPTY);
        assertThat(PactMetadata.decode(PACT_BROKER_METADATA + "==").selectors()).hasSize(1);
    }

    static ResolvedSelector resolved(ConsumerVersionSelector selector, Long versionId) {
        return new ResolvedSelector(selector, versionId, "v" + versionId, versionId, null, null, null);
    }

    static VerifiablePact verifiable(List<ResolvedSelector> selectors, boolean wip) {
        PactRow row = new PactRow(1L, 1L, "Foo", 2L, "Bar", 10L, "v10", 10L, 1, 5L, "abc", OffsetDateTime.now(), null);
        VerifiablePact pact = new VerifiablePact(row, null, selectors, null, List.of(), List.of(), null, false);
        return wip ? pact.asWip(List.of(), "main") : pact;
    }
}
