package io.pactbroker.verifier.internal.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.core.broker.BrokerClient;
import io.pactbroker.core.broker.HalDocument;
import io.pactbroker.core.broker.Notice;
import io.pactbroker.core.internal.Json;
import io.pactbroker.core.model.Pact;
import io.pactbroker.core.model.PactReadException;
import io.pactbroker.core.model.PactReader;
import io.pactbroker.verifier.ExitCode;
import io.pactbroker.verifier.internal.cli.Args.Option;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code publish PACT_DIRS_OR_FILES...}: the Pact Broker client's {@code publish}, through {@code
 * pb:publish-contracts} ({@code POST /contracts/publish}), one request per consumer.
 */
public final class PublishCommand implements Command {

    @Override
    public String name() {
        return "publish";
    }

    @Override
    public String summary() {
        return "Publish pact files to a Pact Broker (PACT_DIRS_OR_FILES...)";
    }

    @Override
    public List<Option> options() {
        List<Option> options = new ArrayList<>(List.of(
                Option.value("consumer-app-version", "VERSION", "The consumer application version (required)")
                        .alias("a")
                        .env("PACT_CONSUMER_VERSION"),
                Option.value("branch", "BRANCH", "The consumer version's repository branch")
                        .alias("h")
                        .env("PACT_CONSUMER_BRANCH"),
                Option.value("tag", "TAG", "Tag for the consumer version (repeatable)")
                        .alias("t")
                        .repeatable(),
                Option.value("build-url", "URL", "The URL of the build that made the pacts")
                        .env("PACT_BUILD_URL")));
        options.addAll(Command.brokerOptions());
        return options;
    }

    @Override
    public ExitCode run(Args args, Io io) throws IOException {
        if (args.positional().isEmpty()) {
            throw new Args.UsageException("name the pact files or folders to publish: publish PACT_DIRS_OR_FILES...");
        }
        String version = args.require("consumer-app-version");
        List<Path> files = new ArrayList<>();
        for (String given : args.positional()) {
            Path path = Path.of(given);
            if (Files.isDirectory(path)) {
                try (Stream<Path> list = Files.list(path)) {
                    list.filter(p -> p.getFileName().toString().endsWith(".json"))
                            .filter(Files::isRegularFile)
                            .sorted()
                            .forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new Args.UsageException("no pact file or folder at " + path.toAbsolutePath());
            }
        }
        if (files.isEmpty()) {
            throw new Args.UsageException("no pact files (*.json) in " + String.join(", ", args.positional()));
        }
        Map<String, List<byte[]>> contents = new LinkedHashMap<>();
        Map<String, List<Pact>> pacts = new LinkedHashMap<>();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            Pact pact;
            try {
                pact = PactReader.read(new String(bytes, StandardCharsets.UTF_8));
            } catch (PactReadException e) {
                throw new Args.UsageException(file + " is not a pact file that can be read: " + e.getMessage());
            }
            contents.computeIfAbsent(pact.consumer(), c -> new ArrayList<>()).add(bytes);
            pacts.computeIfAbsent(pact.consumer(), c -> new ArrayList<>()).add(pact);
        }
        BrokerClient broker = Command.broker(args);
        var link = broker.index().requireLink("pb:publish-contracts");
        for (Map.Entry<String, List<Pact>> entry : pacts.entrySet()) {
            String consumer = entry.getKey();
            ObjectNode body = Json.NODES.objectNode();
            body.put("pacticipantName", consumer);
            body.put("pacticipantVersionNumber", version);
            args.get("branch").ifPresent(b -> body.put("branch", b));
            List<String> tags = args.all("tag");
            if (!tags.isEmpty()) {
                ArrayNode array = body.putArray("tags");
                tags.forEach(array::add);
            }
            args.get("build-url").ifPresent(u -> body.put("buildUrl", u));
            ArrayNode contracts = body.putArray("contracts");
            for (int i = 0; i < entry.getValue().size(); i++) {
                ObjectNode c = contracts.addObject();
                c.put("consumerName", consumer);
                c.put("providerName", entry.getValue().get(i).provider());
                c.put("specification", "pact");
                c.put("contentType", "application/json");
                c.put(
                        "content",
                        Base64.getEncoder()
                                .encodeToString(contents.get(consumer).get(i)));
            }
            io.out()
                    .println("Publishing " + entry.getValue().size() + " pact(s) of " + consumer + " version "
                            + version
                            + args.get("branch").map(b -> " (branch " + b + ")").orElse("") + " to "
                            + broker.baseUrl());
            HalDocument result = broker.post(link.uri(), body);
            for (Notice notice : result.notices()) {
                io.out().println("  " + (notice.isProblem() ? "ERROR: " : "") + notice.text());
            }
        }
        io.out().println("Published " + files.size() + " pact(s).");
        return ExitCode.SUCCESS;
    }
}
