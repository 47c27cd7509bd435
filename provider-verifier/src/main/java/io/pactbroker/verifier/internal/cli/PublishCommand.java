package io.pactbroker.verifier.internal.cli;

import io.pactbroker.core.broker.ContractPublisher;
import io.pactbroker.core.broker.ContractPublisher.Contract;
import io.pactbroker.core.model.PactReadException;
import io.pactbroker.verifier.ExitCode;
import io.pactbroker.verifier.internal.cli.Args.Option;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
                files.addAll(ContractPublisher.pactFiles(path));
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new Args.UsageException("no pact file or folder at " + path.toAbsolutePath());
            }
        }
        if (files.isEmpty()) {
            throw new Args.UsageException("no pact files (*.json) in " + String.join(", ", args.positional()));
        }
        List<Contract> contracts = new ArrayList<>();
        for (Path file : files) {
            try {
                contracts.add(Contract.read(file));
            } catch (PactReadException e) {
                throw new Args.UsageException(file + " is not a pact file that can be read: " + e.getMessage());
            }
        }
        ContractPublisher.of(Command.broker(args))
                .printingTo(io.out())
                .publish(
                        new ContractPublisher.ConsumerVersion(
                                version, args.get("branch"), args.all("tag"), args.get("build-url")),
                        contracts);
        io.out().println("Published " + files.size() + " pact(s).");
        return ExitCode.SUCCESS;
    }
}
