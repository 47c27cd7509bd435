package io.pactbroker.broker.pacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PactDiffTest {

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void shouldShowNothingWhenOnlyKeyOrderDiffers() throws Exception {
        assertThat(PactDiff.diff(json("{\"a\": 1, \"b\": 2}"), json("{\"b\": 2, \"a\": 1}")))
                .isEmpty();
    }

    @Test
    void shouldMarkRemovedAndAddedLines() throws Exception {
        String diff = PactDiff.diff(json("{\"a\": 1, \"b\": 2}"), json("{\"a\": 1, \"b\": 3}"));

        assertThat(diff).isEqualTo("  {\n    \"a\" : 1,\n-   \"b\" : 2\n+   \"b\" : 3\n  }\n");
    }
}
