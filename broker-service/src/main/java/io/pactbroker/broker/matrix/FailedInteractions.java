package io.pactbroker.broker.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactbroker.broker.common.json.JsonBodies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The interactions a verification failed, read from the {@code testResults} the verifier published. Both shapes in
 * use are read: the array of results per interaction ({@code [{"interactionId", "success", "mismatches",
 * "exceptions"}]}, pact-jvm, the Rust core and this project's verifier) and the older object with {@code tests}
 * ({@code {"tests": [{"interactionDescription", "interactionProviderState", "status", "exception"}]}}, pact-ruby).
 * Each failed result is matched to its interaction in the pact by id, or by description and provider state, so that
 * it can be named even when the verifier sent only the id.
 */
public final class FailedInteractions {

    /** At most this many mismatch lines per interaction, each at most {@link #MAX_LINE} characters. */
    static final int MAX_MISMATCHES = 5;

    static final int MAX_LINE = 500;

    /** A failed interaction: its id, description and provider state (when known), and what went wrong. */
    public record FailedInteraction(
            String interactionId, String description, String providerState, List<String> mismatches) {

        /** "get order (given order 7 exists)". */
        public String label() {
            String name = description == null ? "interaction " + interactionId : description;
            return providerState == null ? name : name + " (given " + providerState + ")";
        }
    }

    /** What the test results say: the failed interactions, and how many interactions were reported at all. */
    public record Result(List<FailedInteraction> failed, int reported) {

        static final Result NONE = new Result(List.of(), 0);
    }

    private FailedInteractions() {}

    /** Reads the test results (JSON text, may be null) against the pact content (JSON text, may be null). */
    public static Result read(String testResults, String pactContent) {
        JsonNode results =
                testResults == null ? null : JsonBodies.parse(testResults).orElse(null);
        JsonNode pact =
                pactContent == null ? null : JsonBodies.parse(pactContent).orElse(null);
        return read(results, pact);
    }

    static Result read(JsonNode results, JsonNode pact) {
        JsonNode tests = results == null ? null : results.isArray() ? results : results.get("tests");
        if (tests == null || !tests.isArray()) {
            return Result.NONE;
        }
        List<JsonNode> interactions = interactions(pact);
        Map<String, FailedInteraction> failed = new LinkedHashMap<>();
        int reported = 0;
        for (JsonNode test : tests) {
            if (!test.isObject()) {
                continue;
            }
            reported++;
            boolean failure = (test.has("success") && !test.get("success").asBoolean(true))
                    || "failed".equalsIgnoreCase(text(test, "status"));
            if (!failure) {
                continue;
            }
            String id = text(test, "interactionId");
            String description = first(text(test, "interactionDescription"), text(test, "description"));
            String state = first(text(test, "interactionProviderState"), providerStates(test));
            JsonNode interaction = find(interactions, id, description, state);
            if (interaction != null) {
                description = first(text(interaction, "description"), description);
                state = first(providerStates(interaction), state);
                id = first(id, text(interaction, "_id"));
            }
            if (description == null) {
                description = text(test, "testDescription");
            }
            String key = id != null ? id : description + "\u0000" + state;
            FailedInteraction previous = failed.get(key);
            List<String> mismatches = new ArrayList<>(previous == null ? List.of() : previous.mismatches());
            for (String line : mismatches(test)) {
                if (mismatches.size() < MAX_MISMATCHES && !mismatches.contains(line)) {
                    mismatches.add(line);
                }
            }
            failed.put(key, new FailedInteraction(id, description, state, List.copyOf(mismatches)));
        }
        return new Result(List.copyOf(failed.values()), reported);
    }

    private static List<JsonNode> interactions(JsonNode pact) {
        List<JsonNode> list = new ArrayList<>();
        if (pact == null) {
            return list;
        }
        for (String field : List.of("interactions", "messages")) {
            JsonNode array = pact.get(field);
            if (array != null && array.isArray()) {
                array.forEach(list::add);
            }
        }
        return list;
    }

    private static JsonNode find(List<JsonNode> interactions, String id, String description, String state) {
        if (id != null) {
            for (JsonNode i : interactions) {
                if (id.equals(text(i, "_id")) || id.equals(text(i, "key"))) {
                    return i;
                }
            }
        }
        if (description != null) {
            for (JsonNode i : interactions) {
                if (description.equals(text(i, "description")) && (state == null || state.equals(providerStates(i)))) {
                    return i;
                }
            }
        }
        return null;
    }

    /** The provider state of an interaction or test: {@code providerState}, or the names of {@code providerStates}. */
    private static String providerStates(JsonNode node) {
        String single = text(node, "providerState");
        if (single != null && !single.isEmpty()) {
            return single;
        }
        JsonNode states = node.get("providerStates");
        if (states != null && states.isArray() && !states.isEmpty()) {
            List<String> names = new ArrayList<>();
            states.forEach(s -> {
                String name = s.isTextual() ? s.asText() : text(s, "name");
                if (name != null) {
                    names.add(name);
                }
            });
            return names.isEmpty() ? null : String.join(", ", names);
        }
        return null;
    }

    private static List<String> mismatches(JsonNode test) {
        List<String> lines = new ArrayList<>();
        JsonNode mismatches = test.get("mismatches");
        if (mismatches != null && mismatches.isArray()) {
            for (JsonNode m : mismatches) {
                add(lines, mismatchLine(m));
            }
        }
        JsonNode exceptions = test.get("exceptions");
        if (exceptions != null && exceptions.isArray()) {
            for (JsonNode e : exceptions) {
                add(lines, e.isTextual() ? e.asText() : first(text(e, "message"), text(e, "exceptionClass")));
            }
        }
        JsonNode exception = test.get("exception");
        if (exception != null) {
            add(
                    lines,
                    exception.isTextual()
                            ? exception.asText()
                            : first(text(exception, "message"), text(exception, "class")));
        }
        return lines;
    }

    /** "body $.lines[0].sku: Expected ..." from pact-jvm's, the Rust core's or any similar mismatch object. */
    private static String mismatchLine(JsonNode m) {
        if (m.isTextual()) {
            return m.asText();
        }
        if (!m.isObject()) {
            return null;
        }
        String kind = first(text(m, "attribute"), text(m, "type"));
        String where = first(text(m, "identifier"), text(m, "path"), text(m, "key"));
        String what = first(text(m, "description"), text(m, "mismatch"), text(m, "message"));
        if (what == null) {
            what = m.toString();
        }
        StringBuilder line = new StringBuilder();
        if (kind != null) {
            line.append(kind);
        }
        if (where != null) {
            line.append(line.isEmpty() ? "" : " ").append(where);
        }
        return line.isEmpty() ? what : line.append(": ").append(what).toString();
    }

    private static void add(List<String> lines, String line) {
        if (line == null || line.isBlank()) {
            return;
        }
        String single = line.strip().replaceAll("\\s*\\R\\s*", " ");
        lines.add(single.length() > MAX_LINE ? single.substring(0, MAX_LINE - 1) + "…" : single);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }
}
