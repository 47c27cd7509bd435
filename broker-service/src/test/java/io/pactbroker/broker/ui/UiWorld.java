package io.pactbroker.broker.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.broker.pacts.PactMetadata;
import io.pactbroker.broker.pacts.PactService;
import io.pactbroker.broker.support.World;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The broker the UI tests look at: one integration in each verification status, pacts of every interaction type,
 * branches, tags, deployments and releases.
 *
 * <ul>
 *   <li>Web → Orders: V3 HTTP pact; Web 1 (main, prod) verified by Orders 10, Web 2 (one more interaction) failed
 *       by Orders 11 with test results: <b>failed</b>
 *   <li>Billing → Orders: Billing 1 verified, Billing 2 changed content not verified yet: <b>stale</b>
 *   <li>Admin → Orders: V2 pact with flat matching rules, failed while pending: <b>pending-failed</b>
 *   <li>Mobile → Orders: V4 pact (HTTP, asynchronous and synchronous messages), verified: <b>verified</b>
 *   <li>Worker → Events: V3 message pact, never verified: <b>never</b>
 * </ul>
 */
@ApplicationScoped
public class UiWorld {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    World world;

    @Inject
    PactService pacts;

    void seed() {
        world.environment("production", null, true);
        world.environment("test");
        world.consumer("Web").withMainBranch("main");
        world.provider("Orders").withMainBranch("main");

        ObjectNode web = resource("web-orders-v3.json");
        world.consumer("Web").version("1").onBranch("main").tagged("prod");
        publish("Web", "Orders", "1", web);
        world.provider("Orders").version("10").onBranch("main").verifies("Web", "1");
        world.consumer("Web").version("1").deployedTo("production");
        world.provider("Orders").version("10").deployedTo("production").deployedTo("test");

        ObjectNode web2 = web.deepCopy();
        ObjectNode create = ((ArrayNode) web2.get("interactions")).addObject();
        create.put("description", "create order");
        create.putObject("request").put("method", "POST").put("path", "/orders");
        create.putObject("response").put("status", 201);
        world.consumer("Web").version("2").onBranch("main");
        publish("Web", "Orders", "2", web2);
        world.verifiedWithResults(
                "Web",
                "2",
                "Orders",
                "11",
                false,
                "[{\"interactionDescription\": \"get order 7\", \"interactionProviderState\": \"order 7 exists\","
                        + " \"success\": false, \"mismatches\": [{\"attribute\": \"body\", \"identifier\":"
                        + " \"$.lines[0].sku\", \"description\": \"Expected 'a1' to match '[A-Z]\\\\d'\","
                        + " \"expected\": \"[A-Z]\\\\d\", \"actual\": \"a1\"}]},"
                        + " {\"interactionDescription\": \"create order\", \"success\": true}]");
        world.provider("Orders").version("11").onBranch("feat-x");

        world.consumer("Billing").version("1").publishesPactWith("Orders");
        world.provider("Orders").version("10").verifies("Billing", "1");
        world.consumer("Billing").version("2").publishesPactWith("Orders");
        world.consumer("Billing").version("2").releasedTo("production");

        world.consumer("Admin").version("1");
        publish("Admin", "Orders", "1", resource("admin-orders-v2.json"));
        world.provider("Orders").version("10").verifies("Admin", "1", false, PactMetadata.encode(Map.of("p", "true")));

        world.consumer("Mobile").version("5");
        publish("Mobile", "Orders", "5", resource("mobile-orders-v4.json"));
        world.provider("Orders").version("10").verifies("Mobile", "5");

        world.consumer("Worker").version("3");
        publish("Worker", "Events", "3", resource("worker-events-messages.json"));
    }

    void publish(String consumer, String provider, String version, ObjectNode pact) {
        pacts.publish(consumer, provider, version, pact, PactService.Mode.OVERWRITE);
    }

    static ObjectNode resource(String name) {
        try (InputStream in = UiWorld.class.getResourceAsStream("/ui/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
