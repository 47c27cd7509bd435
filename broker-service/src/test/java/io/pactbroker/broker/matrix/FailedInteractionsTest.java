package io.pactbroker.broker.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactbroker.broker.matrix.FailedInteractions.FailedInteraction;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailedInteractionsTest {

    private static final String PACT = "{\"interactions\": [{\"_id\": \"abc\", \"description\": \"get order\","
            + " \"providerState\": \"order 7 exists\"}, {\"_id\": \"def\", \"description\": \"list orders\","
            + " \"providerStates\": [{\"name\": \"orders exist\"}, {\"name\": \"user is admin\"}]}]}";

    @Test
    void shouldNameFailedInteractionsReportedById() {
        FailedInteractions.Result result = FailedInteractions.read(
                "[{\"interactionId\": \"abc\", \"success\": false, \"mismatches\": [{\"attribute\": \"body\","
                        + " \"identifier\": \"$.lines[0].sku\", \"description\": \"Expected 'A1' but was 'a1'\"},"
                        + " {\"type\": \"HeaderMismatch\", \"key\": \"Content-Type\", \"mismatch\": \"Expected json\"}]},"
                        + " {\"interactionId\": \"def\", \"success\": true}]",
                PACT);

        assertThat(result.reported()).isEqualTo(2);
        assertThat(result.failed())
                .containsExactly(new FailedInteraction(
                        "abc",
                        "get order",
                        "order 7 exists",
                        List.of(
                                "body $.lines[0].sku: Expected 'A1' but was 'a1'",
                                "HeaderMismatch Content-Type: Expected json")));
        assertThat(result.failed().get(0).label()).isEqualTo("get order (given order 7 exists)");
    }

    @Test
    void shouldReadThePactRubyFormat() {
        FailedInteractions.Result result = FailedInteractions.read(
                "{\"tests\": [{\"testDescription\": \"list orders returns\", \"interactionDescription\": \"list"
                        + " orders\", \"status\": \"failed\", \"exception\": {\"class\": \"RSpec\", \"message\":"
                        + " \"expected 200\\n got 500\"}}, {\"interactionDescription\": \"get order\", \"status\":"
                        + " \"passed\"}], \"summary\": {\"testCount\": 2, \"failureCount\": 1}}",
                PACT);

        assertThat(result.failed())
                .containsExactly(new FailedInteraction(
                        "def", "list orders", "orders exist, user is admin", List.of("expected 200 got 500")));
    }

    @Test
    void shouldCopeWithResultsItCannotRead() {
        assertThat(FailedInteractions.read(null, PACT).failed()).isEmpty();
        assertThat(FailedInteractions.read("{\"some\": \"results\"}", PACT).failed())
                .isEmpty();
        assertThat(FailedInteractions.read("not json", null).failed()).isEmpty();
        assertThat(FailedInteractions.read(
                                "[{\"success\": false, \"description\": \"x\", \"exceptions\":"
                                        + " [{\"message\": \"boom\"}]}]",
                                null)
                        .failed())
                .containsExactly(new FailedInteraction(null, "x", null, List.of("boom")));
    }

    @Test
    void shouldKeepAtMostFiveShortMismatchesPerInteraction() {
        StringBuilder mismatches = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            mismatches
                    .append(i == 0 ? "" : ",")
                    .append("\"mismatch ")
                    .append(i)
                    .append(" ")
                    .append("x".repeat(600))
                    .append("\"");
        }
        FailedInteraction failed = FailedInteractions.read(
                        "[{\"interactionId\": \"abc\", \"success\": false, \"mismatches\": [" + mismatches + "]}]",
                        PACT)
                .failed()
                .get(0);

        assertThat(failed.mismatches()).hasSize(FailedInteractions.MAX_MISMATCHES);
        assertThat(failed.mismatches()).allMatch(m -> m.length() <= FailedInteractions.MAX_LINE);
    }
}
