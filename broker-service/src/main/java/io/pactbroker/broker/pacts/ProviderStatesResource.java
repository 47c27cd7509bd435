package io.pactbroker.broker.pacts;

import io.pactbroker.broker.common.hal.Hal;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /pacts/provider/{provider}/provider-states}: the provider states the consumers' pacts use. */
@Path("/pacts")
public class ProviderStatesResource {

    @Inject
    ProviderStateService states;

    @GET
    @Path("provider/{provider}/provider-states")
    public Response forMainBranches(@PathParam("provider") String provider) {
        return respond(states.list(provider, null, null));
    }

    @GET
    @Path("provider/{provider}/provider-states/branch/{branch}")
    public Response forBranch(@PathParam("provider") String provider, @PathParam("branch") String branch) {
        return respond(states.list(provider, branch, null));
    }

    @GET
    @Path("provider/{provider}/provider-states/environment/{uuid}")
    public Response forEnvironment(@PathParam("provider") String provider, @PathParam("uuid") String uuid) {
        return respond(states.list(provider, null, uuid));
    }

    private static Response respond(List<ProviderStateService.ProviderState> list) {
        return Hal.ok(Map.of(
                "providerStates",
                list.stream()
                        .map(s -> {
                            Map<String, Object> state = new LinkedHashMap<>();
                            state.put("name", s.name());
                            if (!s.params().isMissingNode()) {
                                state.put("params", s.params());
                            }
                            state.put("consumers", s.consumers());
                            return state;
                        })
                        .toList()));
    }
}
