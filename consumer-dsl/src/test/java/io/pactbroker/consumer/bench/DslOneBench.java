package io.pactbroker.consumer.bench;

import io.pactbroker.consumer.junit.MockServer;
import io.pactbroker.consumer.junit.PactConsumerTest;
import org.junit.jupiter.api.Test;

/** This DSL: 1 interaction(s) declared and called in one test. */
@PactConsumerTest(consumer = "bench-web", provider = "bench-items-1", pactDirectory = "target/bench-pacts")
class DslOneBench {

    @Test
    void callsItems(MockServer items) {
        items.expect(pact -> {
            for (int i = 0; i < 1; i++) {
                int id = i;
                pact.uponReceiving("get item " + i)
                        .get("/items/" + i)
                        .willRespondWith(200, body -> body.integer("id", id).string("name", "item"));
            }
        });
        Endpoints.callAll(items.url(), 1);
    }
}
