package io.pactbroker.broker.diagnostic;

import io.agroal.api.AgroalDataSource;
import io.pactbroker.broker.common.hal.Hal;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** Health endpoints of the Pact Broker: a heartbeat that never touches the database, and a database check. */
@Path("/diagnostic/status")
@Produces("application/hal+json")
public class DiagnosticResource {

    @Inject
    AgroalDataSource dataSource;

    @GET
    @Path("/heartbeat")
    public Map<String, Object> heartbeat() {
        return Hal.object("ok", true, "_links", Map.of("self", Map.of("href", "/diagnostic/status/heartbeat")));
    }

    @GET
    @Path("/dependencies")
    public Response dependencies() {
        boolean ok;
        try (Connection connection = dataSource.getConnection()) {
            ok = connection.isValid(2);
        } catch (SQLException e) {
            ok = false;
        }
        Map<String, Object> body = Hal.object("ok", ok, "dependencies", Map.of("database", Map.of("ok", ok)));
        return Response.status(ok ? 200 : 500).entity(body).build();
    }
}
