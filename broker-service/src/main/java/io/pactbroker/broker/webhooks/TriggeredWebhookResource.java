package io.pactbroker.broker.webhooks;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Hal;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * The logs of a triggered webhook: text by default, as the Pact Broker serves them, or JSON (every attempt, with
 * the status) for a client that asks for JSON and not for text.
 */
@Path("/triggered-webhooks")
public class TriggeredWebhookResource {

    @Inject
    WebhookService webhooks;

    @Inject
    BrokerUrls urls;

    @GET
    @Path("{uuid}/logs")
    public Response logs(@PathParam("uuid") String uuid, @HeaderParam("Accept") String accept) {
        WebhookService.Logs logs = webhooks.logs(uuid);
        if (wantsJson(accept)) {
            return Hal.ok(TriggeredWebhookRepresentation.logs(logs, webhooks.maxAttempts(), urls));
        }
        return Response.ok(TriggeredWebhookRepresentation.text(logs))
                .type("text/plain;charset=utf-8")
                .build();
    }

    static boolean wantsJson(String accept) {
        if (accept == null) {
            return false;
        }
        String a = accept.toLowerCase(java.util.Locale.ROOT);
        return a.contains("json") && !a.contains("text/plain") && !a.contains("*/*");
    }
}
