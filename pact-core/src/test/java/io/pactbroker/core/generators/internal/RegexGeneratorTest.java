package io.pactbroker.core.generators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegexGeneratorTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\\d+",
                "[A-Z]\\d",
                "^[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}$",
                "(red|green|blue)",
                "(?:ab)+c?",
                "(?<year>\\d{4})-(?<month>0[1-9]|1[0-2])",
                "[^0-9]{3,5}",
                "\\w+@\\w+\\.(com|org)",
                "a{2,}b*?",
                "[\\d\\-.]+",
                "\\s\\S\\W\\D",
                ".{10}",
                "\\u00e9t\\u00e9|summer",
                "[-+]?[0-9]*\\.?[0-9]+",
                "\\/orders\\/\\d+",
                "[]a]",
                "x|"
            })
    void shouldGenerateStringsThatMatch(String regex) {
        RegexGenerator generator = RegexGenerator.of(regex);
        Random random = new Random(7);

        for (int i = 0; i < 50; i++) {
            assertThat(generator.generate(random)).matches(regex);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"(?=a)b", "(?!a)b", "(a)\\1", "\\bword\\b", "\\p{L}+", "(?i)abc", "[a-z&&[^e]]"})
    void shouldFailClearlyOnUnsupportedSyntax(String regex) {
        assertThatThrownBy(() -> RegexGenerator.of(regex))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not supported")
                .hasMessageContaining(regex);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(", "[a-", "*a"})
    void shouldRefuseInvalidExpressions(String regex) {
        assertThatThrownBy(() -> RegexGenerator.of(regex))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid regular expression");
    }
}
