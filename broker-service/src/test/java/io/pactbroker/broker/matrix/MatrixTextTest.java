package io.pactbroker.broker.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixTextTest {

    private static MatrixRow row(String consumerVersion, String providerVersion, Integer number, Boolean success) {
        return new MatrixRow(
                1L,
                "Foo",
                1L,
                consumerVersion,
                1,
                2L,
                "Bar",
                providerVersion == null ? null : 3L,
                providerVersion,
                null,
                1L,
                1L,
                "sha",
                1,
                OffsetDateTime.now(),
                number == null ? null : 9L,
                number,
                success,
                null,
                null,
                null);
    }

    @Test
    void shouldWriteTheTableAsThePactBrokerDoes() {
        assertThat(MatrixText.table(List.of(row("3", null, null, null), row("2", "20", 1, false))))
                .isEqualTo("CONSUMER | C_VERSION | REVISION | PROVIDER | P_VERSION | NUMBER | SUCCESS\n"
                        + "---------|-----------|----------|----------|-----------|--------|--------\n"
                        + "Foo      | 3         | 1        | Bar      |           |        |        \n"
                        + "Foo      | 2         | 1        | Bar      | 20        | 1      | false  ");
        assertThat(MatrixText.table(List.of())).isEqualTo("No data.");
    }

    @Test
    void shouldPreferTextOnlyWhenTheClientRanksItFirst() {
        assertThat(MatrixResource.prefersText("text/plain")).isTrue();
        assertThat(MatrixResource.prefersText("text/plain, application/hal+json;q=0.9"))
                .isTrue();
        assertThat(MatrixResource.prefersText("application/hal+json, text/plain"))
                .isFalse();
        assertThat(MatrixResource.prefersText("*/*")).isFalse();
        assertThat(MatrixResource.prefersText(null)).isFalse();
        assertThat(MatrixResource.prefersText("application/json;q=0.5, text/plain"))
                .isTrue();
    }

    @Test
    void shouldKeepTheNewestProviderVersionPerConsumerVersionForCvp() {
        MatrixRow older = row("1", "10", 1, false).withVerification(3L, "10", 10L, 5L, 1, false, null, null, null);
        MatrixRow newer = row("1", "11", 1, true).withVerification(4L, "11", 11L, 6L, 1, true, null, null, null);

        assertThat(MatrixService.latestBy(List.of(older, newer), "cvp")).containsExactly(newer);
        assertThat(MatrixService.latestBy(List.of(older, newer), "cvpv")).containsExactly(older, newer);
        assertThat(MatrixService.latestBy(List.of(older, newer), null)).containsExactly(older, newer);
    }
}
