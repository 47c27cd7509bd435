package io.pactbroker.broker.common.hal;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Responses with the Pact Broker's content type, {@code application/hal+json;charset=utf-8}, whatever JSON type the
 * client accepts (the Pact Broker answers {@code application/json} requests the same way).
 */
public final class Hal {

    public static final String HAL_JSON = "application/hal+json;charset=utf-8";

    private Hal() {}

    /**
     * A JSON object whose members keep the order given ({@code Map.of} iterates in an order that changes from one run
     * to the next, so responses built from it would differ byte for byte between broker instances).
     */
    public static Map<String, Object> object(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }

    public static Response ok(Object body) {
        return status(200, body);
    }

    public static Response created(Object body) {
        return status(201, body);
    }

    public static Response status(int status, Object body) {
        return Response.status(status).type(HAL_JSON).entity(body).build();
    }

    /** 200 when the resource existed, 201 when this request created it. */
    public static Response saved(boolean created, Object body) {
        return status(created ? 201 : 200, body);
    }

    public static Response noContent() {
        return Response.noContent().build();
    }
}
