package io.pactbroker.core.broker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.core.internal.Json;
import io.pactbroker.core.model.Pact;
import io.pactbroker.core.model.PactReadException;
import io.pactbroker.core.model.PactReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Publishes pacts to a Pact Broker as the Pact CLI's {@code publish} does: {@code POST /contracts/publish}, found
 * from the index as {@code pb:publish-contracts}, one request per consumer with all of its pacts, printing what it
 * publishes and the broker's notices. The consumer DSL's publisher and the verifier CLI's {@code publish} both use it;
 * where the consumer version comes from (settings, CI, git, flags) is theirs to decide.
 *
 * <pre>{@code
 * List<ContractPublisher.Contract> contracts = new ArrayList<>();
 * for (Path file : ContractPublisher.pactFiles(Path.of("target/pacts"))) {
 *     contracts.add(ContractPublisher.Contract.read(file));
 * }
 * List<Notice> notices = ContractPublisher.of(broker)
 *     .printingTo(System.out)
 *     .publish(new ContractPublisher.ConsumerVersion("1.0.0", Optional.of("main"), List.of(), Optional.empty()),
 *         contracts);
 * }</pre>
 */
public final class ContractPublisher {

    /**
     * A pact file to publish, as its bytes: the broker receives exactly what the consumer's tool wrote.
     *
     * @param consumer the consumer's name, from the pact
     * @param provider the provider's name, from the pact
     * @param content the file's bytes
     */
    public record Contract(String consumer, String provider, byte[] content) {

        public Contract {
            Objects.requireNonNull(consumer, "consumer");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(content, "content");
        }

        /**
         * Reads a pact file.
         *
         * @throws IOException when the file cannot be read
         * @throws PactReadException when it is not a pact
         */
        public static Contract read(Path file) throws IOException {
            byte[] bytes = Files.readAllBytes(file);
            Pact pact = PactReader.read(new String(bytes, StandardCharsets.UTF_8));
            return new Contract(pact.consumer(), pact.provider(), bytes);
        }
    }

    /**
     * The consumer version the pacts belong to.
     *
     * @param number the version number (required)
     * @param branch the repository branch of the version
     * @param tags tags for the version
     * @param buildUrl the URL of the build that made the pacts
     */
    public record ConsumerVersion(
            String number, Optional<String> branch, List<String> tags, Optional<String> buildUrl) {

        public ConsumerVersion {
            Objects.requireNonNull(number, "number");
            branch = Objects.requireNonNullElse(branch, Optional.empty());
            tags = List.copyOf(Objects.requireNonNullElse(tags, List.of()));
            buildUrl = Objects.requireNonNullElse(buildUrl, Optional.empty());
        }
    }

    private final BrokerClient broker;
    private final PrintStream out;

    private ContractPublisher(BrokerClient broker, PrintStream out) {
        this.broker = broker;
        this.out = out;
    }

    /** A publisher to the broker that prints nothing. */
    public static ContractPublisher of(BrokerClient broker) {
        return new ContractPublisher(
                Objects.requireNonNull(broker, "broker"), new PrintStream(OutputStream.nullOutputStream()));
    }

    /** The same publisher printing what it publishes and the broker's notices to the stream. */
    public ContractPublisher printingTo(PrintStream stream) {
        return new ContractPublisher(broker, Objects.requireNonNull(stream, "stream"));
    }

    /**
     * Publishes the contracts, one request per consumer (in the order the consumers first appear).
     *
     * @return the broker's notices, of every request
     * @throws BrokerUnreachableException when the broker cannot be reached
     * @throws BrokerResponseException when it refuses a publication (its notices are printed first)
     * @throws BrokerException when it has no {@code pb:publish-contracts} relation or does not answer JSON
     */
    public List<Notice> publish(ConsumerVersion version, List<Contract> contracts) {
        Map<String, List<Contract>> byConsumer = new LinkedHashMap<>();
        for (Contract contract : contracts) {
            byConsumer
                    .computeIfAbsent(contract.consumer(), c -> new ArrayList<>())
                    .add(contract);
        }
        if (byConsumer.isEmpty()) {
            return List.of();
        }
        Link publish = broker.index().requireLink("pb:publish-contracts");
        List<Notice> notices = new ArrayList<>();
        for (Map.Entry<String, List<Contract>> entry : byConsumer.entrySet()) {
            out.println("Publishing " + entry.getValue().size() + " pact(s) of " + entry.getKey() + " version "
                    + version.number()
                    + version.branch().map(b -> " (branch " + b + ")").orElse("") + " to "
                    + broker.baseUrl());
            HalDocument result;
            try {
                result = broker.post(publish.uri(), body(entry.getKey(), entry.getValue(), version));
            } catch (BrokerResponseException e) {
                e.notices().forEach(this::print);
                throw e;
            }
            result.notices().forEach(this::print);
            notices.addAll(result.notices());
        }
        return List.copyOf(notices);
    }

    /** The body of {@code POST /contracts/publish} for one consumer's pacts. */
    static ObjectNode body(String consumer, List<Contract> contracts, ConsumerVersion version) {
        ObjectNode body = Json.NODES.objectNode();
        body.put("pacticipantName", consumer);
        body.put("pacticipantVersionNumber", version.number());
        version.branch().ifPresent(b -> body.put("branch", b));
        if (!version.tags().isEmpty()) {
            ArrayNode tags = body.putArray("tags");
            version.tags().forEach(tags::add);
        }
        version.buildUrl().ifPresent(u -> body.put("buildUrl", u));
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

    /**
     * The pact files of a folder: its {@code *.json} files, hidden ones left out, sorted by name; none when the folder
     * does not exist.
     */
    public static List<Path> pactFiles(Path directory) throws IOException {
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
}
