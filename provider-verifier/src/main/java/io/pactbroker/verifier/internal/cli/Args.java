package io.pactbroker.verifier.internal.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of one command: options declared once (names, aliases, environment variable, help), parsed from
 * {@code --name value}, {@code --name=value}, {@code -n value} and flags, in order. A few dozen lines instead of a
 * parsing library keep the jar small and start-up fast, and the same declarations print the help.
 */
public final class Args {

    /** How an option takes a value. */
    public enum Arity {
        FLAG,
        VALUE,
        OPTIONAL_VALUE
    }

    /**
     * An option.
     *
     * @param name the long name, without dashes
     * @param aliases other names: long ones without dashes, single letters for {@code -x}
     * @param env the environment variable that supplies it when absent from the command line
     * @param arity flag or value
     * @param many whether it may be given several times
     * @param valueName the value's name in the help
     * @param help one sentence
     */
    public record Option(
            String name, List<String> aliases, String env, Arity arity, boolean many, String valueName, String help) {

        public static Option value(String name, String valueName, String help) {
            return new Option(name, List.of(), null, Arity.VALUE, false, valueName, help);
        }

        public static Option flag(String name, String help) {
            return new Option(name, List.of(), null, Arity.FLAG, false, null, help);
        }

        public Option alias(String... names) {
            List<String> all = new ArrayList<>(aliases);
            all.addAll(List.of(names));
            return new Option(name, all, env, arity, many, valueName, help);
        }

        public Option env(String variable) {
            return new Option(name, aliases, variable, arity, many, valueName, help);
        }

        public Option repeatable() {
            return new Option(name, aliases, env, arity, true, valueName, help);
        }

        public Option optionalValue() {
            return new Option(name, aliases, env, Arity.OPTIONAL_VALUE, many, valueName, help);
        }

        boolean answersTo(String given) {
            return given.equals(name) || aliases.contains(given);
        }

        /** {@code -a, --pacticipant NAME}, for the help. */
        public String synopsis() {
            StringBuilder out = new StringBuilder();
            for (String alias : aliases) {
                out.append(alias.length() == 1 ? "-" : "--").append(alias).append(", ");
            }
            out.append("--").append(name);
            if (arity == Arity.VALUE) {
                out.append(' ').append(valueName);
            } else if (arity == Arity.OPTIONAL_VALUE) {
                out.append(" [").append(valueName).append(']');
            }
            return out.toString();
        }
    }

    /** One option as given, in command-line order. */
    public record Given(String option, String value) {}

    private final List<Given> given;
    private final List<String> positional;
    private final Map<String, String> environment;
    private final List<Option> options;

    private Args(List<Given> given, List<String> positional, Map<String, String> environment, List<Option> options) {
        this.given = given;
        this.positional = positional;
        this.environment = environment;
        this.options = options;
    }

    /**
     * Parses the arguments of a command.
     *
     * @throws UsageException for unknown options, missing values and repeated single options
     */
    public static Args parse(List<Option> options, List<String> args, Map<String, String> environment) {
        List<Given> given = new ArrayList<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                positional.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                positional.add(arg);
                continue;
            }
            String name = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            String lookup = name;
            Option option = options.stream()
                    .filter(o -> o.answersTo(lookup))
                    .findFirst()
                    .orElseThrow(() -> new UsageException("unknown option " + arg + suggestion(options, lookup)));
            String value;
            switch (option.arity()) {
                case FLAG -> {
                    value = inline == null ? "true" : inline;
                    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                        throw new UsageException(
                                "--" + option.name() + " is a flag: it takes no value (or =true/=false)");
                    }
                }
                case VALUE -> {
                    if (inline != null) {
                        value = inline;
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new UsageException("--" + option.name() + " needs a value (" + option.valueName() + ")");
                    }
                }
                default -> {
                    if (inline != null) {
                        value = inline;
                    } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
                        value = args.get(++i);
                    } else {
                        value = "";
                    }
                }
            }
            if (!option.many()
                    && option.arity() != Arity.FLAG
                    && given.stream().anyMatch(g -> g.option().equals(option.name()))
                    && !isOrdered(option.name())) {
                throw new UsageException("--" + option.name() + " was given twice; it takes one value");
            }
            given.add(new Given(option.name(), value));
        }
        return new Args(given, positional, environment, options);
    }

    /** Options given several times in pairs (can-i-deploy's {@code --pacticipant A --version 1 --pacticipant B}). */
    private static boolean isOrdered(String name) {
        return name.equals("pacticipant")
                || name.equals("version")
                || name.equals("latest")
                || name.equals("branch")
                || name.equals("main-branch");
    }

    private static String suggestion(List<Option> options, String name) {
        return options.stream()
                .filter(o -> o.name().contains(name) || name.contains(o.name()))
                .findFirst()
                .map(o -> " (did you mean --" + o.name() + "?)")
                .orElse(" (see --help)");
    }

    /** Whether the command has the option. */
    public boolean declares(String name) {
        return options.stream().anyMatch(o -> o.name().equals(name));
    }

    /** The options in command-line order. */
    public List<Given> given() {
        return List.copyOf(given);
    }

    public List<String> positional() {
        return List.copyOf(positional);
    }

    /** The option's last value on the command line, else its environment variable. */
    public Optional<String> get(String name) {
        for (int i = given.size() - 1; i >= 0; i--) {
            if (given.get(i).option().equals(name)) {
                return Optional.of(given.get(i).value());
            }
        }
        Option option = option(name);
        if (option.env() != null) {
            String value = environment.get(option.env());
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }

    /** Every value of a repeatable option; values of comma-list options are split. */
    public List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (Given g : given) {
            if (g.option().equals(name)) {
                out.add(g.value());
            }
        }
        if (out.isEmpty()) {
            get(name).ifPresent(out::add);
        }
        return out;
    }

    /** A comma-separated list option ({@code --provider-tags a,b}), possibly repeated. */
    public List<String> list(String name) {
        List<String> out = new ArrayList<>();
        for (String value : all(name)) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    public boolean flag(String name) {
        return get(name).map(v -> v.equalsIgnoreCase("true") || v.equals("1")).orElse(false);
    }

    /** A required value, or a usage error naming the option and its environment variable. */
    public String require(String name) {
        return get(name).orElseThrow(() -> {
            Option option = option(name);
            return new UsageException(
                    "--" + name + " is required" + (option.env() != null ? " (or set " + option.env() + ")" : ""));
        });
    }

    /** An integer value, or a usage error. */
    public Optional<Integer> integer(String name) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.get().trim()));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not \"" + value.get() + "\"");
        }
    }

    private Option option(String name) {
        return options.stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no option " + name));
    }

    /** The help of a list of options, one line each, aligned. */
    public static String help(List<Option> options) {
        int width = options.stream().mapToInt(o -> o.synopsis().length()).max().orElse(10) + 2;
        StringBuilder out = new StringBuilder();
        for (Option o : options) {
            out.append("  ").append(o.synopsis());
            out.append(" ".repeat(Math.max(1, width - o.synopsis().length())));
            out.append(o.help());
            if (o.env() != null) {
                out.append(" [env ").append(o.env()).append(']');
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Unknown options, missing values: exit code 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }

    /** All environment variables, for commands that read their own. */
    public Map<String, String> environment() {
        return new LinkedHashMap<>(environment);
    }
}
