package io.pactbroker.verifier.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.core.broker.BrokerClient;
import io.pactbroker.core.broker.BrokerException;
import io.pactbroker.core.broker.BrokerUnreachableException;
import io.pactbroker.core.broker.HalDocument;
import io.pactbroker.core.internal.Json;
import io.pactbroker.core.matching.Mismatch;
import io.pactbroker.core.model.ProviderState;
import io.pactbroker.verifier.InteractionResult;
import io.pactbroker.verifier.PactResult;
import io.pactbroker.verifier.PublishOptions;
import io.pactbroker.verifier.VerificationResult.Publication;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Publishes verification results: records the provider version's branch and tags (through the provider pacticipant's
 * {@code pb:branch-version} and {@code pb:version-tag} relations, once per broker), then posts each pact's result to
 * its {@code pb:publish-verification-results} link with per-interaction {@code testResults}.
 */
public final class ResultPublisher {

    private final PublishOptions options;
    private final PrintStream out;

    public ResultPublisher(PublishOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Publishes the result of every pact read from a broker; pacts from files are skipped with a line saying so. */
    public List<Publication> publish(List<LoadedPact> pacts, List<PactResult> results) {
        List<Publication> publications = new ArrayList<>();
        Set<String> versionRecorded = new HashSet<>();
        for (int i = 0; i < pacts.size(); i++) {
            LoadedPact pact = pacts.get(i);
            PactResult result = results.get(i);
            if (pact.publishUrl().isEmpty() || pact.broker().isEmpty()) {
                out.println("Not publishing the result for the pact between "
                        + pact.pact().consumer() + " and " + pact.pact().provider()
                        + ": it was not read from a Pact Broker (" + pact.source() + ")");
                continue;
            }
            BrokerClient broker = pact.broker().get();
            URI url = pact.publishUrl().get();
            try {
                String key = broker.baseUrl() + " " + pact.pact().provider();
                if (versionRecorded.add(key)) {
                    recordBranchAndTags(broker, pact);
                }
                broker.post(url, body(result));
                String message = "Published the verification result (" + (result.passed() ? "success" : "failure")
                        + ") for the pact between " + pact.pact().consumer() + " and "
                        + pact.pact().provider()
                        + " as " + pact.pact().provider() + " version " + options.providerVersion()
                        + options.branch().map(b -> " (branch " + b + ")").orElse("");
                out.println(message);
                publications.add(new Publication(pact.pact().consumer(), url.toString(), true, message));
            } catch (BrokerUnreachableException e) {
                throw e;
            } catch (BrokerException e) {
                publications.add(new Publication(
                        pact.pact().consumer(),
                        url.toString(),
                        false,
                        "Publishing the verification result for the pact between "
                                + pact.pact().consumer() + " and " + pact.pact().provider() + " failed: "
                                + e.getMessage()));
            }
        }
        return publications;
    }

    private void recordBranchAndTags(BrokerClient broker, LoadedPact pact) {
        if (options.branch().isEmpty() && options.tags().isEmpty()) {
            return;
        }
        HalDocument provider = pact.providerUrl().isPresent()
                ? broker.get(pact.providerUrl().get())
                : broker.follow(
                        "pb:pacticipant", Map.of("pacticipant", pact.pact().provider()));
        if (options.branch().isPresent()) {
            URI uri = provider.requireLink("pb:branch-version")
                    .expand(Map.of("branch", options.branch().get(), "version", options.providerVersion()));
            broker.put(uri, Json.NODES.objectNode());
        }
        for (String tag : options.tags()) {
            URI uri = provider.requireLink("pb:version-tag")
                    .expand(Map.of("tag", tag, "version", options.providerVersion()));
            broker.put(uri, Json.NODES.objectNode());
        }
    }

    /** The verification result: success, version, build URL, per-interaction results, and who verified. */
    ObjectNode body(PactResult result) {
        ObjectNode body = Json.NODES.objectNode();
        body.put("success", result.passed());
        body.put("providerApplicationVersion", options.providerVersion());
        options.buildUrl().ifPresent(u -> body.put("buildUrl", u));
        ArrayNode tests = body.putArray("testResults");
        for (InteractionResult r : result.interactions()) {
            tests.add(testResult(r));
        }
        ObjectNode verifiedBy = body.putObject("verifiedBy");
        verifiedBy.put("implementation", "io.pactbroker provider-verifier");
        verifiedBy.put("version", Version.current());
        return body;
    }

    /** One interaction's result, in the shape pact-jvm and the Rust verifier use. */
    static ObjectNode testResult(InteractionResult r) {
        ObjectNode test = Json.NODES.objectNode();
        r.interaction().id().ifPresent(id -> test.put("interactionId", id));
        r.interaction().key().ifPresent(key -> test.put("interactionKey", key));
        test.put("interactionDescription", r.interaction().description());
        if (!r.interaction().providerStates().isEmpty()) {
            test.put(
                    "interactionProviderState",
                    r.interaction().providerStates().stream()
                            .map(ProviderState::name)
                            .collect(Collectors.joining(", ")));
        }
        test.put("success", r.passed());
        if (r.pending()) {
            test.put("pending", true);
        }
        if (!r.mismatches().isEmpty()) {
            ArrayNode mismatches = test.putArray("mismatches");
            for (Mismatch m : r.mismatches()) {
                ObjectNode node = mismatches.addObject();
                node.put("attribute", attribute(m.kind()));
                if (!m.path().isEmpty()) {
                    node.put("identifier", m.path());
                }
                node.put("description", m.description());
                node.put("expected", m.expected());
                node.put("actual", m.actual());
                m.rule().ifPresent(rule -> node.put("rule", rule.toString()));
            }
        }
        r.error().ifPresent(e -> test.putArray("exceptions").addObject().put("message", e));
        return test;
    }

    private static String attribute(Mismatch.Kind kind) {
        return switch (kind) {
            case METHOD -> "method";
            case PATH -> "path";
            case QUERY -> "query";
            case HEADER -> "header";
            case STATUS -> "status";
            case BODY_TYPE -> "body-content-type";
            case BODY -> "body";
            case METADATA -> "metadata";
        };
    }
}
