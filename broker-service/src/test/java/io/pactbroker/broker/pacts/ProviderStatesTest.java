package io.pactbroker.broker.pacts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.broker.support.ApiTest;
import io.pactbroker.broker.support.PactJson;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The provider states of the latest pacts from the consumers' main branches (or a branch, or an environment). */
@QuarkusTest
class ProviderStatesTest extends ApiTest {

    /** A V3 pact whose interactions have the given states, with params for the "with params" ones. */
    private static String v3Pact(String consumer, String... states) {
        ObjectNode pact = PactJson.between(consumer, "Bar").node();
        pact.with("metadata").with("pactSpecification").put("version", "3.0.0");
        var interactions = pact.putArray("interactions");
        int i = 0;
        for (String state : states) {
            ObjectNode interaction = interactions.addObject();
            interaction.put("description", "interaction " + i++);
            ObjectNode s = interaction.putArray("providerStates").addObject().put("name", state);
            if (state.contains("with params")) {
                s.putObject("params").put("id", 7);
            }
            interaction.putObject("request").put("method", "GET").put("path", "/" + i);
            interaction.putObject("response").put("status", 200);
        }
        return pact.toString();
    }

    private void publish(String consumer, String version, String branch, String pact) {
        json(pact)
                .put("/pacts/provider/Bar/consumer/" + consumer + "/version/" + version)
                .then()
                .statusCode(201);
        given().put("/pacticipants/" + consumer + "/branches/" + branch + "/versions/" + version);
    }

    @Test
    void shouldListTheStatesOfTheMainBranchPactsOnceWithTheirConsumers() {
        world.consumer("Foo").withMainBranch("main");
        world.consumer("Waffle").withMainBranch("main");
        world.consumer("Foo").version("1").onBranch("main").publishesPactWith("Bar", p -> p.interaction("get a"));
        world.consumer("Foo").version("2").onBranch("not-main").publishesPactWith("Bar", p -> p.interaction("get b"));
        publish("Waffle", "1", "main", v3Pact("Waffle", "state 2", "a state", "with params"));

        given().get("/pacts/provider/Bar/provider-states")
                .then()
                .statusCode(200)
                .contentType("application/hal+json;charset=utf-8")
                .body("providerStates.name", contains("a state", "state 2", "with params"))
                .body("providerStates[0].consumers", contains("Foo", "Waffle"))
                .body("providerStates[0]", not(hasKey("params")))
                .body("providerStates[1].consumers", contains("Waffle"))
                .body("providerStates[2].params.id", equalTo(7));
    }

    @Test
    void shouldListTheStatesOfABranchOrAnEnvironment() {
        publish("Foo", "1", "feat-x", v3Pact("Foo", "on feat-x"));
        publish("Foo", "2", "main", v3Pact("Foo", "on main"));
        world.consumer("Foo").version("2").deployedTo("prod");
        String prod = world.environment("prod").uuid();

        given().get("/pacts/provider/Bar/provider-states/branch/feat-x")
                .then()
                .statusCode(200)
                .body("providerStates.name", contains("on feat-x"));
        given().get("/pacts/provider/Bar/provider-states/environment/" + prod)
                .then()
                .statusCode(200)
                .body("providerStates.name", contains("on main"));
        given().get("/pacts/provider/Bar/provider-states/environment/nowhere")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownProvider() {
        given().get("/pacts/provider/Nobody/provider-states")
                .then()
                .statusCode(404)
                .body("error", equalTo("No provider with name 'Nobody' found"));
    }
}
