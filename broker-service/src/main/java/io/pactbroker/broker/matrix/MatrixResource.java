package io.pactbroker.broker.matrix;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.common.hal.Hal;
import io.pactbroker.broker.matrix.MatrixService.Answer;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** The matrix: {@code GET /matrix} with the Pact Broker's query grammar, and the matrix of one integration. */
@Path("/")
public class MatrixResource {

    @Inject
    MatrixService matrix;

    @Inject
    BrokerUrls urls;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("matrix")
    public Response matrix(@HeaderParam("Accept") String accept) {
        Answer answer = matrix.matrix(MatrixQuery.parse(uriInfo.getRequestUri().getRawQuery()));
        return render(answer, accept, urls);
    }

    /** Every version of the consumer with every version of the provider (options as for {@code /matrix}). */
    @GET
    @Path("matrix/provider/{provider}/consumer/{consumer}")
    public Response integration(
            @PathParam("provider") String provider,
            @PathParam("consumer") String consumer,
            @HeaderParam("Accept") String accept) {
        Answer answer = matrix.integration(
                provider, consumer, MatrixQuery.parse(uriInfo.getRequestUri().getRawQuery()));
        return render(answer, accept, urls);
    }

    /** JSON, or the plain-text table when the client prefers {@code text/plain}. */
    static Response render(Answer answer, String accept, BrokerUrls urls) {
        if (prefersText(accept)) {
            return Response.ok(MatrixText.from(answer, urls))
                    .type("text/plain;charset=utf-8")
                    .header("Vary", "Accept")
                    .build();
        }
        return Response.fromResponse(Hal.ok(MatrixRepresentation.from(answer, urls)))
                .header("Vary", "Accept")
                .build();
    }

    /** Whether {@code text/plain} ranks above every JSON type in the {@code Accept} header. */
    static boolean prefersText(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double text = -1;
        double json = -1;
        int textIndex = Integer.MAX_VALUE;
        int jsonIndex = Integer.MAX_VALUE;
        List<String> ranges = List.of(accept.split(","));
        for (int i = 0; i < ranges.size(); i++) {
            String[] parts = ranges.get(i).trim().split(";");
            String type = parts[0].trim().toLowerCase();
            double q = 1.0;
            for (int k = 1; k < parts.length; k++) {
                String p = parts[k].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (type.equals("text/plain") && q > text) {
                text = q;
                textIndex = Math.min(textIndex, i);
            } else if ((type.contains("json") || type.equals("*/*") || type.equals("application/*")) && q > json) {
                json = q;
                jsonIndex = Math.min(jsonIndex, i);
            }
        }
        return text > 0 && (text > json || (text == json && textIndex < jsonIndex));
    }
}
