package io.pactbroker.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pactbroker.core.model.Body;
import io.pactbroker.core.model.ContentType;
import io.pactbroker.core.model.Fixtures;
import io.pactbroker.core.model.MatchingRule;
import io.pactbroker.core.model.MatchingRules;
import io.pactbroker.core.model.MessageContents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static MessageContents message(String json, String... metadata) {
        Map<String, JsonNode> meta = new LinkedHashMap<>();
        for (int i = 0; i < metadata.length; i += 2) {
            meta.put(metadata[i], TextNode.valueOf(metadata[i + 1]));
        }
        return MessageContents.of(Body.json(Fixtures.json(json))).withMetadata(meta);
    }

    @Test
    void shouldMatchContentsAndMetadata() {
        MessageContents expected = message("{\"id\": 1}", "topic", "orders", "contentType", "application/json")
                .withMatchingRules(MatchingRules.builder()
                        .body("$.id", MatchingRule.integer())
                        .metadata("topic", MatchingRule.regex("orders(\\.v\\d+)?"))
                        .build());
        MessageContents good = message(
                "{\"id\": 9, \"extra\": true}",
                "topic",
                "orders.v2",
                "contentType",
                "application/json;charset=UTF-8",
                "key",
                "k");

        assertThat(Matching.matchMessage(expected, good).matched()).isTrue();
        assertThat(RequestsTest.render(Matching.matchMessage(expected, message("{\"id\": \"9\"}", "topic", "billing"))))
                .containsExactly(
                        "metadata 'topic': expected a string matching /orders(\\.v\\d+)?/ but was \"billing\"",
                        "metadata 'contentType': expected \"application/json\" but the entry was missing",
                        "$.id: expected an integer but was \"9\"");
    }

    @Test
    void shouldRefuseContentsOfAnotherType() {
        MessageContents expected = message("{\"id\": 1}");
        MessageContents actual = MessageContents.of(Body.text("id=1", ContentType.TEXT));

        assertThat(RequestsTest.render(Matching.matchMessage(expected, actual)))
                .containsExactly("body: expected a body of type application/json but was text/plain");
    }

    @Test
    void shouldMatchEachResponseOfASynchronousMessage() {
        MessageContents pong = message("{\"pong\": 1}");

        assertThat(Matching.matchMessageResponses(List.of(pong), List.of(pong)).matched())
                .isTrue();
        assertThat(RequestsTest.render(Matching.matchMessageResponses(List.of(pong, pong), List.of(pong))))
                .containsExactly("body: expected 2 response message(s) but there were 1");
    }
}
