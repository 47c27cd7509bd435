package io.pactbroker.consumer.publish;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.consumer.PactSettings;
import io.pactbroker.consumer.PactSettings.Key;
import io.pactbroker.core.broker.BrokerAuth;
import io.pactbroker.core.broker.BrokerClient;
import io.pactbroker.core.broker.BrokerException;
import io.pactbroker.core.broker.BrokerResponseException;
import io.pactbroker.core.broker.BrokerUnreachableException;
import io.pactbroker.core.broker.HalDocument;
import io.pactbroker.core.broker.Notice;
import io.pactbroker.core.internal.Json;
import io.pactbroker.core.model.Pact;
import io.pactbroker.core.model.PactReadException;
import io.pactbroker.core.model.PactReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

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
            files = pactFiles(directory);
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

        Map<String, List<Contract>> byConsumer = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                Pact pact = PactReader.read(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
                byConsumer
                        .computeIfAbsent(pact.consumer(), c -> new ArrayList<>())
                        .add(new Contract(pact.consumer(), pact.provider(), bytes, file));
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
        List<Notice> notices = new ArrayList<>();
        try {
            var publishLink = client.index().requireLink("pb:publish-contracts");
            for (Map.Entry<String, List<Contract>> entry : byConsumer.entrySet()) {
                out.println("Publishing " + entry.getValue().size() + " pact(s) of " + entry.getKey() + " version "
                        + version.get() + branch.map(b -> " (branch " + b + ")").orElse("") + " to "
                        + client.baseUrl());
                HalDocument result = client.post(
                        publishLink.uri(), body(entry.getKey(), entry.getValue(), version.get(), branch, buildUrl));
                result.notices().forEach(this::print);
                notices.addAll(result.notices());
            }
        } catch (BrokerUnreachableException e) {
            return fail(PublishResult.Outcome.UNREACHABLE, e.getMessage());
        } catch (BrokerResponseException e) {
            e.notices().forEach(this::print);
            notices.addAll(e.notices());
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
                    PublishResult.Outcome.REFUSED, "Publishing failed: " + e.getMessage() + "." + hint, notices);
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

    private ObjectNode body(
            String consumer,
            List<Contract> contracts,
            String version,
            Optional<String> branch,
            Optional<String> buildUrl) {
        ObjectNode body = Json.NODES.objectNode();
        body.put("pacticipantName", consumer);
        body.put("pacticipantVersionNumber", version);
        branch.ifPresent(b -> body.put("branch", b));
        List<String> tags = settings.consumerTags();
        if (!tags.isEmpty()) {
            ArrayNode array = body.putArray("tags");
            tags.forEach(array::add);
        }
        buildUrl.ifPresent(u -> body.put("buildUrl", u));
        ArrayNode array = body.putArray("contracts");
        for (Contract contract : contracts) {
            ObjectNode c = array.addObject();
            c.put("consumerName", contract.consumer());
            c.put("providerName", contract.provider());
            c.put("specification", "pact");
            c.put("contentType", "application/json");
            c.put("content", Base64.getEncoder().encodeToString(contract.content()));
        }
        return body;
    }

    private void print(Notice notice) {
        String prefix =
                switch (notice.type()) {
                    case "warning" -> "WARNING: ";
                    case "danger", "error" -> "ERROR: ";
                    default -> "";
                };
        out.println("  " + prefix + notice.text());
    }

    private PublishResult skip(String message) {
        out.println(message);
        return new PublishResult(PublishResult.Outcome.SKIPPED, message, List.of());
    }

    private PublishResult fail(PublishResult.Outcome outcome, String message) {
        out.println(message);
        return new PublishResult(outcome, message, List.of());
    }

    private static List<Path> pactFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    private record Contract(String consumer, String provider, byte[] content, Path file) {}
}
