package io.pactbroker.broker.pacticipants;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Link;
import io.pactbroker.broker.common.hal.Links;
import io.pactbroker.broker.common.hal.PageLinks;
import io.pactbroker.broker.common.paging.Page;
import io.pactbroker.broker.versions.Version;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pacticipants collection, as the Pact Broker shows it: embedded pacticipants, and (for older clients) the same
 * list as a top-level {@code pacticipants} array and {@code pacticipants} links.
 */
public final class PacticipantsRepresentation {

    private PacticipantsRepresentation() {}

    public static Map<String, Object> from(
            Page<Pacticipant> page,
            Map<Long, Version> latestVersions,
            Map<Long, List<Label>> labels,
            String resourceUrl,
            String extraQuery,
            BrokerUrls urls) {
        List<Pacticipant> items = page.items();
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> pageInfo = PageLinks.page(page);
        if (pageInfo != null) {
            body.put("page", pageInfo);
        }
        body.put(
                "_embedded",
                Map.of(
                        "pacticipants",
                        items.stream()
                                .map(p -> PacticipantRepresentation.from(
                                        p, latestVersions.get(p.id), labels.getOrDefault(p.id, List.of()), urls))
                                .toList()));
        body.put(
                "pacticipants",
                items.stream()
                        .map(p -> PacticipantRepresentation.from(
                                p,
                                latestVersions.get(p.id),
                                labels.getOrDefault(p.id, List.of()),
                                "DEPRECATED - Please use the embedded pacticipants collection",
                                urls))
                        .toList());
        Links links = Links.create()
                .add("self", Link.of(urls.pacticipants()))
                .add(
                        "pb:pacticipants-with-label",
                        Link.templated(urls.pacticipants() + "/label/{label}", "Find pacticipants by label"))
                .add(
                        "pb:pacticipants",
                        items.stream()
                                .map(p -> Link.of(urls.pacticipant(p.name), "Pacticipant", p.name))
                                .toList())
                .add(
                        "pacticipants",
                        items.stream()
                                .map(p -> Link.of(
                                        urls.pacticipant(p.name), p.name, "DEPRECATED - please use pb:pacticipants"))
                                .toList());
        PageLinks.add(links, page, resourceUrl, extraQuery);
        body.put("_links", links.build());
        return body;
    }
}
