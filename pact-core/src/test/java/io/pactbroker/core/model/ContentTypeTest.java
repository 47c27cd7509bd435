package io.pactbroker.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentTypeTest {

    @Test
    void shouldKeepTheSuffixApartFromTheSubtype() {
        ContentType type = ContentType.of("application/vnd.api+json; charset=UTF-8");

        assertThat(type.type()).isEqualTo("application");
        assertThat(type.subtype()).isEqualTo("vnd.api");
        assertThat(type.suffix()).contains("json");
        assertThat(type.parameters()).containsEntry("charset", "UTF-8");
        assertThat(type.baseType()).isEqualTo(ContentType.JSON);
        assertThat(type.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource({
        "application/json, true, false, true",
        "application/hal+json, true, false, true",
        "application/json-rpc, true, false, true",
        "text/xml, false, true, true",
        "application/atom+xml, false, true, true",
        "text/plain, false, false, true",
        "application/x-www-form-urlencoded, false, false, true",
        "image/png, false, false, false",
        "application/pdf, false, false, false"
    })
    void shouldClassifyMediaTypes(String text, boolean json, boolean xml, boolean isText) {
        ContentType type = ContentType.of(text);

        assertThat(type.isJson()).isEqualTo(json);
        assertThat(type.isXml()).isEqualTo(xml);
        assertThat(type.isText()).isEqualTo(isText);
        assertThat(type.isBinary()).isEqualTo(!isText);
    }

    @Test
    void shouldTreatAnExpectedTypeWithoutParametersAsSatisfiedByAnyParameters() {
        ContentType expected = ContentType.of("application/json");

        assertThat(expected.isEquivalentTo(ContentType.of("application/json;charset=utf-8")))
                .isTrue();
        assertThat(expected.isEquivalentTo(ContentType.of("text/json"))).isFalse();
    }

    @Test
    void shouldCompareCharsetsIgnoringCaseWhenTheExpectedTypeHasParameters() {
        ContentType expected = ContentType.of("application/json; charset=UTF-8");

        assertThat(expected.isEquivalentTo(ContentType.of("application/json;charset=utf-8")))
                .isTrue();
        assertThat(expected.isEquivalentTo(ContentType.of("application/json;charset=UTF-16")))
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource({"''", "json", "application/", "/json", "a/b/c"})
    void shouldRejectTextThatIsNoMediaType(String text) {
        assertThat(ContentType.parse(text)).isEmpty();
    }

    @Test
    void shouldRenderAsAHeaderValue() {
        assertThat(ContentType.of("Application/HAL+JSON; Charset=UTF-8"))
                .hasToString("application/hal+json;charset=UTF-8");
    }
}
