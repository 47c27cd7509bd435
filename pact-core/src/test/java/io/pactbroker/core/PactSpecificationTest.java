package io.pactbroker.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PactSpecificationTest {

    @ParameterizedTest
    @CsvSource({"2.0.0,V2", "2,V2", "v3,V3", "3.0.0,V3", "4.0,V4", "1.1.0,V1_1", "1.0.0,V1"})
    void shouldParseTheVersionsFoundInPactFiles(String text, PactSpecification expected) {
        assertThat(PactSpecification.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"five", "9.0.0", "''"})
    void shouldRejectUnknownVersions(String text) {
        assertThat(PactSpecification.parse(text)).isEmpty();
    }
}
