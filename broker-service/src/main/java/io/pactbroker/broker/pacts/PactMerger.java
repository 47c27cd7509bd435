package io.pactbroker.broker.pacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * Merges the interactions of a pact into an existing one, as the Pact Broker's PATCH and {@code onConflict: merge}
 * do: an interaction with the same description and provider state replaces the existing one, others are appended. It
 * is a conflict when such a pair differs in its request.
 */
public final class PactMerger {

    private PactMerger() {}

    /** Whether merging would silently change an existing interaction's request. */
    public static boolean conflict(JsonNode original, JsonNode additional) {
        JsonNode originalInteractions = original.get("interactions");
        JsonNode additionalInteractions = additional.get("interactions");
        if (originalInteractions == null
                || !originalInteractions.isArray()
                || additionalInteractions == null
                || !additionalInteractions.isArray()) {
            return true;
        }
        for (JsonNode added : additionalInteractions) {
            for (JsonNode existing : originalInteractions) {
                if (sameDescriptionAndState(existing, added)
                        && !sameRequest(existing.get("request"), added.get("request"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The original with the additional interactions merged in (the original is not changed). */
    public static ObjectNode merge(ObjectNode original, JsonNode additional) {
        ObjectNode merged = original.deepCopy();
        ArrayNode interactions = (ArrayNode) merged.get("interactions");
        for (JsonNode added : additional.get("interactions")) {
            int index = -1;
            for (int i = 0; i < interactions.size(); i++) {
                if (sameDescriptionAndState(interactions.get(i), added)) {
                    index = i;
                    break;
                }
            }
            if (index >= 0) {
                interactions.set(index, added);
            } else {
                interactions.add(added);
            }
        }
        return merged;
    }

    private static boolean sameDescriptionAndState(JsonNode a, JsonNode b) {
        return Objects.equals(a.get("description"), b.get("description"))
                && Objects.equals(providerStates(a), providerStates(b));
    }

    private static JsonNode providerStates(JsonNode interaction) {
        for (String key : List.of("provider_state", "providerState", "providerStates")) {
            JsonNode value = interaction.get(key);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }

    private static boolean sameRequest(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        for (String attribute : List.of("method", "path", "query", "body", "headers")) {
            if (!Objects.equals(a.get(attribute), b.get(attribute))) {
                return false;
            }
        }
        return true;
    }
}
