package io.pactbroker.broker.webhooks;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Hal;
import io.pactbroker.broker.common.json.JsonBodies;
import io.pactbroker.broker.pacts.PactRow;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The webhooks of a pact: its webhooks, their status, and what its publication and verifications triggered. */
// Under /pacts like PactResource: JAX-RS picks one root resource class per request, so every /pacts path lives
// under the same root path.
@Path("/pacts")
public class PactWebhookResource {

    @Inject
    WebhookService webhooks;

    @Inject
    BrokerUrls urls;

    @GET
    @Path("provider/{provider}/consumer/{consumer}/webhooks")
    public Response list(@PathParam("provider") String provider, @PathParam("consumer") String consumer) {
        return Hal.ok(WebhookRepresentation.list(
                webhooks.forConsumerAndProvider(consumer, provider),
                "Pact webhooks",
                urls.pactWebhooks(provider, consumer),
                urls));
    }

    @POST
    @Path("provider/{provider}/consumer/{consumer}/webhooks")
    public Response create(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @HeaderParam("Content-Type") String contentType,
            byte[] body) {
        Webhook webhook = webhooks.create(JsonBodies.object(contentType, body), consumer, provider);
        return Response.fromResponse(Hal.created(WebhookRepresentation.from(webhook, urls)))
                .location(URI.create(urls.webhook(webhook.uuid())))
                .build();
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/webhooks/status")
    public Response status(@PathParam("provider") String provider, @PathParam("consumer") String consumer) {
        return Hal.ok(TriggeredWebhookRepresentation.status(
                webhooks.status(provider, consumer), webhooks.maxAttempts(), urls));
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/version/{version}/triggered-webhooks")
    public Response triggeredByPact(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("version") String version) {
        WebhookService.Triggered triggered = webhooks.triggeredByPact(provider, consumer, version);
        PactRow pact = triggered.pact();
        String name = pact.name();
        return Hal.ok(TriggeredWebhookRepresentation.list(
                triggered.triggered(),
                webhooks.maxAttempts(),
                "Webhooks triggered by the publication of the " + Character.toLowerCase(name.charAt(0))
                        + name.substring(1),
                urls.pactTriggeredWebhooks(provider, consumer, version),
                urls));
    }

    @GET
    @Path("provider/{provider}/consumer/{consumer}/pact-version/{sha}/verification-results/{number}/triggered-webhooks")
    public Response triggeredByVerification(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @PathParam("sha") String sha,
            @PathParam("number") String number) {
        WebhookService.Triggered triggered = webhooks.triggeredByVerification(provider, consumer, sha, number);
        return Hal.ok(TriggeredWebhookRepresentation.list(
                triggered.triggered(),
                webhooks.maxAttempts(),
                "Webhooks triggered by the publication of verification result " + triggered.verificationNumber(),
                urls.verificationTriggeredWebhooks(provider, consumer, sha, triggered.verificationNumber()),
                urls));
    }
}
