package io.pactbroker.broker.pacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.core.hash.ContentHash;
import java.util.List;

/**
 * The {@code _id} the Pact Broker gives every interaction and message when it stores a pact: the SHA-1 of the
 * interaction's canonical JSON (keys sorted, without any {@code _id}), written as the interaction's first key.
 * Verifiers echo it in their test results, so results can be tied to interactions. The ids are derived data: the
 * content sha is computed without them.
 */
public final class InteractionIds {

    private InteractionIds() {}

    /** A copy of the pact with a fresh {@code _id} on every interaction and message. */
    public static ObjectNode add(ObjectNode pact) {
        ObjectNode copy = pact.deepCopy();
        for (String field : List.of("interactions", "messages")) {
            JsonNode array = copy.get(field);
            if (array != null && array.isArray()) {
                ArrayNode withIds = JsonNodeFactory.instance.arrayNode(array.size());
                for (JsonNode interaction : array) {
                    withIds.add(interaction.isObject() ? withId((ObjectNode) interaction) : interaction);
                }
                copy.set(field, withIds);
            }
        }
        return copy;
    }

    /** A copy of the pact without the {@code _id}s. */
    public static ObjectNode remove(ObjectNode pact) {
        ObjectNode copy = pact.deepCopy();
        for (String field : List.of("interactions", "messages")) {
            JsonNode array = copy.get(field);
            if (array != null && array.isArray()) {
                array.forEach(i -> {
                    if (i.isObject()) {
                        ((ObjectNode) i).remove("_id");
                    }
                });
            }
        }
        return copy;
    }

    /** The id of one interaction. */
    public static String id(ObjectNode interaction) {
        ObjectNode withoutId = interaction.deepCopy();
        withoutId.remove("_id");
        // An interaction has no interactions or messages of its own, so ContentHash hashes it whole.
        return ContentHash.sha(ContentHash.sortKeys(withoutId));
    }

    private static ObjectNode withId(ObjectNode interaction) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("_id", id(interaction));
        interaction.properties().forEach(e -> {
            if (!e.getKey().equals("_id")) {
                result.set(e.getKey(), e.getValue());
            }
        });
        return result;
    }
}
