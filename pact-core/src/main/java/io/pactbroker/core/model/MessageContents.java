package io.pactbroker.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The payload of a message: its contents and metadata, with the rules and generators that apply to them. Rules on the
 * contents are in the {@code body} category, rules on metadata in {@code metadata}.
 *
 * <pre>{@code
 * MessageContents actual = MessageContents.of(Body.fromBytes(payload, "application/json"))
 *     .withMetadata(Map.of("topic", TextNode.valueOf("orders")));
 * }</pre>
 *
 * @param contents the contents
 * @param metadata the metadata, in the order given
 * @param matchingRules the matching rules
 * @param generators the generators
 */
public record MessageContents(
        Body contents, Map<String, JsonNode> metadata, MatchingRules matchingRules, Generators generators) {

    public MessageContents {
        Objects.requireNonNull(contents, "contents");
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        Objects.requireNonNull(matchingRules, "matchingRules");
        Objects.requireNonNull(generators, "generators");
    }

    /** Contents without metadata, rules or generators. */
    public static MessageContents of(Body contents) {
        return new MessageContents(contents, Map.of(), MatchingRules.empty(), Generators.empty());
    }

    public MessageContents withContents(Body newContents) {
        return new MessageContents(newContents, metadata, matchingRules, generators);
    }

    public MessageContents withMetadata(Map<String, JsonNode> newMetadata) {
        return new MessageContents(contents, newMetadata, matchingRules, generators);
    }

    public MessageContents withMatchingRules(MatchingRules newRules) {
        return new MessageContents(contents, metadata, newRules, generators);
    }

    public MessageContents withGenerators(Generators newGenerators) {
        return new MessageContents(contents, metadata, matchingRules, newGenerators);
    }

    /**
     * The content type: the metadata's {@code contentType} (or {@code content-type}), else the contents' own.
     */
    public Optional<ContentType> contentType() {
        for (Map.Entry<String, JsonNode> e : metadata.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if ((key.equals("contenttype") || key.equals("content-type"))
                    && e.getValue().isTextual()) {
                Optional<ContentType> type = ContentType.parse(e.getValue().textValue());
                if (type.isPresent()) {
                    return type;
                }
            }
        }
        return contents.contentType();
    }
}
