package io.pactbroker.broker.versions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Dates;
import io.pactbroker.broker.common.hal.Hal;
import io.pactbroker.broker.common.hal.Link;
import io.pactbroker.broker.common.hal.Links;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;

/** Tags of a version. PUT creates the pacticipant and version when missing: 201 for a new tag, 200 otherwise. */
@Path("/")
public class TagResource {

    @Inject
    TagService tags;

    @Inject
    BrokerUrls urls;

    /** A tag, as the Pact Broker's tag resource shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TagRepresentation(
            String name,
            String createdAt,
            String updatedAt,
            @JsonProperty("_links") Map<String, Object> links) {

        static TagRepresentation from(TagService.Tagged t, String pacticipant, BrokerUrls urls) {
            return new TagRepresentation(
                    t.tag().name,
                    Dates.format(t.tag().createdAt),
                    Dates.updated(t.tag().createdAt, t.tag().updatedAt),
                    Links.create()
                            .add(
                                    "self",
                                    Link.of(
                                            urls.tag(pacticipant, t.version().number, t.tag().name),
                                            "Tag",
                                            t.tag().name))
                            .add(
                                    "version",
                                    Link.of(
                                            urls.version(pacticipant, t.version().number),
                                            "Version",
                                            t.version().number))
                            .add("pacticipant", Link.of(urls.pacticipant(pacticipant), "Pacticipant", pacticipant))
                            .build());
        }
    }

    @GET
    @Path("pacticipants/{pacticipant}/versions/{version}/tags/{tag}")
    public Response get(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("version") String version,
            @PathParam("tag") String tag) {
        return Hal.ok(TagRepresentation.from(tags.get(pacticipant, version, tag), pacticipant, urls));
    }

    @PUT
    @Path("pacticipants/{pacticipant}/versions/{version}/tags/{tag}")
    public Response put(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("version") String version,
            @PathParam("tag") String tag) {
        TagService.Tagged tagged = tags.tag(pacticipant, version, tag);
        Response response = Hal.saved(tagged.created(), TagRepresentation.from(tagged, pacticipant, urls));
        return tagged.created()
                ? Response.fromResponse(response)
                        .location(URI.create(urls.tag(pacticipant, version, tag)))
                        .build()
                : response;
    }

    @DELETE
    @Path("pacticipants/{pacticipant}/versions/{version}/tags/{tag}")
    public Response delete(
            @PathParam("pacticipant") String pacticipant,
            @PathParam("version") String version,
            @PathParam("tag") String tag) {
        tags.delete(pacticipant, version, tag);
        return Hal.noContent();
    }
}
