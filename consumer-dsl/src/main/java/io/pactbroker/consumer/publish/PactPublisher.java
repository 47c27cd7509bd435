package io.pactbroker.consumer.publish;

import io.pactbroker.consumer.PactSettings;
import io.pactbroker.consumer.PactSettings.Key;
import io.pactbroker.core.broker.BrokerAuth;
import io.pactbroker.core.broker.BrokerClient;
import io.pactbroker.core.broker.BrokerException;
import io.pactbroker.core.broker.BrokerResponseException;
import io.pactbroker.core.broker.BrokerUnreachableException;
import io.pactbroker.core.broker.ContractPublisher;
import io.pactbroker.core.broker.ContractPublisher.Contract;
import io.pactbroker.core.broker.Notice;
import io.pactbroker.core.model.PactReadException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Publishes every pact file of a folder to a Pact Broker with {@code POST /contracts/publish} (found from the broker's
 * index as {@code pb:publish-contracts}), one request per consumer, as the Pact CLI's {@code publish} does. The consumer
 * version, branch and build URL come from the settings when given, else from the CI environment, else from git; the
 * version falls back to the git commit.
 *
 * <pre>{@code
 * PublishResult result = PactPublisher.of(PactSettings.load()).publish();   // target/pacts by default
 * if (result.outcome() != PublishResult.Outcome.PUBLISHED) {
 *     System.err.println(result.message());
 * }
 * }</pre>
 *
 * <p>Publishing is skipped, with a message saying why, when there is no broker URL, no pact file or no version.
 */
public final class PactPublisher {

    private final PactSettings settings;
    private final BuildInfo build;
    private final PrintStream out;

    private PactPublisher(PactSettings settings, BuildInfo build, PrintStream out) {
        this.settings = settings;
        this.build = build;
        this.out = out;
    }

    /** A publisher with the settings, CI detection from their environment and git in the working directory. */
    public static PactPublisher of(PactSettings settings) {
        return new PactPublisher(
                settings, BuildInfo.fromCi(settings.environment()).orElse(BuildInfo.fromGit(Path.of("."))), System.out);
    }

    /** A publisher with the build information given (for tests, or a build tool that knows better). */
    public static PactPublisher of(PactSettings settings, BuildInfo build) {
        return new PactPublisher(settings, build, System.out);
    }

    /** The same publisher printing to another stream. */
    public PactPublisher printingTo(PrintStream stream) {
        return new PactPublisher(settings, build, stream);
    }

    /** Publishes the pacts of the configured pact directory. */
    public PublishResult publish() {
        return publish(settings.pactDirectory());
    }

    /** Publishes the pact files ({@code *.json}) of a folder. */
    public PublishResult publish(Path directory) {
        Optional<String> brokerUrl = settings.brokerUrl();
        if (brokerUrl.isEmpty()) {
            return skip("Not publishing pacts: no broker URL. Set PACT_BROKER_BASE_URL (or pact.broker.url in"
                    + " pact.properties).");
        }
        List<Path> files;
        try {
            files = ContractPublisher.pactFiles(directory);
        } catch (IOException e) {
            return fail(PublishResult.Outcome.CONFIGURATION_ERROR, "Cannot read " + directory + ": " + e.getMessage());
        }
        if (files.isEmpty()) {
            return skip("Not publishing pacts: there is no pact file in " + directory.toAbsolutePath()
                    + " (run the consumer tests first).");
        }
        Optional<String> version = settings.consumerVersion().or(build::commit);
        if (version.isEmpty()) {
            return skip("Not publishing pacts: no consumer version. Set PACT_CONSUMER_VERSION (or"
                    + " pact.consumer.version), or publish from a git checkout or a CI build.");
        }
        Optional<String> branch = settings.consumerBranch().or(build::branch);
        Optional<String> buildUrl = settings.buildUrl().or(build::buildUrl);

        List<Contract> contracts = new ArrayList<>();
        for (Path file : files) {
            try {
                contracts.add(Contract.read(file));
            } catch (IOException | PactReadException e) {
                return fail(
                        PublishResult.Outcome.CONFIGURATION_ERROR,
                        "Cannot publish " + file + ": it is not a readable pact file: " + e.getMessage());
            }
        }

        BrokerClient client;
        try {
            client = BrokerClient.builder(brokerUrl.get()).auth(auth()).build();
        } catch (IllegalArgumentException e) {
            return fail(
                    PublishResult.Outcome.CONFIGURATION_ERROR,
                    e.getMessage() + " (" + settings.explain(Key.BROKER_URL) + ")");
        }
        List<Notice> notices;
        try {
            notices = ContractPublisher.of(client)
                    .printingTo(out)
                    .publish(
                            new ContractPublisher.ConsumerVersion(
                                    version.get(), branch, settings.consumerTags(), buildUrl),
                            contracts);
        } catch (BrokerUnreachableException e) {
            return fail(PublishResult.Outcome.UNREACHABLE, e.getMessage());
        } catch (BrokerResponseException e) {
            String hint = e.status() == 401 || e.status() == 403
                    ? " Credentials: "
                            + (settings.brokerToken().isPresent()
                                    ? "a token from " + settings.explain(Key.BROKER_TOKEN)
                                    : settings.brokerUsername().isPresent()
                                            ? "user from " + settings.explain(Key.BROKER_USERNAME)
                                            : "none (set PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD)")
                            + "."
                    : "";
            return new PublishResult(
                    PublishResult.Outcome.REFUSED, "Publishing failed: " + e.getMessage() + "." + hint, e.notices());
        } catch (BrokerException e) {
            return fail(PublishResult.Outcome.REFUSED, "Publishing failed: " + e.getMessage());
        }
        String message = "Published " + files.size() + " pact(s) to " + client.baseUrl() + ".";
        out.println(message);
        return new PublishResult(PublishResult.Outcome.PUBLISHED, message, notices);
    }

    private BrokerAuth auth() {
        if (settings.brokerToken().isPresent()) {
            return BrokerAuth.bearer(settings.brokerToken().get());
        }
        if (settings.brokerUsername().isPresent()) {
            return BrokerAuth.basic(
                    settings.brokerUsername().get(), settings.brokerPassword().orElse(""));
        }
        return BrokerAuth.none();
    }

    private PublishResult skip(String message) {
        out.println(message);
        return new PublishResult(PublishResult.Outcome.SKIPPED, message, List.of());
    }

    private PublishResult fail(PublishResult.Outcome outcome, String message) {
        out.println(message);
        return new PublishResult(outcome, message, List.of());
    }
}
