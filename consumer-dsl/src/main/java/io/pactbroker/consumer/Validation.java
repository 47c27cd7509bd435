package io.pactbroker.consumer;

import io.pactbroker.core.generators.Generation;
import io.pactbroker.core.generators.GeneratorContext;
import io.pactbroker.core.matching.MatchResult;
import io.pactbroker.core.matching.Matching;
import io.pactbroker.core.model.AsynchronousMessage;
import io.pactbroker.core.model.Generators;
import io.pactbroker.core.model.HttpInteraction;
import io.pactbroker.core.model.HttpRequest;
import io.pactbroker.core.model.HttpResponse;
import io.pactbroker.core.model.Interaction;
import io.pactbroker.core.model.MatchingRules;
import io.pactbroker.core.model.MessageContents;
import io.pactbroker.core.model.SynchronousMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a finished interaction: every example must satisfy its own rules (found by matching the interaction's
 * examples against the interaction itself, with the same engine the mock server and verifier use), and every generator
 * must be able to generate.
 */
final class Validation {

    private Validation() {}

    static void check(Interaction interaction) {
        List<String> problems = new ArrayList<>();
        if (interaction instanceof HttpInteraction http) {
            // Without rules an example trivially satisfies itself; without generators there is nothing to try.
            HttpRequest request = http.request();
            if (!request.matchingRules().isEmpty()) {
                collect(problems, "request", Matching.matchRequest(request, examples(request)));
            }
            HttpResponse response = http.response();
            if (!response.matchingRules().isEmpty()) {
                collect(problems, "response", Matching.matchResponse(response, examples(response)));
            }
            if (!response.generators().isEmpty()) {
                generate(
                        problems,
                        () -> Generation.response(response, GeneratorContext.consumer("http://localhost:1234")));
            }
            if (!request.generators().isEmpty()) {
                generate(
                        problems,
                        () -> Generation.request(request, GeneratorContext.consumer("http://localhost:1234")));
            }
        } else if (interaction instanceof AsynchronousMessage message) {
            message(problems, "message", message.contents());
        } else if (interaction instanceof SynchronousMessage exchange) {
            message(problems, "request message", exchange.request());
            for (int i = 0; i < exchange.responses().size(); i++) {
                message(
                        problems,
                        "response message " + (i + 1),
                        exchange.responses().get(i));
            }
        }
        if (!problems.isEmpty()) {
            String kind = interaction instanceof HttpInteraction ? "interaction" : "message";
            throw new IllegalArgumentException(kind + " \"" + interaction.description() + "\""
                    + given(interaction) + (problems.size() == 1 ? " has a matcher" : " has matchers")
                    + " whose example does not satisfy its own rule:\n  " + String.join("\n  ", problems));
        }
    }

    private static void message(List<String> problems, String part, MessageContents contents) {
        MessageContents examples = new MessageContents(
                contents.contents(), contents.metadata(), MatchingRules.empty(), Generators.empty());
        collect(problems, part, Matching.matchMessage(contents, examples));
        generate(problems, () -> Generation.message(contents, GeneratorContext.consumer()));
    }

    private static HttpRequest examples(HttpRequest request) {
        return request.withMatchingRules(MatchingRules.empty()).withGenerators(Generators.empty());
    }

    private static HttpResponse examples(HttpResponse response) {
        return response.withMatchingRules(MatchingRules.empty()).withGenerators(Generators.empty());
    }

    private static void collect(List<String> problems, String part, MatchResult result) {
        result.mismatches().forEach(m -> problems.add(part + " " + m.render()));
    }

    private static void generate(List<String> problems, Runnable generation) {
        try {
            generation.run();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
    }

    private static String given(Interaction interaction) {
        if (interaction.providerStates().isEmpty()) {
            return "";
        }
        return " (given "
                + String.join(
                        " and ",
                        interaction.providerStates().stream()
                                .map(s -> "\"" + s.name() + "\"")
                                .toList())
                + ")";
    }
}
