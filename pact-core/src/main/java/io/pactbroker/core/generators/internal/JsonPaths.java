package io.pactbroker.core.generators.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.core.model.DocPath;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;

/** Replaces the values a path expression selects in a JSON tree (which is modified in place). */
public final class JsonPaths {

    private JsonPaths() {}

    /** Replaces every value the path selects; returns the (possibly new) root. */
    public static JsonNode replace(JsonNode root, DocPath path, UnaryOperator<JsonNode> replacement) {
        List<DocPath.Token> tokens = path.tokens();
        int start = !tokens.isEmpty() && tokens.get(0) instanceof DocPath.Root ? 1 : 0;
        if (start == tokens.size()) {
            return replacement.apply(root);
        }
        walk(root, tokens, start, replacement);
        return root;
    }

    /** The values the path selects. */
    public static List<JsonNode> select(JsonNode root, DocPath path) {
        List<JsonNode> out = new ArrayList<>();
        replace(root, path, node -> {
            out.add(node);
            return node;
        });
        return out;
    }

    private static void walk(
            JsonNode node, List<DocPath.Token> tokens, int index, UnaryOperator<JsonNode> replacement) {
        DocPath.Token token = tokens.get(index);
        boolean last = index == tokens.size() - 1;
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            if (token instanceof DocPath.Field field) {
                if (object.has(field.name())) {
                    names.add(field.name());
                }
            } else if (token instanceof DocPath.Star) {
                Iterator<String> it = object.fieldNames();
                it.forEachRemaining(names::add);
            }
            for (String name : names) {
                if (last) {
                    object.set(name, replacement.apply(object.get(name)));
                } else {
                    walk(object.get(name), tokens, index + 1, replacement);
                }
            }
        } else if (node instanceof ArrayNode array) {
            List<Integer> indexes = new ArrayList<>();
            if (token instanceof DocPath.Index i) {
                if (i.index() < array.size()) {
                    indexes.add(i.index());
                }
            } else if (token instanceof DocPath.StarIndex || token instanceof DocPath.Star) {
                for (int i = 0; i < array.size(); i++) {
                    indexes.add(i);
                }
            }
            for (int i : indexes) {
                if (last) {
                    array.set(i, replacement.apply(array.get(i)));
                } else {
                    walk(array.get(i), tokens, index + 1, replacement);
                }
            }
        }
    }
}
