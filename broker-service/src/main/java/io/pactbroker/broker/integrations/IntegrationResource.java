package io.pactbroker.broker.integrations;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Dates;
import io.pactbroker.broker.common.hal.Hal;
import io.pactbroker.broker.common.hal.Link;
import io.pactbroker.broker.common.hal.Links;
import io.pactbroker.broker.common.hal.PageLinks;
import io.pactbroker.broker.common.paging.Page;
import io.pactbroker.broker.common.paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The integrations (consumer/provider pairs with pacts). */
@Path("/integrations")
public class IntegrationResource {

    @Inject
    IntegrationService integrations;

    @Inject
    BrokerUrls urls;

    @GET
    public Response list(
            @QueryParam("q") String q,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("pageNumber") String pageNumber,
            @QueryParam("pageSize") String pageSize) {
        Page<IntegrationRepository.Row> result =
                integrations.list(q, PageRequest.parse(page, size, pageNumber, pageSize));
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> pageInfo = PageLinks.page(result);
        if (pageInfo != null) {
            body.put("page", pageInfo);
        }
        body.put(
                "_embedded",
                Map.of(
                        "integrations",
                        result.items().stream().map(this::integration).toList()));
        Links links = Links.create().add("self", Link.of(urls.integrations(), "All integrations"));
        PageLinks.add(
                links,
                result,
                urls.integrations(),
                q == null ? null : "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        body.put("_links", links.build());
        return Hal.ok(body);
    }

    @DELETE
    @Path("provider/{provider}/consumer/{consumer}")
    public Response delete(@PathParam("provider") String provider, @PathParam("consumer") String consumer) {
        integrations.delete(provider, consumer);
        return Hal.noContent();
    }

    private Map<String, Object> integration(IntegrationRepository.Row row) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("consumer", Map.of("name", row.consumerName()));
        i.put("provider", Map.of("name", row.providerName()));
        i.put("createdAt", Dates.format(row.createdAt()));
        i.put(
                "_links",
                Links.create()
                        .add(
                                "pb:latest-pact",
                                Link.of(urls.latestPact(row.providerName(), row.consumerName()), "Latest pact"))
                        .add(
                                "pb:matrix",
                                Link.of(
                                        urls.matrixForIntegration(row.providerName(), row.consumerName()),
                                        "Matrix of pacts/verification results for " + row.consumerName() + " and "
                                                + row.providerName()))
                        .add(
                                "pb:delete_integration",
                                Link.of(
                                        urls.integration(row.providerName(), row.consumerName()),
                                        "Delete the integration between " + row.consumerName() + " and "
                                                + row.providerName()))
                        .build());
        return i;
    }
}
