package io.pactbroker.verifier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.core.broker.BrokerAuth;
import io.pactbroker.core.internal.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Pacts from a Pact Broker, through its {@code pb:provider-pacts-for-verification} relation: the consumer version
 * selectors, the provider version's branch and tags (which decide what is pending for it), whether to ask for the
 * pending status, and since when to include work-in-progress pacts. Immutable; each {@code with} method returns a copy.
 *
 * <pre>{@code
 * BrokerSource broker = BrokerSource.of("https://broker.example.com")
 *     .auth(BrokerAuth.bearer(System.getenv("PACT_BROKER_TOKEN")))
 *     .selectors(ConsumerVersionSelector.mainBranch(), ConsumerVersionSelector.deployedOrReleased())
 *     .providerBranch("main")
 *     .includePendingStatus(true)
 *     .includeWipPactsSince("2024-01-01");
 * }</pre>
 *
 * @param baseUrl the broker's base URL
 * @param auth the credentials
 * @param selectors the consumer version selectors (none: the broker's defaults)
 * @param providerBranch the branch of the provider version being verified
 * @param providerTags the tags of the provider version being verified (older brokers and pipelines)
 * @param includePendingStatus whether to ask for the pending status (a pending pact's failure does not fail the run)
 * @param includeWipPactsSince include work-in-progress pacts published since this date ({@code 2024-01-01})
 * @param timeout the timeout of each request to the broker
 */
public record BrokerSource(
        String baseUrl,
        BrokerAuth auth,
        List<ConsumerVersionSelector> selectors,
        Optional<String> providerBranch,
        List<String> providerTags,
        boolean includePendingStatus,
        Optional<String> includeWipPactsSince,
        Duration timeout)
        implements PactSource {

    public BrokerSource {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(auth, "auth");
        selectors = List.copyOf(selectors);
        Objects.requireNonNull(providerBranch, "providerBranch");
        providerTags = List.copyOf(providerTags);
        Objects.requireNonNull(includeWipPactsSince, "includeWipPactsSince");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** A broker at the base URL: no credentials, the broker's default selectors, pending status on, no WIP pacts. */
    public static BrokerSource of(String baseUrl) {
        return new BrokerSource(
                baseUrl,
                BrokerAuth.none(),
                List.of(),
                Optional.empty(),
                List.of(),
                true,
                Optional.empty(),
                Duration.ofSeconds(30));
    }

    public BrokerSource auth(BrokerAuth value) {
        return new BrokerSource(
                baseUrl,
                value,
                selectors,
                providerBranch,
                providerTags,
                includePendingStatus,
                includeWipPactsSince,
                timeout);
    }

    public BrokerSource selectors(ConsumerVersionSelector... values) {
        return selectors(Arrays.asList(values));
    }

    public BrokerSource selectors(List<ConsumerVersionSelector> values) {
        return new BrokerSource(
                baseUrl,
                auth,
                values,
                providerBranch,
                providerTags,
                includePendingStatus,
                includeWipPactsSince,
                timeout);
    }

    /** Adds the Pact CLI's {@code --consumer-version-tags}: the latest pact of each tag. */
    public BrokerSource consumerVersionTags(List<String> tags) {
        List<ConsumerVersionSelector> all = new ArrayList<>(selectors);
        tags.forEach(t -> all.add(ConsumerVersionSelector.latestTag(t)));
        return selectors(all);
    }

    public BrokerSource providerBranch(String value) {
        return new BrokerSource(
                baseUrl,
                auth,
                selectors,
                Optional.ofNullable(value).filter(v -> !v.isBlank()),
                providerTags,
                includePendingStatus,
                includeWipPactsSince,
                timeout);
    }

    public BrokerSource providerTags(List<String> values) {
        return new BrokerSource(
                baseUrl, auth, selectors, providerBranch, values, includePendingStatus, includeWipPactsSince, timeout);
    }

    public BrokerSource includePendingStatus(boolean value) {
        return new BrokerSource(
                baseUrl, auth, selectors, providerBranch, providerTags, value, includeWipPactsSince, timeout);
    }

    /** Include WIP pacts published since the date (ISO {@code 2024-01-01} or a date-time); needs a branch or tags. */
    public BrokerSource includeWipPactsSince(String value) {
        return new BrokerSource(
                baseUrl,
                auth,
                selectors,
                providerBranch,
                providerTags,
                includePendingStatus,
                Optional.ofNullable(value).filter(v -> !v.isBlank()),
                timeout);
    }

    public BrokerSource timeout(Duration value) {
        return new BrokerSource(
                baseUrl,
                auth,
                selectors,
                providerBranch,
                providerTags,
                includePendingStatus,
                includeWipPactsSince,
                value);
    }

    /** The body of the pacts-for-verification request. */
    public ObjectNode requestBody() {
        ObjectNode body = Json.NODES.objectNode();
        if (!selectors.isEmpty()) {
            ArrayNode array = body.putArray("consumerVersionSelectors");
            selectors.forEach(s -> array.add(s.toJson()));
        }
        providerBranch.ifPresent(b -> body.put("providerVersionBranch", b));
        if (!providerTags.isEmpty()) {
            ArrayNode array = body.putArray("providerVersionTags");
            providerTags.forEach(array::add);
        }
        body.put("includePendingStatus", includePendingStatus);
        includeWipPactsSince.ifPresent(d -> body.put("includeWipPactsSince", d));
        return body;
    }

    @Override
    public String describe() {
        return "Pact Broker " + baseUrl;
    }
}
