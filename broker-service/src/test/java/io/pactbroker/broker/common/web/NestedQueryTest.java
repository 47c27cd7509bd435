package io.pactbroker.broker.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NestedQueryTest {

    @Test
    void shouldReadListsOfMapsAsRackDoes() {
        Map<String, Object> query = NestedQuery.parse("consumer_version_selectors[][tag]=prod"
                + "&consumer_version_selectors[][latest]=true&consumer_version_selectors[][tag]=dev"
                + "&provider_version_tags[]=main&provider_version_tags[]=feat%2Fx&include_pending_status=true");

        assertThat(query.get("consumer_version_selectors"))
                .isEqualTo(List.of(Map.of("tag", "prod", "latest", "true"), Map.of("tag", "dev")));
        assertThat(query.get("provider_version_tags")).isEqualTo(List.of("main", "feat/x"));
        assertThat(query.get("include_pending_status")).isEqualTo("true");
    }

    @Test
    void shouldReadNestedMaps() {
        assertThat(NestedQuery.parse("q[name]=a+b&q[x][y]=1"))
                .isEqualTo(Map.of("q", Map.of("name", "a b", "x", Map.of("y", "1"))));
    }

    @Test
    void shouldWriteWhatItReads() {
        Map<String, Object> selector = new LinkedHashMap<>();
        selector.put("b", "feat/x y");
        selector.put("l", true);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("s", List.of(selector, Map.of("b", "main")));
        params.put("p", false);

        String query = NestedQuery.build(params);

        assertThat(query).isEqualTo("s%5B%5D%5Bb%5D=feat%2Fx+y&s%5B%5D%5Bl%5D=true&s%5B%5D%5Bb%5D=main&p=false");
        assertThat(NestedQuery.parse(query))
                .isEqualTo(
                        Map.of("s", List.of(Map.of("b", "feat/x y", "l", "true"), Map.of("b", "main")), "p", "false"));
    }

    @Test
    void shouldStartANewMapInAListOnlyWhenAKeyRepeatsAsRackDoes() {
        assertThat(NestedQuery.parse("s[][b]=main&s[][t]=prod&s[][b]=x"))
                .isEqualTo(Map.of("s", List.of(Map.of("b", "main", "t", "prod"), Map.of("b", "x"))));
    }

    @Test
    void shouldReadListsOfMapsWrittenWithoutBracketsAroundTheKeyAsRackDoes() {
        assertThat(NestedQuery.parse("q[]pacticipant=Foo&q[]version=1&q[]pacticipant=Bar"))
                .isEqualTo(Map.of(
                        "q", List.of(Map.of("pacticipant", "Foo", "version", "1"), Map.of("pacticipant", "Bar"))));
    }

    @Test
    void shouldGiveThePairsInTheirOrderAndRefuseWhatItCannotDecode() {
        assertThat(NestedQuery.pairs("q[][pacticipant]=Foo&q[][version]=1+2&flag"))
                .containsExactly(
                        Map.entry("q[][pacticipant]", "Foo"),
                        Map.entry("q[][version]", "1 2"),
                        new java.util.AbstractMap.SimpleEntry<String, String>("flag", null));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NestedQuery.pairs("a=%zz"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSkipWhatItCannotDecode() {
        assertThat(NestedQuery.parse("a=%zz&b=1")).isEqualTo(Map.of("b", "1"));
        assertThat(NestedQuery.parse(null)).isEmpty();
    }
}
