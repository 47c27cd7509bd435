package io.pactbroker.verifier.internal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.core.broker.BrokerClient;
import io.pactbroker.core.broker.BrokerResponseException;
import io.pactbroker.core.broker.HalDocument;
import io.pactbroker.core.broker.Link;
import io.pactbroker.core.internal.Json;
import io.pactbroker.verifier.ExitCode;
import io.pactbroker.verifier.internal.cli.Args.Option;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The release-gating commands of the Pact Broker client CLI, with its flag names, over pact-core's HAL client. */
public final class BrokerCommands {

    private BrokerCommands() {}

    /** Every command of this class. */
    public static List<Command> all() {
        return List.of(
                new CanIDeploy(),
                new RecordDeployment(),
                new RecordUndeployment(),
                new RecordRelease(),
                new RecordSupportEnded(),
                new CreateOrUpdateEnvironment(),
                new CreateVersionTag(),
                new DescribeVersion());
    }

    private static List<Option> withBroker(Option... options) {
        List<Option> all = new ArrayList<>(List.of(options));
        all.addAll(Command.brokerOptions());
        return all;
    }

    private static Option pacticipant(String help) {
        return Option.value("pacticipant", "NAME", help).alias("a");
    }

    private static Option version(String help) {
        return Option.value("version", "VERSION", help).alias("e");
    }

    private static Option environment(String help) {
        return Option.value("environment", "ENVIRONMENT", help);
    }

    private static Option output(String choices) {
        return Option.value("output", "FORMAT", choices).alias("o");
    }

    /** A pacticipant version, or a failure naming it when the broker does not know it. */
    static HalDocument version(BrokerClient broker, String pacticipant, String version) {
        try {
            return broker.follow("pb:pacticipant-version", Map.of("pacticipant", pacticipant, "version", version));
        } catch (BrokerResponseException e) {
            if (e.status() == 404) {
                throw new CommandFailure(pacticipant + " version " + version + " not found in the Pact Broker");
            }
            throw e;
        }
    }

    /** The environment resource named so, or a failure listing the environments there are. */
    static HalDocument environmentNamed(BrokerClient broker, String name) {
        HalDocument environments = broker.follow("pb:environments", Map.of());
        List<String> names = new ArrayList<>();
        for (Link link : environments.links("pb:environments")) {
            String linkName = link.name().orElse("");
            names.add(linkName);
            if (linkName.equals(name)) {
                return broker.get(link.uri());
            }
        }
        for (JsonNode env : environments.embedded("environments")) {
            names.add(env.path("name").asText());
            if (env.path("name").asText().equals(name)) {
                return broker.get(
                        URI.create(env.path("_links").path("self").path("href").asText()));
            }
        }
        throw new CommandFailure("No environment found with name '" + name + "'"
                + (names.isEmpty() ? " (there are none)" : " (there are: " + String.join(", ", names) + ")"));
    }

    /** A failure the command reports in a sentence: exit code 1. */
    public static final class CommandFailure extends RuntimeException {
        public CommandFailure(String message) {
            super(message);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** {@code can-i-deploy}. */
    static final class CanIDeploy implements Command {
        @Override
        public String name() {
            return "can-i-deploy";
        }

        @Override
        public String summary() {
            return "Check whether a pacticipant version can be deployed (to an environment, or with the main branches)";
        }

        @Override
        public List<Option> options() {
            return withBroker(
                    pacticipant("The pacticipant's name; once per pacticipant checked")
                            .repeatable(),
                    version("The pacticipant version; after the --pacticipant it belongs to"),
                    Option.value("latest", "TAG", "Use the latest version (with the tag, if given)")
                            .alias("l")
                            .optionalValue(),
                    Option.value("branch", "BRANCH", "Use the latest version of the branch"),
                    Option.flag("main-branch", "Use the latest version of the pacticipant's main branch"),
                    Option.value("to-environment", "ENVIRONMENT", "The environment to deploy to"),
                    Option.value("to", "TAG", "The tag of the versions to deploy with (older pipelines)"),
                    Option.flag("with-main-branches", "Check against the latest versions of the main branches"),
                    Option.value("ignore", "PACTICIPANT", "A pacticipant to ignore (repeatable)")
                            .repeatable()
                            .env("PACT_BROKER_CAN_I_DEPLOY_IGNORE"),
                    output("table (default) or json"),
                    Option.value("retry-while-unknown", "TIMES", "Retry while results are unknown (default 0)"),
                    Option.value("retry-interval", "SECONDS", "Seconds between retries (default 10)"),
                    Option.flag("dry-run", "Always exit 0, printing what the answer would be")
                            .env("PACT_BROKER_CAN_I_DEPLOY_DRY_RUN"));
        }

        /** A selector of the query: a pacticipant and how to pick its version. */
        private static final class Selector {
            final String pacticipant;
            final boolean ignore;
            final Map<String, String> params = new LinkedHashMap<>();

            Selector(String pacticipant, boolean ignore) {
                this.pacticipant = pacticipant;
                this.ignore = ignore;
            }
        }

        @Override
        public ExitCode run(Args args, Io io) throws InterruptedException {
            List<Selector> selectors = new ArrayList<>();
            Selector current = null;
            for (Args.Given g : args.given()) {
                switch (g.option()) {
                    case "pacticipant" -> {
                        current = new Selector(g.value(), false);
                        selectors.add(current);
                    }
                    case "ignore" -> {
                        current = new Selector(g.value(), true);
                        selectors.add(current);
                    }
                    case "version", "latest", "branch", "main-branch" -> {
                        if (current == null) {
                            throw new Args.UsageException(
                                    "--" + g.option() + " must come after the --pacticipant it belongs to");
                        }
                        switch (g.option()) {
                            case "version" -> current.params.put("version", g.value());
                            case "latest" -> {
                                current.params.put("latest", "true");
                                if (!g.value().isEmpty()) {
                                    current.params.put("tag", g.value());
                                }
                            }
                            case "branch" -> current.params.put("branch", g.value());
                            default -> current.params.put("mainBranch", "true");
                        }
                    }
                    default -> {}
                }
            }
            if (args.given().stream().noneMatch(g -> g.option().equals("ignore"))) {
                for (String name : args.list("ignore")) {
                    selectors.add(new Selector(name, true));
                }
            }
            List<Selector> checked = selectors.stream().filter(s -> !s.ignore).toList();
            if (checked.isEmpty()) {
                throw new Args.UsageException("--pacticipant is required (with --version, --latest or --branch)");
            }
            for (Selector s : checked) {
                if (s.params.isEmpty()) {
                    throw new Args.UsageException("give --version (or --latest, --branch, --main-branch) after"
                            + " --pacticipant " + s.pacticipant);
                }
            }
            int targets = (args.get("to-environment").isPresent() ? 1 : 0)
                    + (args.get("to").isPresent() ? 1 : 0)
                    + (args.flag("with-main-branches") ? 1 : 0);
            if (targets > 1) {
                throw new Args.UsageException("give only one of --to-environment, --to and --with-main-branches");
            }
            StringBuilder query = new StringBuilder();
            for (Selector s : checked) {
                append(query, "q[][pacticipant]", s.pacticipant);
                s.params.forEach((k, v) -> append(query, "q[][" + k + "]", v));
            }
            append(query, "latestby", checked.size() == 1 ? "cvp" : "cvpv");
            args.get("to-environment").ifPresent(e -> append(query, "environment", e));
            if (args.get("to").isPresent()) {
                append(query, "latest", "true");
                append(query, "tag", args.get("to").get());
            } else if (args.flag("with-main-branches")) {
                append(query, "latest", "true");
                append(query, "mainBranch", "true");
            } else if (checked.size() == 1 && args.get("to-environment").isEmpty()) {
                append(query, "latest", "true");
            }
            for (Selector s : selectors) {
                if (s.ignore) {
                    append(query, "ignore[][pacticipant]", s.pacticipant);
                    s.params.forEach((k, v) -> append(query, "ignore[][" + k + "]", v));
                }
            }
            BrokerClient broker = Command.broker(args);
            URI uri = URI.create(broker.baseUrl() + "/matrix?" + query);
            int retries = args.integer("retry-while-unknown").orElse(0);
            int interval = args.integer("retry-interval").orElse(10);
            boolean json = args.get("output").map("json"::equals).orElse(false);
            HalDocument answer;
            int attempt = 0;
            while (true) {
                answer = broker.get(uri);
                int unknown = answer.body().path("summary").path("unknown").asInt(0);
                boolean isUnknown =
                        answer.body().path("summary").path("deployable").isNull() || unknown > 0;
                if (!isUnknown || attempt >= retries) {
                    break;
                }
                attempt++;
                io.out()
                        .println("Waiting for " + (unknown > 0 ? unknown : "the") + " verification result"
                                + (unknown == 1 ? "" : "s") + " to be published (retry " + attempt + " of " + retries
                                + ", in " + interval + " s)...");
                io.sleeper().sleep(Duration.ofSeconds(interval));
            }
            JsonNode summary = answer.body().path("summary");
            boolean deployable = summary.path("deployable").asBoolean(false)
                    && summary.path("deployable").isBoolean();
            boolean dryRun = args.flag("dry-run");
            String text = json ? Json.pretty(answer.body()) : table(answer.body(), deployable);
            if (dryRun) {
                text = text.lines()
                                .map(l -> "[dry-run] " + l)
                                .reduce((a, b) -> a + "\n" + b)
                                .orElse("") + "\n[dry-run]\n[dry-run] Dry run enabled - ignoring any failures";
            }
            io.out().println(text);
            return deployable || dryRun ? ExitCode.SUCCESS : ExitCode.FAILURE;
        }

        private static void append(StringBuilder query, String key, String value) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(encode(key)).append('=').append(encode(value));
        }

        /** The matrix as the Pact CLI prints it, then the verdict, the reason and the broker's explanation. */
        static String table(JsonNode body, boolean deployable) {
            List<String[]> rows = new ArrayList<>();
            List<String> results = new ArrayList<>();
            rows.add(new String[] {"CONSUMER", "C.VERSION", "PROVIDER", "P.VERSION", "SUCCESS?", "RESULT#"});
            for (JsonNode row : body.path("matrix")) {
                JsonNode verification = row.path("verificationResult");
                String href =
                        verification.path("_links").path("self").path("href").asText("");
                String ref = "";
                if (!href.isEmpty()) {
                    results.add((results.size() + 1) + ". " + href + " ("
                            + (verification.path("success").asBoolean() ? "success" : "failure") + ")");
                    ref = Integer.toString(results.size());
                }
                String success =
                        verification.isObject() ? verification.path("success").asText("???") : "???";
                if (row.path("ignored").asBoolean(false)) {
                    success += " [ignored]";
                }
                rows.add(new String[] {
                    row.path("consumer").path("name").asText("???"),
                    text(row.path("consumer").path("version").path("number")),
                    row.path("provider").path("name").asText("???"),
                    text(row.path("provider").path("version").path("number")),
                    success,
                    ref
                });
            }
            StringBuilder out = new StringBuilder();
            if (rows.size() > 1) {
                int[] widths = new int[6];
                for (String[] r : rows) {
                    for (int i = 0; i < 6; i++) {
                        widths[i] = Math.max(widths[i], r[i].length());
                    }
                }
                for (int n = 0; n < rows.size(); n++) {
                    String[] r = rows.get(n);
                    StringBuilder line = new StringBuilder();
                    for (int i = 0; i < 6; i++) {
                        line.append(i == 0 ? "" : " | ").append(pad(r[i], widths[i]));
                    }
                    out.append(line.toString().stripTrailing()).append('\n');
                    if (n == 0) {
                        StringBuilder rule = new StringBuilder();
                        for (int i = 0; i < 6; i++) {
                            rule.append(i == 0 ? "" : "-|-").append("-".repeat(widths[i]));
                        }
                        out.append(rule).append('\n');
                    }
                }
            }
            if (!results.isEmpty()) {
                out.append("\nVERIFICATION RESULTS\n--------------------\n");
                results.forEach(r -> out.append(r).append('\n'));
            }
            out.append('\n');
            for (JsonNode notice : body.path("notices")) {
                out.append(notice.path("text").asText()).append('\n');
            }
            if (!body.path("notices").elements().hasNext()) {
                out.append(body.path("summary").path("reason").asText("")).append('\n');
            }
            out.append('\n').append(deployable ? "Computer says yes \\o/" : "Computer says no ¯\\_(ツ)_/¯");
            JsonNode explanation = body.path("explanation");
            if (explanation.isObject()) {
                out.append("\n\n").append(explanation.path("summary").asText(""));
                for (JsonNode problem : explanation.path("problems")) {
                    out.append("\n  - ").append(problem.path("message").asText(""));
                    for (JsonNode failed : problem.path("failedInteractions")) {
                        out.append("\n      ").append(failed.path("description").asText(""));
                        if (failed.hasNonNull("providerState")) {
                            out.append(" (given ")
                                    .append(failed.path("providerState").asText())
                                    .append(')');
                        }
                        for (JsonNode m : failed.path("mismatches")) {
                            out.append("\n        ").append(m.asText());
                        }
                    }
                }
                JsonNode steps = explanation.path("nextSteps");
                if (steps.isArray() && !steps.isEmpty()) {
                    out.append("\nNext steps:");
                    steps.forEach(s -> out.append("\n  - ").append(s.asText()));
                }
            }
            return out.toString();
        }

        private static String text(JsonNode node) {
            return node.isMissingNode() || node.isNull() ? "???" : node.asText();
        }

        private static String pad(String text, int width) {
            return text + " ".repeat(Math.max(0, width - text.length()));
        }
    }

    /** {@code record-deployment}. */
    static final class RecordDeployment implements Command {
        @Override
        public String name() {
            return "record-deployment";
        }

        @Override
        public String summary() {
            return "Record the deployment of a pacticipant version to an environment";
        }

        @Override
        public List<Option> options() {
            return withBroker(
                    pacticipant("The name of the pacticipant that was deployed"),
                    version("The pacticipant version that was deployed"),
                    environment("The name of the environment it was deployed to"),
                    Option.value("application-instance", "INSTANCE", "The application instance deployed to")
                            .alias("target"),
                    output("text (default) or json"));
        }

        @Override
        public ExitCode run(Args args, Io io) {
            return record(args, io, "pb:record-deployment", "deployment");
        }
    }

    /** {@code record-release}. */
    static final class RecordRelease implements Command {
        @Override
        public String name() {
            return "record-release";
        }

        @Override
        public String summary() {
            return "Record the release of a pacticipant version to an environment";
        }

        @Override
        public List<Option> options() {
            return withBroker(
                    pacticipant("The name of the pacticipant that was released"),
                    version("The pacticipant version that was released"),
                    environment("The name of the environment it was released to"),
                    output("text (default) or json"));
        }

        @Override
        public ExitCode run(Args args, Io io) {
            return record(args, io, "pb:record-release", "release");
        }
    }

    private static ExitCode record(Args args, Command.Io io, String relation, String action) {
        String pacticipant = args.require("pacticipant");
        String number = args.require("version");
        String environment = args.require("environment");
        Optional<String> instance =
                args.declares("application-instance") ? args.get("application-instance") : Optional.empty();
        BrokerClient broker = Command.broker(args);
        if (broker.index().link("pb:environments").isEmpty()) {
            throw new CommandFailure("This Pact Broker does not support recording " + action + "s (it has no"
                    + " pb:environments relation): upgrade it to one that has environments.");
        }
        HalDocument version = version(broker, pacticipant, number);
        Optional<Link> link = version.links(relation).stream()
                .filter(l -> l.name().map(environment::equals).orElse(false))
                .findFirst();
        if (link.isEmpty()) {
            environmentNamed(broker, environment);
            throw new CommandFailure("Environment '" + environment + "' is not an available option for recording a "
                    + action + " of " + pacticipant + ".");
        }
        ObjectNode body = Json.NODES.objectNode();
        instance.ifPresent(i -> body.put("applicationInstance", i).put("target", i));
        HalDocument result = broker.post(link.get().uri(), body);
        if (args.get("output").map("json"::equals).orElse(false)) {
            io.out().println(Json.pretty(result.body()));
        } else {
            io.out()
                    .println("Recorded " + action + " of " + pacticipant + " version " + number + " to " + environment
                            + " environment"
                            + instance.map(i -> " (application instance " + i + ")")
                                    .orElse("")
                            + " in the Pact Broker.");
        }
        return ExitCode.SUCCESS;
    }

    /** {@code record-undeployment}. */
    static final class RecordUndeployment implements Command {
        @Override
        public String name() {
            return "record-undeployment";
        }

        @Override
        public String summary() {
            return "Record that a pacticipant is no longer deployed to an environment";
        }

        @Override
        public List<Option> options() {
            return withBroker(
                    pacticipant("The name of the pacticipant that was undeployed"),
                    environment("The name of the environment it was undeployed from"),
                    Option.value("application-instance", "INSTANCE", "The application instance undeployed from")
                            .alias("target"),
                    output("text (default) or json"));
        }

        @Override
        public ExitCode run(Args args, Io io) {
            String pacticipant = args.require("pacticipant");
            String environment = args.require("environment");
            Optional<String> instance = args.get("application-instance");
            BrokerClient broker = Command.broker(args);
            HalDocument env = environmentNamed(broker, environment);
            Link link = env.link("pb:currently-deployed-deployed-versions")
                    .or(() -> env.link("pb:currently-deployed-versions"))
                    .orElseThrow(() -> new CommandFailure(
                            "This Pact Broker does not support recording undeployments (the environment has no"
                                    + " pb:currently-deployed-deployed-versions relation)."));
            HalDocument deployed = broker.get(withQuery(link, Map.of("pacticipant", pacticipant)));
            List<JsonNode> all = deployed.embedded("deployedVersions");
            List<JsonNode> matching = all.stream()
                    .filter(d -> instance.map(i -> i.equals(instanceOf(d))).orElse(instanceOf(d) == null))
                    .toList();
            if (matching.isEmpty()) {
                if (all.isEmpty()) {
                    throw new CommandFailure(pacticipant + " is not currently deployed to " + environment
                            + " environment. Cannot record undeployment.");
                }
                List<String> instances = all.stream()
                        .map(BrokerCommands::instanceOf)
                        .map(i -> i == null ? "(none)" : i)
                        .toList();
                throw new CommandFailure(pacticipant + " is not currently deployed to "
                        + instance.map(i -> "application instance '" + i + "' in ")
                                .orElse("")
                        + environment + " environment. It is deployed to these application instances: "
                        + String.join(", ", instances) + ".");
            }
            for (JsonNode d : matching) {
                URI self = URI.create(d.path("_links").path("self").path("href").asText());
                HalDocument result = broker.patch(self, Json.NODES.objectNode().put("currentlyDeployed", false));
                String number = result.body()
                        .path("_embedded")
                        .path("version")
                        .path("number")
                        .asText(d.path("_embedded")
                                .path("version")
                                .path("number")
                                .asText(""));
                io.out()
                        .println("Recorded undeployment of " + pacticipant
                                + (number.isEmpty() ? "" : " version " + number) + " from " + environment
                                + " environment"
                                + instance.map(i -> " (application instance " + i + ")")
                                        .orElse("") + " in the Pact Broker.");
            }
            return ExitCode.SUCCESS;
        }
    }

    private static String instanceOf(JsonNode deployed) {
        String instance = deployed.path("applicationInstance").textValue();
        return instance != null ? instance : deployed.path("target").textValue();
    }

    private static URI withQuery(Link link, Map<String, String> params) {
        String href = link.templated() ? link.expand(params).toString() : link.href();
        if (link.templated()) {
            return URI.create(href);
        }
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&")
                .append(encode(k))
                .append('=')
                .append(encode(v)));
        return URI.create(href + (href.contains("?") ? "&" : "?") + query);
    }

    /** {@code record-support-ended}. */
    static final class RecordSupportEnded implements Command {
        @Override
        public String name() {
            return "record-support-ended";
        }

        @Override
        public String summary() {
            return "Record that a released pacticipant version is no longer supported in an environment";
        }

        @Override
        public List<Option> options() {
            return withBroker(
                    pacticipant("The name of the pacticipant"),
                    version("The pacticipant version whose support ended"),
                    environment("The name of the environment"),
                    output("text (default) or json"));
        }

        @Override
        public ExitCode run(Args args, Io io) {
            String pacticipant = args.require("pacticipant");
            String number = args.require("version");
            String environment = args.require("environment");
            BrokerClient broker = Command.broker(args);
            HalDocument env = environmentNamed(broker, environment);
            Link link = env.link("pb:currently-supported-released-versions")
                    .or(() -> env.link("pb:currently-supported-versions"))
                    .orElseThrow(() -> new CommandFailure(
                            "This Pact Broker does not support recording the end of support (the environment has no"
                                    + " pb:currently-supported-released-versions relation)."));
            HalDocument released = broker.get(withQuery(link, Map.of("pacticipant", pacticipant, "version", number)));
            List<JsonNode> versions = released.embedded("releasedVersions").stream()
                    .filter(r -> {
                        String n = r.path("_embedded")
                                .path("version")
                                .path("number")
                                .asText(null);
                        return n == null || n.equals(number);
                    })
                    .toList();
            if (versions.isEmpty()) {
                throw new CommandFailure(pacticipant + " version " + number + " is not currently released in "
                        + environment + " environment. Cannot record support ended.");
            }
            for (JsonNode r : versions) {
                URI self = URI.create(r.path("_links").path("self").path("href").asText());
                broker.patch(self, Json.NODES.objectNode().put("currentlySupported", false));
            }
            io.out()
                    .println("Recorded support ended for " + pacticipant + " version " + number + " in " + environment
                            + " environment in the Pact Broker.");
            return ExitCode.SUCCESS;
        }
    }

    /** {@code create-or-update-environment}. */
    static final class CreateOrUpdateEnvironment implements Command {
        @Override
        public String name() {
            return "create-or-update-environment";
        }

        @Override
        public String summary() {
            return "Create an environment, or update the one with that name";
        }

        @Override
        public List<Option> options() {
            return withBroker(
                    Option.value("name", "NAME", "The environment's unique name, as used in deployment commands"),
                    Option.value("display-name", "NAME", "The display name of the environment"),
                    Option.flag("production", "Whether the environment is a production environment"),
                    Option.value("contact-name", "NAME", "The team or person responsible for the environment"),
                    Option.value("contact-email-address", "EMAIL", "Their email address"),
                    output("text (default) or json"));
        }

        @Override
        public ExitCode run(Args args, Io io) {
            String name = args.require("name");
            BrokerClient broker = Command.broker(args);
            // Only a missing relation means an old broker; an unreachable or refusing one says so itself (exit 3, 1).
            var environmentsLink = broker.index()
                    .link("pb:environments")
                    .orElseThrow(() -> new CommandFailure("This Pact Broker does not support environments (no"
                            + " pb:environments relation): upgrade it to one that has them."));
            HalDocument environments = broker.get(environmentsLink.expand(Map.of()));
            ObjectNode body = Json.NODES.objectNode();
            body.put("name", name);
            args.get("display-name").ifPresent(d -> body.put("displayName", d));
            body.put("production", args.flag("production"));
            if (args.get("contact-name").isPresent()
                    || args.get("contact-email-address").isPresent()) {
                ArrayNode contacts = body.putArray("contacts");
                ObjectNode contact = contacts.addObject();
                args.get("contact-name").ifPresent(n -> contact.put("name", n));
                args.get("contact-email-address")
                        .ifPresent(e -> contact.putObject("details").put("emailAddress", e));
            }
            Optional<URI> existing = Optional.empty();
            for (Link link : environments.links("pb:environments")) {
                if (link.name().map(name::equals).orElse(false)) {
                    existing = Optional.of(link.uri());
                }
            }
            for (JsonNode env : environments.embedded("environments")) {
                if (env.path("name").asText().equals(name)) {
                    existing = Optional.of(URI.create(
                            env.path("_links").path("self").path("href").asText()));
                }
            }
            HalDocument result =
                    existing.isPresent() ? broker.put(existing.get(), body) : broker.post(environments.uri(), body);
            if (args.get("output").map("json"::equals).orElse(false)) {
                io.out().println(Json.pretty(result.body()));
            } else {
                io.out()
                        .println((existing.isPresent() ? "Updated" : "Created") + " " + name + " environment"
                                + (result.body().hasNonNull("uuid")
                                        ? " with UUID "
                                                + result.body().get("uuid").asText()
                                        : "")
                                + " in the Pact Broker.");
            }
            return ExitCode.SUCCESS;
        }
    }

    /** {@code create-version-tag}. */
    static final class CreateVersionTag implements Command {
        @Override
        public String name() {
            return "create-version-tag";
        }

        @Override
        public String summary() {
            return "Add tags to a pacticipant version";
        }

        @Override
        public List<Option> options() {
            return withBroker(
                    pacticipant("The pacticipant's name"),
                    version("The pacticipant version"),
                    Option.value("tag", "TAG", "Tag name (repeatable)")
                            .alias("t")
                            .repeatable(),
                    Option.flag("auto-create-version", "Create the version if it does not exist"));
        }

        @Override
        public ExitCode run(Args args, Io io) {
            String pacticipant = args.require("pacticipant");
            String number = args.require("version");
            List<String> tags = args.all("tag");
            if (tags.isEmpty()) {
                throw new Args.UsageException("give at least one --tag");
            }
            BrokerClient broker = Command.broker(args);
            if (!args.flag("auto-create-version")) {
                version(broker, pacticipant, number);
            }
            HalDocument index = broker.index();
            for (String tag : tags) {
                URI uri = index.requireLink("pb:pacticipant-version-tag")
                        .expand(Map.of("pacticipant", pacticipant, "version", number, "tag", tag));
                broker.put(uri, Json.NODES.objectNode());
                io.out().println("Tagged " + pacticipant + " version " + number + " with '" + tag + "'.");
            }
            return ExitCode.SUCCESS;
        }
    }

    /** {@code describe-version}. */
    static final class DescribeVersion implements Command {
        @Override
        public String name() {
            return "describe-version";
        }

        @Override
        public String summary() {
            return "Describe a pacticipant version (the latest, or the latest with a tag, by default)";
        }

        @Override
        public List<Option> options() {
            return withBroker(
                    pacticipant("The pacticipant's name"),
                    version("The pacticipant version"),
                    Option.value("latest", "TAG", "Describe the latest version (with the tag, if given)")
                            .alias("l")
                            .optionalValue(),
                    output("table (default), json or id"));
        }

        @Override
        public ExitCode run(Args args, Io io) {
            String pacticipant = args.require("pacticipant");
            BrokerClient broker = Command.broker(args);
            HalDocument doc;
            try {
                if (args.get("version").isPresent()) {
                    doc = version(broker, pacticipant, args.get("version").get());
                } else if (args.get("latest").filter(t -> !t.isEmpty()).isPresent()) {
                    doc = broker.follow(
                            "pb:latest-tagged-version",
                            Map.of(
                                    "pacticipant",
                                    pacticipant,
                                    "tag",
                                    args.get("latest").get()));
                } else {
                    doc = broker.follow("pb:latest-version", Map.of("pacticipant", pacticipant));
                }
            } catch (BrokerResponseException e) {
                if (e.status() == 404) {
                    throw new CommandFailure("Pacticipant version not found");
                }
                throw e;
            }
            String format = args.get("output").orElse("table");
            JsonNode body = doc.body();
            switch (format) {
                case "json" -> io.out().println(Json.pretty(body));
                case "id" -> io.out().println(body.path("number").asText());
                default -> {
                    List<String> tags = new ArrayList<>();
                    doc.embedded("tags").forEach(t -> tags.add(t.path("name").asText()));
                    List<String> branches = new ArrayList<>();
                    for (JsonNode b : doc.embedded("branchVersions")) {
                        branches.add(b.path("name").asText());
                    }
                    String number = body.path("number").asText();
                    String[] header = {"NUMBER", "BRANCHES", "TAGS"};
                    String[] row = {number, String.join(", ", branches), String.join(", ", tags)};
                    int[] widths = new int[3];
                    for (int i = 0; i < 3; i++) {
                        widths[i] = Math.max(header[i].length(), row[i].length());
                    }
                    io.out().println(line(header, widths));
                    io.out()
                            .println("-".repeat(widths[0]) + "-|-" + "-".repeat(widths[1]) + "-|-"
                                    + "-".repeat(widths[2]));
                    io.out().println(line(row, widths));
                }
            }
            return ExitCode.SUCCESS;
        }

        private static String line(String[] cells, int[] widths) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                out.append(i == 0 ? "" : " | ").append(cells[i]).append(" ".repeat(widths[i] - cells[i].length()));
            }
            return out.toString().stripTrailing();
        }
    }
}
