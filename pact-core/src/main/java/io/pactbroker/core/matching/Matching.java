package io.pactbroker.core.matching;

import io.pactbroker.core.PactSpecification;
import io.pactbroker.core.matching.internal.Bodies;
import io.pactbroker.core.matching.internal.Parts;
import io.pactbroker.core.matching.internal.RuleContext;
import io.pactbroker.core.model.HttpInteraction;
import io.pactbroker.core.model.HttpRequest;
import io.pactbroker.core.model.HttpResponse;
import io.pactbroker.core.model.MatchingRules;
import io.pactbroker.core.model.MessageContents;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Matches actual requests, responses and messages against expected ones, with the expected side's matching rules.
 * Stateless and thread-safe.
 *
 * <p>A request matches when the method (ignoring case), path, query parameters (all of them, no others), headers (all
 * expected ones; others may be present) and body match; request bodies may not have keys the expected body lacks. A
 * response matches when the status, headers and body match; response bodies may have extra keys. A message matches
 * when its metadata and contents match (extra keys allowed).
 *
 * <pre>{@code
 * // consumer side: does the request the mock server received match the interaction?
 * MatchResult request = Matching.matchRequest(interaction.request(), actualRequest);
 *
 * // provider side: does the provider's response satisfy the contract?
 * MatchResult response = Matching.matchResponse(interaction.response(), actualResponse);
 * response.mismatches().forEach(m -> System.out.println(m.render(interaction)));
 * }</pre>
 */
public final class Matching {

    private Matching() {}

    /** Matches a request with the semantics of specification V2 and later. */
    public static MatchResult matchRequest(HttpRequest expected, HttpRequest actual) {
        return matchRequest(expected, actual, PactSpecification.V4);
    }

    /**
     * Matches a request with the semantics of the pact's specification version: V1 compares query strings as strings
     * (order and empty parameters count); every later version compares them as parameters.
     */
    public static MatchResult matchRequest(HttpRequest expected, HttpRequest actual, PactSpecification specification) {
        MatchingRules rules = expected.matchingRules();
        RuleContext headerRules = RuleContext.names(rules.category(MatchingRules.HEADER), true);
        List<Mismatch> out = new ArrayList<>();
        out.addAll(Parts.method(expected.method(), actual.method()));
        out.addAll(Parts.path(expected.path(), actual.path(), RuleContext.whole(rules.category(MatchingRules.PATH))));
        out.addAll(Parts.query(
                expected.query(),
                actual.query(),
                RuleContext.names(rules.category(MatchingRules.QUERY), false),
                specification == PactSpecification.V1));
        out.addAll(Parts.headers(expected.headers(), actual.headers(), headerRules));
        out.addAll(Bodies.match(
                Bodies.Part.of(expected.body(), expected.headers().contentType()),
                Bodies.Part.of(actual.body(), actual.headers().contentType()),
                RuleContext.paths(rules.category(MatchingRules.BODY), false),
                headerRules));
        return MatchResult.of(out);
    }

    /** Matches a response. */
    public static MatchResult matchResponse(HttpResponse expected, HttpResponse actual) {
        MatchingRules rules = expected.matchingRules();
        RuleContext headerRules = RuleContext.names(rules.category(MatchingRules.HEADER), true);
        List<Mismatch> out = new ArrayList<>();
        out.addAll(Parts.status(
                expected.status(), actual.status(), RuleContext.whole(rules.category(MatchingRules.STATUS))));
        out.addAll(Parts.headers(expected.headers(), actual.headers(), headerRules));
        out.addAll(Bodies.match(
                Bodies.Part.of(expected.body(), expected.headers().contentType()),
                Bodies.Part.of(actual.body(), actual.headers().contentType()),
                RuleContext.paths(rules.category(MatchingRules.BODY), true),
                headerRules));
        return MatchResult.of(out);
    }

    /**
     * Matches a message (or one part of a synchronous message): metadata, then contents. Contents of different content
     * types do not match.
     */
    public static MatchResult matchMessage(MessageContents expected, MessageContents actual) {
        MatchingRules rules = expected.matchingRules();
        List<Mismatch> out = new ArrayList<>(Parts.metadata(
                expected.metadata(),
                actual.metadata(),
                RuleContext.names(rules.category(MatchingRules.METADATA), false)));
        out.addAll(Bodies.match(
                Bodies.Part.of(expected.contents(), expected.contentType()),
                Bodies.Part.of(actual.contents(), actual.contentType()),
                RuleContext.paths(rules.category(MatchingRules.BODY), true),
                RuleContext.none()));
        return MatchResult.of(out);
    }

    /**
     * Matches the responses of a synchronous message: each expected response against the actual one at the same
     * position; a missing response is a mismatch.
     */
    public static MatchResult matchMessageResponses(List<MessageContents> expected, List<MessageContents> actual) {
        List<Mismatch> out = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            if (i >= actual.size()) {
                out.add(new Mismatch(
                        Mismatch.Kind.BODY,
                        "",
                        Optional.empty(),
                        "",
                        "",
                        "expected " + expected.size() + " response message(s) but there were " + actual.size()));
                break;
            }
            out.addAll(matchMessage(expected.get(i), actual.get(i)).mismatches());
        }
        return MatchResult.of(out);
    }

    /**
     * The interaction whose request the actual request matches, for a mock server: the first that matches fully.
     * Empty when none does.
     */
    public static Optional<HttpInteraction> findInteraction(
            Collection<HttpInteraction> interactions, HttpRequest actual) {
        for (HttpInteraction interaction : interactions) {
            if (matchRequest(interaction.request(), actual).matched()) {
                return Optional.of(interaction);
            }
        }
        return Optional.empty();
    }

    /**
     * The interaction whose request is closest to the actual request: the fewest mismatches, where a different method
     * or path weighs more than any difference in query, headers or body (a request to the right endpoint with a wrong
     * body is closer than one to another endpoint). Ties go to the interaction given first. Empty when there are no
     * interactions.
     */
    public static Optional<ClosestMatch> closestInteraction(
            Collection<HttpInteraction> interactions, HttpRequest actual) {
        ClosestMatch best = null;
        long bestScore = Long.MAX_VALUE;
        for (HttpInteraction interaction : interactions) {
            MatchResult result = matchRequest(interaction.request(), actual);
            long score = 0;
            for (Mismatch m : result.mismatches()) {
                score += switch (m.kind()) {
                    case METHOD -> 10_000;
                    case PATH -> 1_000;
                    case BODY_TYPE -> 10;
                    default -> 1;
                };
            }
            if (score < bestScore) {
                best = new ClosestMatch(interaction, result);
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }
}
