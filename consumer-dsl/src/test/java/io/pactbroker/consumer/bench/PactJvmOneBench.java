package io.pactbroker.consumer.bench;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** pact-jvm: the same 1 interaction(s), declared in a @Pact method and called in one test. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "bench-items-1")
class PactJvmOneBench {

    @Pact(consumer = "bench-web-pact-jvm")
    V4Pact items(PactDslWithProvider builder) {
        PactDslResponse response = builder.uponReceiving("get item 0")
                .path("/items/0")
                .method("GET")
                .willRespondWith()
                .status(200)
                .body(new PactDslJsonBody().integerType("id", 0).stringType("name", "item"));
        for (int i = 1; i < 1; i++) {
            response = response.uponReceiving("get item " + i)
                    .path("/items/" + i)
                    .method("GET")
                    .willRespondWith()
                    .status(200)
                    .body(new PactDslJsonBody().integerType("id", i).stringType("name", "item"));
        }
        return response.toPact(V4Pact.class);
    }

    @Test
    void callsItems(MockServer items) {
        Endpoints.callAll(items.getUrl(), 1);
    }
}
