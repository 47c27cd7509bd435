package io.pactbroker.broker.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryStringTest {

    @Test
    void shouldStartANewSelectorWhenAKeyRepeats() {
        QueryString q = QueryString.parse(
                "q%5B%5D%5Bpacticipant%5D=Foo&q%5B%5D%5Bversion%5D=1&q%5B%5D%5Bpacticipant%5D=Bar&q%5B%5D%5Blatest%5D=true");

        assertThat(q.objects("q"))
                .containsExactly(
                        Map.of("pacticipant", "Foo", "version", "1"), Map.of("pacticipant", "Bar", "latest", "true"));
    }

    @Test
    void shouldReadTheFlatAndIndexedForms() {
        assertThat(QueryString.parse("q[]pacticipant=Foo&q[]version=1").objects("q"))
                .containsExactly(Map.of("pacticipant", "Foo", "version", "1"));
        assertThat(QueryString.parse("q[1][pacticipant]=Bar&q[0][pacticipant]=Foo&q[0][version]=1")
                        .objects("q"))
                .containsExactly(Map.of("pacticipant", "Foo", "version", "1"), Map.of("pacticipant", "Bar"));
    }

    @Test
    void shouldMatchValuesByPositionWhenParametersComeSortedByName() {
        QueryString q = QueryString.parse("latestby=cvpv&q[][pacticipant]=Foo+Thing&q[][pacticipant]=Bar"
                + "&q[][version]=1%2e2%2e3&q[][version]=4%2e5%2e6");

        assertThat(q.objects("q"))
                .containsExactly(
                        Map.of("pacticipant", "Foo Thing", "version", "1.2.3"),
                        Map.of("pacticipant", "Bar", "version", "4.5.6"));
        assertThat(q.value("latestby")).isEqualTo("cvpv");
    }

    @Test
    void shouldReadListsAndSingleValues() {
        QueryString q = QueryString.parse("success[]=true&success[]=&ignore[]=Foo&limit=5&limit=6");

        assertThat(q.list("success")).containsExactly("true", "");
        assertThat(q.list("ignore")).containsExactly("Foo");
        assertThat(q.list("success2")).isNull();
        assertThat(q.value("limit")).isEqualTo("6");
        assertThat(QueryString.parse("success=false").list("success")).isEqualTo(List.of("false"));
    }

    @Test
    void shouldParseAMatrixQuery() {
        MatrixQuery query = MatrixQuery.parse("q[][pacticipant]=Foo&q[][version]=1&latestby=cvp&latest=true&tag=prod"
                + "&success[]=true&success[]=&ignore[][pacticipant]=Bar&limit=10");

        assertThat(query.selectors()).containsExactly(Selector.version("Foo", "1"));
        assertThat(query.ignore()).containsExactly(Selector.pacticipant("Bar"));
        assertThat(query.latestby()).isEqualTo("cvp");
        assertThat(query.latest()).isTrue();
        assertThat(query.tag()).isEqualTo("prod");
        assertThat(query.limit()).isEqualTo("10");
        assertThat(query.success()).containsExactly(true, null);
        assertThat(query.hasTarget()).isTrue();
    }
}
