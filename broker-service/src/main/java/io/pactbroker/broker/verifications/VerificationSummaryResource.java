package io.pactbroker.broker.verifications;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Hal;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** The latest verification results of a consumer version's pacts. */
@Path("/verification-results")
public class VerificationSummaryResource {

    @Inject
    VerificationService verifications;

    @Inject
    BrokerUrls urls;

    @GET
    @Path("consumer/{consumer}/version/{version}/latest")
    public Response latestForConsumerVersion(
            @PathParam("consumer") String consumer, @PathParam("version") String version) {
        return Hal.ok(
                VerificationRepresentation.summary(verifications.latestForConsumerVersion(consumer, version), urls));
    }
}
