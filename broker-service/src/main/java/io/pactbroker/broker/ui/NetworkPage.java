package io.pactbroker.broker.ui;

import io.pactbroker.broker.common.hal.BrokerUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The network of integrations as an SVG drawn here: consumers to the left of their providers (layers by longest
 * path, bounded so cycles end), each layer ordered by the positions of its consumers to keep lines short, names
 * linking to the pacticipant pages. Filterable by name, or to one pacticipant's neighbourhood.
 */
@ApplicationScoped
public class NetworkPage {

    static final int COLUMN = 250;
    static final int ROW = 26;
    static final int MAX_LAYERS = 12;

    @Inject
    DashboardRepository dashboard;

    @Inject
    BrokerUrls brokerUrls;

    @Transactional
    public String render(String q, String focus) {
        UiUrls urls = new UiUrls(brokerUrls);
        List<DashboardRepository.Edge> edges = dashboard.edges(q);
        if (focus != null && !focus.isBlank()) {
            Set<String> near = new HashSet<>(Set.of(focus));
            edges.forEach(e -> {
                if (e.consumerName().equals(focus)) {
                    near.add(e.providerName());
                }
                if (e.providerName().equals(focus)) {
                    near.add(e.consumerName());
                }
            });
            edges = edges.stream()
                    .filter(e -> near.contains(e.consumerName()) && near.contains(e.providerName()))
                    .toList();
        }
        Html h = new Html();
        h.open("form", "class", "filters", "method", "get", "action", urls.network(), "role", "search")
                .raw("<div class=\"field\">")
                .el("label", "Names containing", "for", "q")
                .open("input", "type", "search", "id", "q", "name", "q", "value", q)
                .raw("</div><div class=\"field\">")
                .el("label", "Neighbourhood of", "for", "focus")
                .open("input", "id", "focus", "name", "focus", "value", focus, "placeholder", "pacticipant name")
                .raw("</div><button type=\"submit\">Show</button></form>");
        Layout layout = layout(edges);
        h.open("p", "class", "count", "role", "status")
                .text(layout.nodes().size() + " pacticipants, " + edges.size() + " integrations")
                .close("p");
        if (!edges.isEmpty()) {
            svg(h, urls, layout, edges);
            h.raw("<details><summary>The integrations as a list</summary><ul>");
            for (DashboardRepository.Edge e : edges) {
                h.raw("<li>")
                        .link(urls.pacticipant(e.consumerName()), e.consumerName())
                        .text(" → ")
                        .link(urls.pacticipant(e.providerName()), e.providerName())
                        .raw("</li>");
            }
            h.raw("</ul></details>");
        }
        return UiPage.render(urls, "Network", "network", brokerUrls.integrations(), h.toString());
    }

    /** Where each pacticipant goes: its layer (column) and its row in the layer. */
    record Layout(Map<String, int[]> nodes, int layers, int rows) {}

    static Layout layout(List<DashboardRepository.Edge> edges) {
        Set<String> names = new LinkedHashSet<>();
        edges.forEach(e -> {
            names.add(e.consumerName());
            names.add(e.providerName());
        });
        Map<String, Integer> layer = new HashMap<>();
        names.forEach(n -> layer.put(n, 0));
        for (int round = 0; round < MAX_LAYERS; round++) {
            boolean changed = false;
            for (DashboardRepository.Edge e : edges) {
                int wanted = Math.min(MAX_LAYERS - 1, layer.get(e.consumerName()) + 1);
                if (!e.consumerName().equals(e.providerName()) && layer.get(e.providerName()) < wanted) {
                    layer.put(e.providerName(), wanted);
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        int layers = layer.values().stream().mapToInt(i -> i).max().orElse(0) + 1;
        List<List<String>> columns = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            columns.add(new ArrayList<>());
        }
        names.stream().sorted(String.CASE_INSENSITIVE_ORDER).forEach(n -> columns.get(layer.get(n))
                .add(n));
        Map<String, List<String>> consumersOf = new HashMap<>();
        edges.forEach(e -> consumersOf
                .computeIfAbsent(e.providerName(), k -> new ArrayList<>())
                .add(e.consumerName()));
        Map<String, Integer> row = new HashMap<>();
        for (List<String> column : columns) {
            for (int i = 0; i < column.size(); i++) {
                row.put(column.get(i), i);
            }
        }
        // order each layer by the mean row of its consumers (one sweep left to right), so lines cross less
        for (int c = 1; c < layers; c++) {
            List<String> column = columns.get(c);
            Map<String, Double> weight = new HashMap<>();
            for (String n : column) {
                List<String> from = consumersOf.getOrDefault(n, List.of());
                weight.put(
                        n,
                        from.isEmpty()
                                ? row.get(n)
                                : from.stream().mapToInt(row::get).average().orElse(0));
            }
            column.sort(Comparator.comparingDouble(weight::get));
            for (int i = 0; i < column.size(); i++) {
                row.put(column.get(i), i);
            }
        }
        Map<String, int[]> nodes = new HashMap<>();
        names.forEach(n -> nodes.put(n, new int[] {layer.get(n), row.get(n)}));
        int rows = columns.stream().mapToInt(List::size).max().orElse(0);
        return new Layout(nodes, layers, rows);
    }

    private static void svg(Html h, UiUrls urls, Layout layout, List<DashboardRepository.Edge> edges) {
        int width = layout.layers() * COLUMN + 40;
        int height = layout.rows() * ROW + 40;
        h.raw("<div class=\"network-wrap\">")
                .open(
                        "svg",
                        "xmlns",
                        "http://www.w3.org/2000/svg",
                        "class",
                        "network",
                        "width",
                        String.valueOf(width),
                        "height",
                        String.valueOf(height),
                        "viewBox",
                        "0 0 " + width + " " + height,
                        "role",
                        "group",
                        "aria-label",
                        "Network of integrations: consumers on the left, their providers to the right");
        h.raw(
                        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\"")
                .raw(
                        " orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\"/></marker></defs><g class=\"edges\">");
        for (DashboardRepository.Edge e : edges) {
            int[] from = layout.nodes().get(e.consumerName());
            int[] to = layout.nodes().get(e.providerName());
            double x1 = x(from) + 190;
            double y1 = y(from);
            double x2 = x(to);
            double y2 = y(to);
            double bend = Math.max(40, Math.abs(x2 - x1) / 2);
            h.open(
                            "path",
                            "d",
                            String.format(
                                    Locale.ROOT,
                                    "M %.0f %.0f C %.0f %.0f, %.0f %.0f, %.0f %.0f",
                                    x1,
                                    y1,
                                    x1 + bend,
                                    y1,
                                    x2 - bend,
                                    y2,
                                    x2 - 2,
                                    y2),
                            "data-from",
                            e.consumerName(),
                            "data-to",
                            e.providerName(),
                            "marker-end",
                            "url(#arrow)")
                    .close("path");
        }
        h.raw("</g><g class=\"nodes\">");
        layout.nodes().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(n -> {
            int[] p = n.getValue();
            String name = n.getKey();
            String label = name.length() > 26 ? name.substring(0, 25) + "…" : name;
            h.open("a", "href", urls.pacticipant(name), "class", "node", "data-name", name)
                    .el("title", name)
                    .open(
                            "rect",
                            "x",
                            String.valueOf(x(p)),
                            "y",
                            String.valueOf(y(p) - 10),
                            "width",
                            "190",
                            "height",
                            "20",
                            "rx",
                            "4")
                    .close("rect")
                    .el("text", label, "x", String.valueOf(x(p) + 6), "y", String.valueOf(y(p) + 4))
                    .close("a");
        });
        h.raw("</g></svg></div>");
    }

    private static int x(int[] p) {
        return 20 + p[0] * COLUMN;
    }

    private static int y(int[] p) {
        return 30 + p[1] * ROW;
    }
}
