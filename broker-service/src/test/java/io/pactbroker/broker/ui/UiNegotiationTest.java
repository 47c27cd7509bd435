package io.pactbroker.broker.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who gets the dashboard at / and who the HAL index: only a client that ranks HTML above the JSON types. */
class UiNegotiationTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | true",
                "text/html | true",
                "application/xhtml+xml | true",
                "text/html, application/json | true",
                "application/json;q=0.5, text/html | true",
                "application/hal+json | false",
                "application/json | false",
                "*/* | false",
                "application/hal+json, text/html | false",
                "application/json, text/html | false",
                "text/html;q=0.5, application/hal+json | false",
                "text/html;q=0 | false",
                "text/html;q=x | false",
                "text/plain | false",
            })
    void shouldPreferHtmlOnlyWhenTheClientRanksItFirst(String accept, boolean html) {
        assertThat(UiNegotiation.prefersHtml(accept)).isEqualTo(html);
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "'  '"})
    void shouldGiveApiClientsWithoutAnAcceptHeaderTheIndex(String accept) {
        assertThat(UiNegotiation.prefersHtml(accept)).isFalse();
        assertThat(UiNegotiation.prefersHtml(null)).isFalse();
    }
}
