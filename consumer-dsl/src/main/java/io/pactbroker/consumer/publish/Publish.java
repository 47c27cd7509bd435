package io.pactbroker.consumer.publish;

import io.pactbroker.consumer.PactSettings;
import io.pactbroker.consumer.PactSettings.Key;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;

/**
 * The command line of the publisher: {@code java io.pactbroker.consumer.publish.Publish [options]}, or from Maven:
 *
 * <pre>
 * mvn exec:java -Dexec.mainClass=io.pactbroker.consumer.publish.Publish -Dexec.classpathScope=test \
 *     -Dexec.args="--branch main"
 * </pre>
 *
 * <p>Options override {@code pact.properties} and the environment ({@code PACT_BROKER_BASE_URL}, {@code
 * PACT_BROKER_TOKEN}, ...): {@code --dir}, {@code --broker-url}, {@code --consumer-version}, {@code --branch}, {@code
 * --tag} (repeatable), {@code --build-url}. Secrets are read from the environment only. Exit codes: 0 published or
 * skipped, 1 the broker refused, 2 usage or configuration error, 3 the broker is unreachable.
 */
public final class Publish {

    private Publish() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the command, printing to the streams; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<Key, String> explicit = new EnumMap<>(Key.class);
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (name.equals("--help") || name.equals("-h")) {
                out.println(usage());
                return 0;
            }
            if (!java.util.Set.of(
                            "--dir",
                            "--broker-url",
                            "--consumer-version",
                            "--version",
                            "--branch",
                            "--build-url",
                            "--tag")
                    .contains(name)) {
                err.println("unknown option " + name + "\n" + usage());
                return 2;
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                err.println(name + " needs a value\n" + usage());
                return 2;
            }
            switch (name) {
                case "--dir" -> explicit.put(Key.PACT_DIRECTORY, value);
                case "--broker-url" -> explicit.put(Key.BROKER_URL, value);
                case "--consumer-version", "--version" -> explicit.put(Key.CONSUMER_VERSION, value);
                case "--branch" -> explicit.put(Key.CONSUMER_BRANCH, value);
                case "--build-url" -> explicit.put(Key.BUILD_URL, value);
                default -> tags.append(tags.length() == 0 ? "" : ",").append(value);
            }
        }
        if (tags.length() > 0) {
            explicit.put(Key.CONSUMER_TAGS, tags.toString());
        }
        try {
            PublishResult result = PactPublisher.of(PactSettings.load(explicit))
                    .printingTo(out)
                    .publish();
            return result.outcome().exitCode();
        } catch (RuntimeException e) {
            err.println("Publishing failed: " + e.getMessage());
            return 2;
        }
    }

    private static String usage() {
        return """
                usage: Publish [--dir target/pacts] [--broker-url URL] [--consumer-version V] [--branch B]
                               [--tag T]... [--build-url URL]
                Settings not given come from pact.properties, then the environment (PACT_BROKER_BASE_URL,
                PACT_BROKER_TOKEN or PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD, PACT_CONSUMER_VERSION, ...),
                then CI variables and git.""";
    }
}
