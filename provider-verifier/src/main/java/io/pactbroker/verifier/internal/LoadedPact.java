package io.pactbroker.verifier.internal;

import io.pactbroker.core.broker.BrokerClient;
import io.pactbroker.core.model.Pact;
import io.pactbroker.verifier.PactResult;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A pact ready to verify, with what its source said about it.
 *
 * @param pact the pact
 * @param source where it came from, for messages
 * @param shortDescription the broker's short description
 * @param pending the broker's pending flag
 * @param wip the broker's WIP flag
 * @param notices the broker's notices
 * @param publishUrl its {@code pb:publish-verification-results} link
 * @param providerUrl its {@code pb:provider} link
 * @param broker the client it was read with, for publishing
 */
public record LoadedPact(
        Pact pact,
        String source,
        Optional<String> shortDescription,
        boolean pending,
        boolean wip,
        List<PactResult.Notice> notices,
        Optional<URI> publishUrl,
        Optional<URI> providerUrl,
        Optional<BrokerClient> broker) {

    /** A pact read from a file or memory: nothing to publish to. */
    public static LoadedPact local(Pact pact, String source) {
        return new LoadedPact(
                pact,
                source,
                Optional.empty(),
                false,
                false,
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
