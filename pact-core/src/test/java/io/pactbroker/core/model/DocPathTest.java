package io.pactbroker.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocPathTest {

    @Test
    void shouldParseDotsBracketsIndexesAndWildcards() {
        DocPath path = DocPath.parse("$.lines[*].sku['x-y'][2].*");

        assertThat(path.tokens())
                .containsExactly(
                        new DocPath.Root(),
                        new DocPath.Field("lines"),
                        new DocPath.StarIndex(),
                        new DocPath.Field("sku"),
                        new DocPath.Field("x-y"),
                        new DocPath.Index(2),
                        new DocPath.Star());
    }

    @Test
    void shouldAcceptXmlStepsAndNamesWithoutTheRoot() {
        assertThat(DocPath.parse("$.alligator.#text").tokens()).endsWith(new DocPath.Field("#text"));
        assertThat(DocPath.parse("$.a['@name']").tokens()).endsWith(new DocPath.Field("@name"));
        assertThat(DocPath.parse("Content-Type").tokens())
                .containsExactly(new DocPath.Root(), new DocPath.Field("Content-Type"));
        assertThat(DocPath.parse("").isEmpty()).isTrue();
    }

    @Test
    void shouldRenderNamesThatAreNotIdentifiersInQuotes() {
        DocPath path = DocPath.of(List.of(new DocPath.Root(), new DocPath.Field("ключ"), new DocPath.Field("it's")));

        assertThat(path.expression()).isEqualTo("$['ключ']['it\\'s']");
        assertThat(DocPath.parse(path.expression())).isEqualTo(path);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "$.a[                 | unterminated brackets",
                "$.a[]                | empty brackets",
                "$.a[x]               | an index must be a number",
                "$.                   | expected a field name",
                "$a                   | expected \".\" or \"[\"",
                "#a                   | does not start with the root marker",
                "$['a                 | unterminated string"
            })
    void shouldSayWhatIsWrongWithAnInvalidPathAndWhere(String expression, String problem) {
        assertThatThrownBy(() -> DocPath.parse(expression))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem)
                .hasMessageContaining("at index");
    }
}
