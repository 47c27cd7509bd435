package io.pactbroker.broker.pacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactbroker.broker.support.PactJson;
import org.junit.jupiter.api.Test;

class PactMergerTest {

    @Test
    void shouldAppendNewInteractionsAndReplaceSameOnes() {
        var original =
                PactJson.between("Foo", "Bar").interaction("a").interaction("b").node();
        var additional =
                PactJson.between("Foo", "Bar").interaction("b").interaction("c").node();

        var merged = PactMerger.merge(original, additional);

        assertThat(merged.get("interactions").findValuesAsText("description")).containsExactly("a", "b", "c");
        assertThat(original.get("interactions").size()).isEqualTo(2);
    }

    @Test
    void shouldSeeConflictWhenSameInteractionHasAnotherRequest() {
        var original = PactJson.between("Foo", "Bar").interaction("a", "/one").node();

        assertThat(PactMerger.conflict(
                        original,
                        PactJson.between("Foo", "Bar").interaction("a", "/two").node()))
                .isTrue();
        assertThat(PactMerger.conflict(
                        original,
                        PactJson.between("Foo", "Bar").interaction("a", "/one").node()))
                .isFalse();
        assertThat(PactMerger.conflict(
                        original,
                        PactJson.between("Foo", "Bar").interaction("b", "/two").node()))
                .isFalse();
    }
}
