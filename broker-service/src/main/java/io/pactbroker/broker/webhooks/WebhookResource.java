package io.pactbroker.broker.webhooks;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Hal;
import io.pactbroker.broker.common.json.JsonBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Webhooks at the Pact Broker's paths: the collection, the scoped lists, one webhook, and test runs. */
@Path("/webhooks")
public class WebhookResource {

    @Inject
    WebhookService webhooks;

    @Inject
    BrokerUrls urls;

    @GET
    public Response list() {
        return Hal.ok(WebhookRepresentation.list(webhooks.all(), "Webhooks", urls.webhooks(), urls));
    }

    @POST
    public Response create(@HeaderParam("Content-Type") String contentType, byte[] body) {
        return created(webhooks.create(JsonBodies.object(contentType, body), null, null));
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}")
    public Response listForConsumerAndProvider(
            @PathParam("provider") String provider, @PathParam("consumer") String consumer) {
        return scoped(
                webhooks.forConsumerAndProvider(consumer, provider),
                urls.webhooksForConsumerAndProvider(provider, consumer));
    }

    @POST
    @Path("provider/{provider}/consumer/{consumer}")
    public Response createForConsumerAndProvider(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @HeaderParam("Content-Type") String contentType,
            byte[] body) {
        return created(webhooks.create(JsonBodies.object(contentType, body), consumer, provider));
    }

    @GET
    @Path("provider/{provider}")
    public Response listForProvider(@PathParam("provider") String provider) {
        return scoped(webhooks.forConsumerAndProvider(null, provider), urls.providerWebhooks(provider));
    }

    @POST
    @Path("provider/{provider}")
    public Response createForProvider(
            @PathParam("provider") String provider, @HeaderParam("Content-Type") String contentType, byte[] body) {
        return created(webhooks.create(JsonBodies.object(contentType, body), null, provider));
    }

    @GET
    @Path("consumer/{consumer}")
    public Response listForConsumer(@PathParam("consumer") String consumer) {
        return scoped(webhooks.forConsumerAndProvider(consumer, null), urls.consumerWebhooks(consumer));
    }

    @POST
    @Path("consumer/{consumer}")
    public Response createForConsumer(
            @PathParam("consumer") String consumer, @HeaderParam("Content-Type") String contentType, byte[] body) {
        return created(webhooks.create(JsonBodies.object(contentType, body), consumer, null));
    }

    @POST
    @Path("execute")
    public Response executeUnsaved(@HeaderParam("Content-Type") String contentType, byte[] body) {
        WebhookService.TestRun run = webhooks.executeUnsaved(JsonBodies.object(contentType, body), urls);
        return Hal.ok(TriggeredWebhookRepresentation.testRun(run, urls.unsavedWebhookExecution(), urls));
    }

    @GET
    @Path("{uuid}")
    public Response get(@PathParam("uuid") String uuid) {
        return Hal.ok(WebhookRepresentation.from(webhooks.get(uuid), urls));
    }

    @PUT
    @Path("{uuid}")
    public Response put(@PathParam("uuid") String uuid, @HeaderParam("Content-Type") String contentType, byte[] body) {
        WebhookService.Saved saved = webhooks.put(uuid, JsonBodies.object(contentType, body));
        return Hal.saved(saved.created(), WebhookRepresentation.from(saved.webhook(), urls));
    }

    @DELETE
    @Path("{uuid}")
    public Response delete(@PathParam("uuid") String uuid) {
        webhooks.delete(uuid);
        return Hal.noContent();
    }

    @POST
    @Path("{uuid}/execute")
    public Response execute(@PathParam("uuid") String uuid) {
        WebhookService.TestRun run = webhooks.execute(uuid, urls);
        return Hal.ok(TriggeredWebhookRepresentation.testRun(run, urls.webhookExecution(uuid), urls));
    }

    private Response created(Webhook webhook) {
        return Response.fromResponse(Hal.created(WebhookRepresentation.from(webhook, urls)))
                .location(URI.create(urls.webhook(webhook.uuid())))
                .build();
    }

    private Response scoped(List<Webhook> list, String selfUrl) {
        return Hal.ok(WebhookRepresentation.list(list, "Webhooks", selfUrl, urls));
    }
}
