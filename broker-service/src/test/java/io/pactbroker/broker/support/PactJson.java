package io.pactbroker.broker.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Builds pact documents for tests: {@code PactJson.between("Foo", "Bar").interaction("get order").json()}. */
public final class PactJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ObjectNode pact = MAPPER.createObjectNode();
    private final ArrayNode interactions;

    private PactJson(String consumer, String provider) {
        pact.putObject("consumer").put("name", consumer);
        pact.putObject("provider").put("name", provider);
        interactions = pact.putArray("interactions");
        pact.putObject("metadata").putObject("pactSpecification").put("version", "2.0.0");
    }

    public static PactJson between(String consumer, String provider) {
        return new PactJson(consumer, provider);
    }

    /** Adds a GET interaction whose path is derived from the description. */
    public PactJson interaction(String description) {
        return interaction(description, "/" + description.replace(' ', '-'));
    }

    public PactJson interaction(String description, String path) {
        ObjectNode i = interactions.addObject();
        i.put("description", description);
        i.put("providerState", "a state");
        i.putObject("request").put("method", "GET").put("path", path);
        i.putObject("response").put("status", 200);
        return this;
    }

    public ObjectNode node() {
        return pact.deepCopy();
    }

    public String json() {
        return pact.toString();
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(json().getBytes(StandardCharsets.UTF_8));
    }
}
