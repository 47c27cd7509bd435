package io.pactbroker.verifier.internal.cli;

import io.pactbroker.core.broker.BrokerAuth;
import io.pactbroker.core.broker.BrokerClient;
import io.pactbroker.verifier.ExitCode;
import io.pactbroker.verifier.internal.cli.Args.Option;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One command of the CLI: its name, its options, and what it does. */
public interface Command {

    String name();

    /** One line for the command list. */
    String summary();

    List<Option> options();

    /** Runs the command; problems of usage are {@link Args.UsageException}s, broker problems pact-core's. */
    ExitCode run(Args args, Io io) throws Exception;

    /**
     * What a command talks to: its output streams, the environment, and how to wait (tests do not).
     *
     * @param out standard output
     * @param err standard error
     * @param env the environment variables
     * @param sleeper waits between retries
     */
    record Io(PrintStream out, PrintStream err, Map<String, String> env, Sleeper sleeper) {}

    /** Waits. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** The broker options of the Pact Broker client CLI (and the Rust verifier's spellings as aliases). */
    static List<Option> brokerOptions() {
        return List.of(
                Option.value("broker-base-url", "URL", "The base URL of the Pact Broker")
                        .alias("b", "broker-url")
                        .env("PACT_BROKER_BASE_URL"),
                Option.value("broker-username", "USER", "Pact Broker basic auth username")
                        .alias("u", "user")
                        .env("PACT_BROKER_USERNAME"),
                Option.value("broker-password", "PASSWORD", "Pact Broker basic auth password")
                        .alias("p", "password")
                        .env("PACT_BROKER_PASSWORD"),
                Option.value("broker-token", "TOKEN", "Pact Broker bearer token")
                        .alias("k", "token")
                        .env("PACT_BROKER_TOKEN"));
    }

    /** A client for the broker of the broker options. */
    static BrokerClient broker(Args args) {
        String url = args.require("broker-base-url");
        BrokerAuth auth = auth(args, "broker-token", "broker-username", "broker-password");
        try {
            return BrokerClient.builder(url)
                    .auth(auth)
                    .timeout(Duration.ofSeconds(30))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
    }

    /** Bearer token, else basic auth, else none. */
    static BrokerAuth auth(Args args, String token, String username, String password) {
        if (args.get(token).isPresent() && args.get(username).isPresent()) {
            if (args.given().stream().anyMatch(g -> g.option().equals(token))
                    && args.given().stream().anyMatch(g -> g.option().equals(username))) {
                throw new Args.UsageException("give either a broker token or a username and password, not both");
            }
        }
        if (args.get(token).isPresent()) {
            return BrokerAuth.bearer(args.get(token).get());
        }
        if (args.get(username).isPresent()) {
            return BrokerAuth.basic(args.get(username).get(), args.get(password).orElse(""));
        }
        return BrokerAuth.none();
    }
}
