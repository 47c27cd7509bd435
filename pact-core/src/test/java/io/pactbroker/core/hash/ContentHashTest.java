package io.pactbroker.core.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ContentHashTest {

    static Stream<Arguments> pactsWithTheShaThePactBrokerGives() throws IOException {
        Properties expected = new Properties();
        try (InputStream in = resource("expected-shas.properties")) {
            expected.load(in);
        }
        return expected.stringPropertyNames().stream().sorted().map(file -> Arguments.of(file, expected.get(file)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pactsWithTheShaThePactBrokerGives")
    void shouldComputeTheSameShaAsThePactBroker(String file, String expectedSha) throws IOException {
        assertThat(ContentHash.sha(read(file))).isEqualTo(expectedSha);
    }

    @Test
    void shouldIgnoreMetadataKeyOrderInteractionOrderAndNumberSpelling() throws IOException {
        assertThat(ContentHash.sha(read("v2-http-reordered.json"))).isEqualTo(ContentHash.sha(read("v2-http.json")));
    }

    @Test
    void shouldChangeWhenAnInteractionChanges() throws IOException {
        String changed = read("v2-http.json").replace("\"/orders/7\"", "\"/orders/8\"");
        assertThat(ContentHash.sha(changed)).isNotEqualTo(ContentHash.sha(read("v2-http.json")));
    }

    @Test
    void shouldChangeWhenTheSpecificationVersionChanges() throws IOException {
        String changed = read("v2-http.json").replace("\"2.0.0\"", "\"3.0.0\"");
        assertThat(ContentHash.sha(changed)).isNotEqualTo(ContentHash.sha(read("v2-http.json")));
    }

    @Test
    void shouldRefuseTextThatIsNotJson() {
        assertThatThrownBy(() -> ContentHash.sha("{\"interactions\": ["))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The pact is not valid JSON");
    }

    @Test
    void shouldRefuseNestingDeeperThanThePactBrokerAccepts() {
        String deep = "[".repeat(ContentHash.MAX_NESTING_DEPTH + 1) + "]".repeat(ContentHash.MAX_NESTING_DEPTH + 1);
        assertThatThrownBy(() -> ContentHash.sha("{\"interactions\": " + deep + "}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "1.0,1.0",
        "100000.0,100000.0",
        "1e14,100000000000000.0",
        "1e15,1.0e+15",
        "1.5e-7,1.5e-07",
        "0.0001,0.0001",
        "0.00001234,1.234e-05",
        "2e-3,0.002",
        "-2.5,-2.5",
        "1e20,1.0e+20",
        "1.7976931348623157e308,1.7976931348623157e+308",
        "5e-324,5.0e-324",
        "0.30000000000000004,0.30000000000000004",
        "1234567890123450.0,1.23456789012345e+15"
    })
    void shouldWriteFloatsAsRubyDoes(double value, String ruby) {
        assertThat(RubyJson.rubyFloat(value)).isEqualTo(ruby);
    }

    @Test
    void shouldOrderStringsByUtf8BytesAsRubyDoes() {
        // In UTF-16 a surrogate pair (0xD83D...) sorts before U+FF21; in UTF-8 bytes (0xF0...) it sorts after.
        String fullwidthA = "\uFF21";
        String emoji = "\uD83D\uDE00";
        assertThat(fullwidthA.compareTo(emoji)).isPositive();
        assertThat(ContentHash.compareRubyStrings(fullwidthA, emoji)).isNegative();
    }

    private static String read(String file) throws IOException {
        try (InputStream in = resource(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream resource(String file) {
        return ContentHashTest.class.getResourceAsStream("/content-hash/" + file);
    }
}
