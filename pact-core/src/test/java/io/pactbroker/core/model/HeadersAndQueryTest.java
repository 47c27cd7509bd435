package io.pactbroker.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadersAndQueryTest {

    @Test
    void shouldLookHeadersUpIgnoringTheCaseOfTheName() {
        Headers headers = Headers.of("Content-Type", "application/json");

        assertThat(headers.first("content-type")).contains("application/json");
        assertThat(headers.get("CONTENT-TYPE")).containsExactly("application/json");
        assertThat(headers.contains("Content-type")).isTrue();
        assertThat(headers.first("Accept")).isEmpty();
    }

    @Test
    void shouldSplitOnlyListValuedHeadersAtCommas() {
        Headers headers = Headers.of(
                "Accept", "text/html, application/json;q=0.9",
                "Date", "Sun, 12 Mar 2023 01:21:35 GMT",
                "X-Json", "{\"a\":1,\"b\":2}");

        assertThat(headers.get("Accept")).containsExactly("text/html", "application/json;q=0.9");
        assertThat(headers.get("Date")).containsExactly("Sun, 12 Mar 2023 01:21:35 GMT");
        assertThat(headers.get("X-Json")).containsExactly("{\"a\":1,\"b\":2}");
    }

    @Test
    void shouldKeepHeaderValuesFromAMultiMapAsGiven() {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        raw.put("X-Id", List.of("1", "2"));
        raw.put("x-id", List.of("3"));

        Headers headers = Headers.of(raw);

        assertThat(headers.names()).containsExactly("X-Id");
        assertThat(headers.get("x-ID")).containsExactly("1", "2", "3");
    }

    @Test
    void shouldReplaceAHeaderWhateverTheCaseOfItsName() {
        Headers headers = Headers.of("Content-Type", "text/plain").with("content-type", "application/json");

        assertThat(headers.asMap()).containsExactly(Map.entry("Content-Type", List.of("application/json")));
        assertThat(headers.without("CONTENT-TYPE").isEmpty()).isTrue();
    }

    @Test
    void shouldBeEqualIgnoringTheCaseOfNames() {
        assertThat(Headers.of("A", "1")).isEqualTo(Headers.of("a", "1"));
    }

    @Test
    void shouldDecodeQueryParametersAndKeepTheirOrder() {
        Query query =
                Query.parse("animal=alligator&animal=hippo&name=Mary%20Jane&flag&x=a+b&e=delete.topic.enable%3Dtrue");

        assertThat(query.names()).containsExactly("animal", "name", "flag", "x", "e");
        assertThat(query.get("animal")).containsExactly("alligator", "hippo");
        assertThat(query.first("name")).contains("Mary Jane");
        assertThat(query.first("flag")).contains("");
        assertThat(query.first("x")).contains("a b");
        assertThat(query.first("e")).contains("delete.topic.enable=true");
        assertThat(query.raw()).isPresent();
    }

    @Test
    void shouldIgnoreEmptySegmentsButKeepThemForStringComparison() {
        assertThat(Query.parse("a=1&&b=2&")).isEqualTo(Query.of("a", "1", "b", "2"));
        assertThat(Query.segments("a=1&b=2&")).hasSize(3);
    }

    @Test
    void shouldEncodeAsAQueryString() {
        Query query = Query.of("q", "a b&c", "ü", "ö");

        assertThat(query.toQueryString()).isEqualTo("q=a+b%26c&%C3%BC=%C3%B6");
        assertThat(Query.parse(query.toQueryString())).isEqualTo(query);
    }

    @Test
    void shouldKeepAStrayPercentSignAsItCame() {
        assertThat(Query.parse("discount=50%").first("discount")).contains("50%");
    }
}
