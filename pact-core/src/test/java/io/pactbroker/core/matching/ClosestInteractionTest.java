package io.pactbroker.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactbroker.core.model.HttpInteraction;
import io.pactbroker.core.model.HttpRequest;
import io.pactbroker.core.model.HttpResponse;
import io.pactbroker.core.model.Query;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestInteractionTest {

    private static HttpInteraction interaction(String description, HttpRequest request) {
        return HttpInteraction.of(description, request, HttpResponse.of(200));
    }

    @Test
    void shouldPreferTheSameEndpointOverFewerDifferencesElsewhere() {
        HttpInteraction sameEndpoint =
                interaction("search", HttpRequest.of("GET", "/orders").withQuery(Query.of("a", "1", "b", "2")));
        HttpInteraction otherPath = interaction("other", HttpRequest.of("GET", "/customers"));

        ClosestMatch closest = Matching.closestInteraction(
                        List.of(otherPath, sameEndpoint), HttpRequest.of("GET", "/orders"))
                .orElseThrow();

        assertThat(closest.interaction().description()).isEqualTo("search");
        assertThat(closest.result().mismatches()).extracting(Mismatch::kind).containsOnly(Mismatch.Kind.QUERY);
    }

    @Test
    void shouldWeighAWrongMethodMoreThanAWrongPath() {
        HttpInteraction wrongMethod = interaction("delete order", HttpRequest.of("DELETE", "/orders/7"));
        HttpInteraction wrongPath = interaction("get order", HttpRequest.of("GET", "/orders/8"));

        ClosestMatch closest = Matching.closestInteraction(
                        List.of(wrongMethod, wrongPath), HttpRequest.of("GET", "/orders/7"))
                .orElseThrow();

        assertThat(closest.interaction().description()).isEqualTo("get order");
    }

    @Test
    void shouldBeEmptyWithoutInteractions() {
        assertThat(Matching.closestInteraction(List.of(), HttpRequest.of("GET", "/")))
                .isEmpty();
    }
}
