package io.pactbroker.broker.pacts;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Hal;
import io.pactbroker.broker.common.hal.Link;
import io.pactbroker.broker.common.hal.Links;
import io.pactbroker.broker.common.json.JsonBodies;
import io.pactbroker.broker.versions.VersionRepresentation;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /contracts/publish}, the Pact Broker's all-in-one publication endpoint. */
@Path("/contracts/publish")
public class ContractPublishResource {

    /** The legacy form of a notice, still read by older clients. */
    public record Log(String level, String message, String deprecationWarning) {}

    @Inject
    ContractPublishService publisher;

    @Inject
    BrokerUrls urls;

    @POST
    public Response publish(@HeaderParam("Content-Type") String contentType, byte[] body) {
        ContractPublishRequest request = ContractPublishRequest.parse(JsonBodies.object(contentType, body));
        return Hal.ok(representation(publisher.publish(request)));
    }

    private Map<String, Object> representation(ContractPublishService.Result result) {
        String pacticipant = result.pacticipant().name;
        String version = result.version().number;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "logs",
                result.notices().stream()
                        .map(n -> new Log(n.type(), n.text(), "Replaced by notices"))
                        .toList());
        body.put("notices", result.notices());
        Map<String, Object> embeddedPacticipant = new LinkedHashMap<>();
        embeddedPacticipant.put("name", pacticipant);
        embeddedPacticipant.put("_links", Map.of("self", Link.of(urls.pacticipant(pacticipant))));
        Map<String, Object> embedded = new LinkedHashMap<>();
        embedded.put("pacticipant", embeddedPacticipant);
        embedded.put("version", VersionRepresentation.embedded(result.version(), pacticipant, urls));
        body.put("_embedded", embedded);
        body.put(
                "_links",
                Links.create()
                        .add("pb:pacticipant", Link.of(urls.pacticipant(pacticipant), "Pacticipant", pacticipant))
                        .add(
                                "pb:pacticipant-version",
                                Link.of(urls.version(pacticipant, version), "Pacticipant version", version))
                        .add(
                                "pb:pacticipant-version-tags",
                                result.tags().stream()
                                        .map(t -> Link.of(urls.tag(pacticipant, version, t.name), "Tag", t.name))
                                        .toList())
                        .add(
                                "pb:contracts",
                                result.contracts().stream()
                                        .map(p -> Link.of(
                                                urls.pact(
                                                        p.providerName(), p.consumerName(), p.consumerVersionNumber()),
                                                "Pact",
                                                "Pact between " + p.consumerName() + " (" + p.consumerVersionNumber()
                                                        + ") and " + p.providerName()))
                                        .toList())
                        .build());
        return body;
    }
}
