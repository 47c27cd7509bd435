package io.pactbroker.broker.pacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class InteractionIdsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void shouldGiveTheSameIdAsThePactBroker() throws Exception {
        ObjectNode interaction =
                (ObjectNode) MAPPER.readTree("{\"description\": \"foo\", \"providerStates\": [{\"name\":"
                        + " \"bar\", \"params\": {\"wiffle\": \"bar\", \"meep\": \"eek\"}}]}");

        assertThat(InteractionIds.id(interaction)).isEqualTo("57d06e151eca35083e4d6b585b4d4fab2e2ed6b7");
    }

    @Test
    void shouldPutTheIdFirstAndReplaceAnyIdSent() throws Exception {
        ObjectNode pact = (ObjectNode)
                MAPPER.readTree(
                        "{\"interactions\": [{\"description\": \"foo\", \"_id\": \"forged\"}], \"messages\": [{\"description\": \"m\"}]}");

        ObjectNode withIds = InteractionIds.add(pact);

        assertThat(withIds.get("interactions").get(0).fieldNames().next()).isEqualTo("_id");
        assertThat(withIds.get("interactions").get(0).get("_id").asText())
                .isNotEqualTo("forged")
                .hasSize(40);
        assertThat(withIds.get("messages").get(0).has("_id")).isTrue();
        assertThat(InteractionIds.remove(withIds).get("interactions").get(0).has("_id"))
                .isFalse();
        assertThat(pact.get("interactions").get(0).get("_id").asText()).isEqualTo("forged");
    }
}
