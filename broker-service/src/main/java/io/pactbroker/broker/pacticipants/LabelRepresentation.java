package io.pactbroker.broker.pacticipants;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Dates;
import io.pactbroker.broker.common.hal.Link;
import io.pactbroker.broker.common.hal.Links;
import java.util.LinkedHashMap;
import java.util.Map;

/** A label of a pacticipant. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LabelRepresentation(
        String name,
        String createdAt,
        String updatedAt,
        @JsonProperty("_links") Map<String, Object> links) {

    public static LabelRepresentation from(Label label, String pacticipant, BrokerUrls urls) {
        return new LabelRepresentation(
                label.name,
                Dates.format(label.createdAt),
                Dates.updated(label.createdAt, label.updatedAt),
                Links.create()
                        .add("self", Link.of(urls.label(pacticipant, label.name), "Label", label.name))
                        .add("pacticipant", Link.of(urls.pacticipant(pacticipant), "Pacticipant", pacticipant))
                        .build());
    }

    static Map<String, Object> embedded(Label label, String pacticipant, BrokerUrls urls) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", label.name);
        e.put("_links", Map.of("self", Link.of(urls.label(pacticipant, label.name), "Label", label.name)));
        return e;
    }
}
