package io.pactbroker.broker.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The network's layout: consumers left of their providers, cycles and long chains bounded. */
class NetworkLayoutTest {

    private static DashboardRepository.Edge edge(String consumer, String provider) {
        return new DashboardRepository.Edge(null, consumer, null, provider);
    }

    @Test
    void shouldPlaceEveryConsumerLeftOfItsProviders() {
        NetworkPage.Layout layout = NetworkPage.layout(
                List.of(edge("web", "bff"), edge("bff", "orders"), edge("web", "orders"), edge("mobile", "bff")));

        assertThat(layout.nodes().get("web")[0]).isEqualTo(0);
        assertThat(layout.nodes().get("mobile")[0]).isEqualTo(0);
        assertThat(layout.nodes().get("bff")[0]).isEqualTo(1);
        assertThat(layout.nodes().get("orders")[0]).isEqualTo(2);
        assertThat(layout.layers()).isEqualTo(3);
        assertThat(layout.rows()).isEqualTo(2);
    }

    @Test
    void shouldEndOnCyclesAndBoundLongChains() {
        List<DashboardRepository.Edge> edges = new ArrayList<>(List.of(edge("a", "b"), edge("b", "a"), edge("c", "c")));
        for (int i = 0; i < 30; i++) {
            edges.add(edge("n" + i, "n" + (i + 1)));
        }

        NetworkPage.Layout layout = NetworkPage.layout(edges);

        assertThat(layout.layers()).isLessThanOrEqualTo(NetworkPage.MAX_LAYERS);
        assertThat(layout.nodes()).containsKeys("a", "b", "c", "n0", "n30");
        assertThat(layout.nodes().get("c")[0]).isEqualTo(0);
    }

    @Test
    void shouldOrderALayerByItsConsumersRows() {
        NetworkPage.Layout layout = NetworkPage.layout(List.of(edge("a", "z"), edge("b", "y")));

        // a is above b, so a's provider z goes above b's provider y, although y sorts first by name
        assertThat(layout.nodes().get("z")[1]).isLessThan(layout.nodes().get("y")[1]);
    }
}
