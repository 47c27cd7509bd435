package io.pactbroker.verifier.internal.cli;

import io.pactbroker.core.broker.BrokerAuth;
import io.pactbroker.verifier.BrokerSource;
import io.pactbroker.verifier.ConsumerVersionSelector;
import io.pactbroker.verifier.ExitCode;
import io.pactbroker.verifier.PactSource;
import io.pactbroker.verifier.ProviderVerifier;
import io.pactbroker.verifier.PublishOptions;
import io.pactbroker.verifier.Reports;
import io.pactbroker.verifier.VerificationPlan;
import io.pactbroker.verifier.VerificationResult;
import io.pactbroker.verifier.internal.cli.Args.Option;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code verify}: the Rust verifier CLI's flags ({@code pact verifier}), over {@link ProviderVerifier}. */
public final class VerifyCommand implements Command {

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String summary() {
        return "Verify a provider against pacts from files, folders, URLs or a Pact Broker, and publish the results";
    }

    @Override
    public List<Option> options() {
        return List.of(
                Option.value("file", "FILE", "Pact file to verify (repeatable)")
                        .alias("f")
                        .repeatable(),
                Option.value("dir", "DIR", "Folder of pact files to verify (repeatable)")
                        .alias("d")
                        .repeatable(),
                Option.value("url", "URL", "URL of a pact to verify (repeatable)")
                        .alias("u")
                        .repeatable(),
                Option.value("broker-url", "URL", "Pact Broker to fetch the pacts for verification from")
                        .alias("b", "broker-base-url")
                        .env("PACT_BROKER_BASE_URL"),
                Option.value("user", "USER", "Username for the broker and pact URLs")
                        .alias("broker-username")
                        .env("PACT_BROKER_USERNAME"),
                Option.value("password", "PASSWORD", "Password for the broker and pact URLs")
                        .alias("broker-password")
                        .env("PACT_BROKER_PASSWORD"),
                Option.value("token", "TOKEN", "Bearer token for the broker and pact URLs")
                        .alias("t", "broker-token")
                        .env("PACT_BROKER_TOKEN"),
                Option.value("provider-name", "NAME", "The provider's name, as in the pacts (required)")
                        .alias("n")
                        .env("PACT_PROVIDER_NAME"),
                Option.value("provider-base-url", "URL", "The provider's base URL (instead of the next four)")
                        .env("PACT_PROVIDER_BASE_URL"),
                Option.value("hostname", "HOST", "Provider host name (default localhost)")
                        .alias("h")
                        .env("PACT_PROVIDER_HOSTNAME"),
                Option.value("port", "PORT", "Provider port (default 80, or 443 for https)")
                        .alias("p")
                        .env("PACT_PROVIDER_PORT"),
                Option.value("transport", "SCHEME", "Provider protocol: http (default) or https")
                        .alias("scheme")
                        .env("PACT_PROVIDER_TRANSPORT"),
                Option.value("base-path", "PATH", "Base path added to every request's path")
                        .env("PACT_PROVIDER_BASE_PATH"),
                Option.value(
                                "request-timeout",
                                "MILLIS",
                                "Timeout of requests to the provider and the state change URL")
                        .env("PACT_PROVIDER_REQUEST_TIMEOUT"),
                Option.value("header", "NAME=VALUE", "Header added to every request to the provider (repeatable)")
                        .alias("H")
                        .repeatable(),
                Option.flag("disable-ssl-verification", "Accept any TLS certificate from the provider (self-signed)"),
                Option.value("state-change-url", "URL", "URL to POST provider state changes to")
                        .alias("s")
                        .env("PACT_PROVIDER_STATE_CHANGE_URL"),
                Option.flag("state-change-as-query", "Send state changes as query parameters instead of a JSON body")
                        .env("PACT_PROVIDER_STATE_CHANGE_AS_QUERY"),
                Option.flag("state-change-teardown", "Also call the state change URL to tear states down")
                        .env("PACT_PROVIDER_STATE_CHANGE_TEARDOWN"),
                Option.value(
                                "message-endpoint",
                                "URL",
                                "Where message interactions are POSTed (default: the provider's base URL)")
                        .env("PACT_PROVIDER_MESSAGE_ENDPOINT"),
                Option.value("filter-description", "REGEX", "Only interactions whose description matches")
                        .env("PACT_DESCRIPTION"),
                Option.value("filter-state", "REGEX", "Only interactions with a provider state that matches")
                        .env("PACT_PROVIDER_STATE"),
                Option.flag("filter-no-state", "Only interactions without a provider state")
                        .env("PACT_PROVIDER_NO_STATE"),
                Option.value("filter-consumer", "NAME", "Only this consumer's pacts (repeatable)")
                        .alias("c")
                        .repeatable(),
                Option.value(
                                "consumer-version-selectors",
                                "JSON",
                                "Consumer version selector as JSON, for example {\"mainBranch\": true} (repeatable)")
                        .repeatable(),
                Option.value("consumer-version-tags", "TAGS", "Latest pacts with these tags (comma separated)")
                        .repeatable(),
                Option.flag("enable-pending", "Ask the broker for the pending status (pending failures pass)"),
                Option.value("include-wip-pacts-since", "DATE", "Include work-in-progress pacts published since")
                        .env("PACT_INCLUDE_WIP_PACTS_SINCE"),
                Option.flag("publish", "Publish the verification results to the broker")
                        .env("PACT_VERIFIER_PUBLISH_RESULTS"),
                Option.value("provider-version", "VERSION", "The provider version verified (required to publish)")
                        .alias("provider-app-version")
                        .env("PACT_PROVIDER_VERSION"),
                Option.value("provider-branch", "BRANCH", "The provider version's branch (pending, matchingBranch)")
                        .env("PACT_PROVIDER_BRANCH"),
                Option.value("provider-tags", "TAGS", "The provider version's tags (comma separated)")
                        .repeatable()
                        .env("PACT_PROVIDER_TAGS"),
                Option.value("build-url", "URL", "URL of the build, recorded with the results")
                        .env("PACT_BUILD_URL"),
                Option.value("json", "FILE", "Write a JSON report").alias("j").env("PACT_VERIFIER_JSON_REPORT"),
                Option.value("junit", "FILE", "Write a JUnit XML report")
                        .alias("x")
                        .env("PACT_VERIFIER_JUNIT_REPORT"),
                Option.value("markdown", "FILE", "Write a Markdown report").env("PACT_VERIFIER_MARKDOWN_REPORT"),
                Option.flag("ignore-no-pacts-error", "Succeed when there are no pacts to verify"));
    }

    @Override
    public ExitCode run(Args args, Io io) throws IOException {
        String provider = args.require("provider-name");
        ProviderVerifier.Builder verifier =
                ProviderVerifier.forProvider(provider).output(io.out());
        BrokerAuth auth = Command.auth(args, "token", "user", "password");

        List<PactSource> sources = new ArrayList<>();
        args.all("file").forEach(f -> sources.add(PactSource.file(Path.of(f))));
        args.all("dir").forEach(d -> sources.add(PactSource.directory(Path.of(d))));
        args.all("url").forEach(u -> sources.add(PactSource.url(u, auth)));
        Optional<String> brokerUrl = args.get("broker-url");
        boolean hasLocalSources = !sources.isEmpty();
        if (brokerUrl.isPresent() && !hasLocalSources) {
            List<ConsumerVersionSelector> selectors = new ArrayList<>();
            for (String json : args.all("consumer-version-selectors")) {
                try {
                    selectors.add(ConsumerVersionSelector.raw(json));
                } catch (IllegalArgumentException e) {
                    throw new Args.UsageException("--consumer-version-selectors: " + e.getMessage());
                }
            }
            args.list("consumer-version-tags").forEach(t -> selectors.add(ConsumerVersionSelector.latestTag(t)));
            sources.add(BrokerSource.of(brokerUrl.get())
                    .auth(auth)
                    .selectors(selectors)
                    .providerBranch(args.get("provider-branch").orElse(null))
                    .providerTags(args.list("provider-tags"))
                    .includePendingStatus(args.flag("enable-pending"))
                    .includeWipPactsSince(args.get("include-wip-pacts-since").orElse(null)));
        }
        if (sources.isEmpty()) {
            throw new Args.UsageException(
                    "no pacts to verify: give --file, --dir, --url or --broker-url (or PACT_BROKER_BASE_URL)");
        }
        verifier.pacts(sources);

        providerUrl(args).ifPresent(verifier::providerUrl);
        Duration timeout =
                args.integer("request-timeout").map(Duration::ofMillis).orElse(Duration.ofSeconds(30));
        verifier.requestTimeout(timeout).trustSelfSignedCertificates(args.flag("disable-ssl-verification"));
        for (String header : args.all("header")) {
            int eq = header.indexOf('=');
            if (eq <= 0) {
                throw new Args.UsageException("--header must be NAME=VALUE, not \"" + header + "\"");
            }
            String name = header.substring(0, eq).trim();
            String value = header.substring(eq + 1).trim();
            verifier.requestFilter(r -> r.withHeader(name, value));
        }
        args.get("state-change-url").ifPresent(verifier::stateChangeUrl);
        verifier.stateChangeAsQuery(args.flag("state-change-as-query"))
                .stateChangeTeardown(args.flag("state-change-teardown"))
                .ignoreMissingStateHandlers(true);
        args.get("message-endpoint").ifPresent(verifier::messageEndpoint);
        args.get("filter-description").ifPresent(r -> verifier.filterDescription(regex("filter-description", r)));
        args.get("filter-state").ifPresent(r -> verifier.filterState(regex("filter-state", r)));
        verifier.filterNoState(args.flag("filter-no-state"));
        verifier.filterConsumers(args.all("filter-consumer"));

        if (args.flag("publish")) {
            String version = args.get("provider-version")
                    .orElseThrow(() ->
                            new Args.UsageException("--publish needs --provider-version (or PACT_PROVIDER_VERSION)"));
            if (brokerUrl.isEmpty() && args.all("url").isEmpty()) {
                throw new Args.UsageException("--publish needs pacts from a broker (--broker-url) or pact URLs");
            }
            verifier.publishResults(PublishOptions.providerVersion(version)
                    .branch(args.get("provider-branch").orElse(null))
                    .tags(args.list("provider-tags"))
                    .buildUrl(args.get("build-url").orElse(null)));
        }

        VerificationPlan plan = verifier.build().plan();
        if (plan.steps().isEmpty()) {
            String message = plan.pactCount() == 0
                    ? "No pacts were found to verify for " + provider + "."
                    : "No interactions to verify: the filters left none of the " + plan.pactCount() + " pacts'.";
            if (args.flag("ignore-no-pacts-error")) {
                io.out().println(message + " (--ignore-no-pacts-error: not an error)");
                return ExitCode.SUCCESS;
            }
            io.err()
                    .println(message
                            + " Check the provider name and the pact sources, or pass --ignore-no-pacts-error.");
            return ExitCode.FAILURE;
        }
        for (VerificationPlan.Step step : plan.steps()) {
            step.verify();
        }
        VerificationResult result = plan.finish();
        write(args.get("json"), Reports.json(result), io);
        write(args.get("junit"), Reports.junitXml(result), io);
        write(args.get("markdown"), Reports.markdown(result), io);
        return result.exitCode();
    }

    private static void write(Optional<String> file, String text, Io io) throws IOException {
        if (file.isEmpty()) {
            return;
        }
        Path path = Path.of(file.get());
        if (path.toAbsolutePath().getParent() != null) {
            Files.createDirectories(path.toAbsolutePath().getParent());
        }
        Files.writeString(path, text);
        io.out().println("Wrote " + path);
    }

    private static String regex(String option, String value) {
        try {
            Pattern.compile(value);
            return value;
        } catch (PatternSyntaxException e) {
            throw new Args.UsageException(
                    "--" + option + ": \"" + value + "\" is not a valid regular expression: " + e.getDescription());
        }
    }

    private static Optional<String> providerUrl(Args args) {
        if (args.get("provider-base-url").isPresent()) {
            return args.get("provider-base-url");
        }
        Optional<String> host = args.get("hostname");
        Optional<Integer> port = args.integer("port");
        Optional<String> scheme = args.get("transport");
        if (host.isEmpty() && port.isEmpty() && scheme.isEmpty()) {
            return Optional.empty();
        }
        String transport = scheme.orElse("http");
        if (!transport.equals("http") && !transport.equals("https")) {
            throw new Args.UsageException("--transport must be http or https, not \"" + transport + "\"");
        }
        String basePath =
                args.get("base-path").map(p -> p.startsWith("/") ? p : "/" + p).orElse("");
        return Optional.of(transport + "://" + host.orElse("localhost")
                + port.map(p -> ":" + p).orElse("") + basePath);
    }
}
