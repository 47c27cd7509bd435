package io.pactbroker.broker.verifications;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the per-interaction results out of the {@code testResults} verifiers send. Verifiers send them in two shapes:
 * an array of results (pact-jvm, the Rust verifier and the libraries built on it) or an object with a {@code tests}
 * array (the Ruby verifier). Each result names its interaction by {@code interactionId} (the {@code _id} the broker
 * put in the pact) and/or by description and provider state, and gives a verdict as {@code success} or
 * {@code status}.
 */
final class TestResults {

    private TestResults() {}

    /** The results in the order sent; empty when the test results have neither shape. */
    static List<InteractionResult> interactions(JsonNode testResults, JsonNode pactContent) {
        JsonNode elements = elements(testResults);
        List<InteractionResult> results = new ArrayList<>();
        if (elements == null) {
            return results;
        }
        int position = 0;
        for (JsonNode e : elements) {
            if (!e.isObject()) {
                position++;
                continue;
            }
            String description = text(e, "interactionDescription", "description", "testDescription");
            String providerState = providerState(e);
            String interactionId = text(e, "interactionId", "interaction_id", "_id");
            if (interactionId == null && description != null) {
                interactionId = findId(pactContent, description, providerState);
            }
            results.add(new InteractionResult(
                    position, interactionId, description, providerState, success(e), e.toString()));
            position++;
        }
        return results;
    }

    private static JsonNode elements(JsonNode testResults) {
        if (testResults == null) {
            return null;
        }
        if (testResults.isArray()) {
            return testResults;
        }
        if (testResults.isObject()) {
            for (String field : List.of("tests", "testResults", "results")) {
                JsonNode nested = testResults.get(field);
                if (nested != null && nested.isArray()) {
                    return nested;
                }
            }
        }
        return null;
    }

    private static Boolean success(JsonNode e) {
        JsonNode success = e.get("success");
        if (success != null && success.isBoolean()) {
            return success.asBoolean();
        }
        String status = text(e, "status", "result");
        if (status == null) {
            return null;
        }
        return switch (status.toLowerCase()) {
            case "passed", "pass", "success", "succeeded", "ok" -> true;
            case "failed", "fail", "failure", "error", "errored" -> false;
            default -> null;
        };
    }

    private static String providerState(JsonNode e) {
        String state = text(e, "interactionProviderState", "providerState");
        if (state != null) {
            return state;
        }
        JsonNode states = e.get("providerStates");
        if (states != null && states.isArray() && !states.isEmpty()) {
            List<String> names = new ArrayList<>();
            states.forEach(s -> {
                if (s.isObject() && s.path("name").isTextual()) {
                    names.add(s.get("name").asText());
                } else if (s.isTextual()) {
                    names.add(s.asText());
                }
            });
            return names.isEmpty() ? null : String.join(", ", names);
        }
        return null;
    }

    /** The {@code _id} of the one interaction of the pact with that description (and provider state, if given). */
    private static String findId(JsonNode pact, String description, String providerState) {
        if (pact == null) {
            return null;
        }
        String found = null;
        for (String field : List.of("interactions", "messages")) {
            JsonNode list = pact.get(field);
            if (list == null || !list.isArray()) {
                continue;
            }
            for (JsonNode i : list) {
                if (!description.equals(i.path("description").asText(null))) {
                    continue;
                }
                if (providerState != null && !providerState.equals(providerState(i))) {
                    continue;
                }
                if (found != null) {
                    return null;
                }
                found = i.path("_id").asText(null);
            }
        }
        return found;
    }

    private static String text(JsonNode e, String... fields) {
        for (String f : fields) {
            JsonNode v = e.get(f);
            if (v != null && v.isTextual()) {
                return v.asText();
            }
        }
        return null;
    }
}
