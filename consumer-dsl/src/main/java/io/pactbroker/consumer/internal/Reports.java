package io.pactbroker.consumer.internal;

import io.pactbroker.core.internal.Json;
import io.pactbroker.core.matching.Mismatch;
import io.pactbroker.core.model.Body;
import io.pactbroker.core.model.HttpInteraction;
import io.pactbroker.core.model.HttpRequest;
import io.pactbroker.core.model.ProviderState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/** Failure text of the mock server: what came that nobody expected, and what was expected that never came. */
public final class Reports {

    private Reports() {}

    /** The problems of one test, as an assertion error with expected and actual requests for the IDE's diff. */
    public static Optional<AssertionFailedError> failure(
            String consumer,
            String provider,
            List<HttpMockServer.Unexpected> unexpected,
            List<HttpInteraction> missing) {
        if (unexpected.isEmpty() && missing.isEmpty()) {
            return Optional.empty();
        }
        int count = unexpected.size() + missing.size();
        StringBuilder message = new StringBuilder()
                .append("Pact ")
                .append(consumer)
                .append(" -> ")
                .append(provider)
                .append(": the mock server found ")
                .append(count == 1 ? "1 problem" : count + " problems")
                .append('\n');
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (HttpMockServer.Unexpected u : unexpected) {
            message.append(indent(unexpected(u))).append('\n');
            HttpRequest closest =
                    u.closest().map(c -> c.interaction().request()).orElse(null);
            // Only the headers the closest interaction names: the rest (Host, User-Agent...) would be noise in a diff.
            actual.add(render(
                    u.request(), closest == null ? Set.of() : closest.headers().names()));
            if (closest != null) {
                expected.add(render(closest, closest.headers().names()));
            }
        }
        for (HttpInteraction m : missing) {
            message.append("  missing request: ")
                    .append(line(m.request()))
                    .append(" (interaction \"")
                    .append(m.description())
                    .append('"')
                    .append(given(m))
                    .append(") was expected but never received\n");
            expected.add(render(m.request(), m.request().headers().names()));
        }
        return Optional.of(new AssertionFailedError(
                message.toString().stripTrailing(), String.join("\n\n", expected), String.join("\n\n", actual)));
    }

    /** One unexpected request: the request line, the closest interaction and each mismatch by path. */
    static String unexpected(HttpMockServer.Unexpected u) {
        StringBuilder out = new StringBuilder("unexpected request: ").append(line(u.request()));
        if (u.closest().isEmpty()) {
            return out.append(" (no interaction is expected in this test)").toString();
        }
        HttpInteraction closest = u.closest().get().interaction();
        out.append(" matched no interaction; the closest is \"")
                .append(closest.description())
                .append('"')
                .append(given(closest))
                .append(':');
        for (Mismatch mismatch : u.closest().get().result().mismatches()) {
            out.append("\n  ").append(mismatch.render(closest));
        }
        return out.toString();
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }

    private static String given(HttpInteraction interaction) {
        if (interaction.providerStates().isEmpty()) {
            return "";
        }
        return ", given "
                + interaction.providerStates().stream()
                        .map(ProviderState::name)
                        .map(n -> "\"" + n + "\"")
                        .collect(Collectors.joining(" and "));
    }

    static String line(HttpRequest request) {
        String query = request.query().isEmpty() ? "" : "?" + request.query().toQueryString();
        return request.method() + " " + request.path() + query;
    }

    /** A request as text: request line, headers, blank line, body (JSON with sorted keys). */
    static String render(HttpRequest request, Set<String> headerNames) {
        StringBuilder out = new StringBuilder(line(request));
        for (String name : headerNames) {
            List<String> values = request.headers().get(name);
            if (!values.isEmpty()) {
                out.append('\n').append(name).append(": ").append(String.join(", ", values));
            }
        }
        Body body = request.body();
        if (body instanceof Body.Json json) {
            out.append("\n\n").append(Json.canonical(json.value()).stripTrailing());
        } else if (body.isPresent()) {
            out.append("\n\n").append(body instanceof Body.Binary ? body.toString() : body.text());
        }
        return out.toString();
    }
}
