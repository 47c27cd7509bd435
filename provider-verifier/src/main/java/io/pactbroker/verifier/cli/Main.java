package io.pactbroker.verifier.cli;

import io.pactbroker.core.broker.BrokerException;
import io.pactbroker.core.broker.BrokerResponseException;
import io.pactbroker.core.broker.BrokerUnreachableException;
import io.pactbroker.verifier.ExitCode;
import io.pactbroker.verifier.VerificationException;
import io.pactbroker.verifier.internal.Version;
import io.pactbroker.verifier.internal.cli.Args;
import io.pactbroker.verifier.internal.cli.BrokerCommands;
import io.pactbroker.verifier.internal.cli.Command;
import io.pactbroker.verifier.internal.cli.PublishCommand;
import io.pactbroker.verifier.internal.cli.VerifyCommand;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line: {@code pact-jvm-verifier COMMAND [options]} (the wrapper script), or {@code java -jar
 * provider-verifier-<version>-cli.jar COMMAND [options]}. Commands: {@code verify}, {@code publish}, {@code
 * can-i-deploy}, {@code record-deployment}, {@code record-undeployment}, {@code record-release}, {@code
 * record-support-ended}, {@code create-or-update-environment}, {@code create-version-tag}, {@code describe-version}.
 * Flags are the Pact CLI's; broker settings also come from {@code PACT_BROKER_*} environment variables.
 *
 * <p>Exit codes: 0 success, 1 verification failed or not deployable (or the broker refused), 2 usage or configuration
 * error, 3 broker unreachable.
 *
 * <pre>{@code
 * int code = Main.run(new String[] {"can-i-deploy", "--pacticipant", "web", "--version", "1.0.0",
 *     "--to-environment", "production"}, System.out, System.err, System.getenv());
 * }</pre>
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err, System.getenv());
        System.out.flush();
        System.exit(code);
    }

    /** Runs a command in-process; returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, new Command.Io(out, err, env, duration -> Thread.sleep(duration.toMillis())));
    }

    /** Runs a command with the given streams, environment and way of waiting; returns its exit code. */
    public static int run(String[] args, Command.Io io) {
        List<Command> commands = commands();
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help") || args[0].equals("-h")) {
            io.out().println(usage(commands));
            return args.length == 0 ? ExitCode.USAGE.code() : ExitCode.SUCCESS.code();
        }
        if (args[0].equals("--version") || args[0].equals("version")) {
            io.out().println(Version.current());
            return ExitCode.SUCCESS.code();
        }
        Optional<Command> command =
                commands.stream().filter(c -> c.name().equals(args[0])).findFirst();
        if (command.isEmpty()) {
            io.err().println("Unknown command '" + args[0] + "'.\n\n" + usage(commands));
            return ExitCode.USAGE.code();
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help")) {
            io.out().println(help(command.get()));
            return ExitCode.SUCCESS.code();
        }
        try {
            Args parsed = Args.parse(command.get().options(), rest, io.env());
            return command.get().run(parsed, io).code();
        } catch (Args.UsageException e) {
            io.err()
                    .println("Error: " + e.getMessage() + "\nRun '"
                            + command.get().name() + " --help' for the options.");
            return ExitCode.USAGE.code();
        } catch (VerificationException e) {
            io.err().println("Error: " + e.getMessage());
            return e.kind() == VerificationException.Kind.CONFIGURATION
                    ? ExitCode.USAGE.code()
                    : ExitCode.FAILURE.code();
        } catch (BrokerUnreachableException e) {
            io.err().println("Error: " + e.getMessage());
            return ExitCode.BROKER_UNREACHABLE.code();
        } catch (BrokerResponseException e) {
            io.err()
                    .println("Error: " + e.getMessage()
                            + (e.status() == 401 || e.status() == 403
                                    ? " (check --broker-token, or --broker-username and --broker-password, or their"
                                            + " PACT_BROKER_* variables)"
                                    : ""));
            return ExitCode.FAILURE.code();
        } catch (BrokerCommands.CommandFailure | BrokerException e) {
            io.err().println("Error: " + e.getMessage());
            return ExitCode.FAILURE.code();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            io.err().println("Interrupted");
            return ExitCode.FAILURE.code();
        } catch (IllegalArgumentException e) {
            io.err().println("Error: " + e.getMessage());
            return ExitCode.USAGE.code();
        } catch (Exception e) {
            io.err().println("Error: " + e);
            return ExitCode.FAILURE.code();
        }
    }

    private static List<Command> commands() {
        List<Command> commands = new ArrayList<>();
        commands.add(new VerifyCommand());
        commands.add(new PublishCommand());
        commands.addAll(BrokerCommands.all());
        return commands;
    }

    static String usage(List<Command> commands) {
        StringBuilder out =
                new StringBuilder("Usage: pact-jvm-verifier COMMAND [options]   (COMMAND --help for its options)\n\n");
        int width = commands.stream().mapToInt(c -> c.name().length()).max().orElse(10) + 2;
        for (Command c : commands) {
            out.append("  ")
                    .append(c.name())
                    .append(" ".repeat(width - c.name().length()))
                    .append(c.summary())
                    .append('\n');
        }
        out.append("\nExit codes: 0 success, 1 verification failed or not deployable, 2 usage or configuration error,"
                + " 3 Pact Broker unreachable.");
        return out.toString();
    }

    static String help(Command command) {
        return "Usage: pact-jvm-verifier " + command.name() + " [options]"
                + (command.name().equals("publish") ? " PACT_DIRS_OR_FILES..." : "") + "\n" + command.summary()
                + ".\n\nOptions:\n" + Args.help(command.options());
    }

    /** The help of every command, for the documentation. */
    public static String allHelp() {
        StringBuilder out = new StringBuilder();
        for (Command c : commands()) {
            out.append(help(c)).append('\n');
        }
        return out.toString();
    }
}
