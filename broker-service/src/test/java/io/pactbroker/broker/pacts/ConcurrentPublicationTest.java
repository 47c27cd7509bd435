package io.pactbroker.broker.pacts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactbroker.broker.support.ApiTest;
import io.pactbroker.broker.support.PactJson;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Pipelines publish at the same time; new pacticipants, versions and contents must not collide. */
@QuarkusTest
class ConcurrentPublicationTest extends ApiTest {

    @Test
    void shouldPublishConcurrentlyToANewProviderWithoutErrors() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                String consumer = "Consumer" + (i % 4);
                String version = "1." + i;
                results.add(pool.submit(() -> ContractPublishTest.json("{\"pacticipantName\": \"" + consumer
                                + "\", \"pacticipantVersionNumber\": \"" + version
                                + "\", \"branch\": \"main\", \"tags\": [\"dev\"], \"contracts\": [{\"consumerName\": \""
                                + consumer + "\", \"providerName\": \"NewProvider\", \"specification\": \"pact\","
                                + " \"contentType\": \"application/json\", \"content\": \""
                                + PactJson.between(consumer, "NewProvider")
                                        .interaction("same")
                                        .base64() + "\"}]}")
                        .post("/contracts/publish")
                        .statusCode()));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(database.count("pacticipants")).isEqualTo(5);
        assertThat(database.count("pact_versions")).isEqualTo(4);
        assertThat(database.count("pact_publications")).isEqualTo(16);
        assertThat(database.count("branches")).isEqualTo(4);
        given().when().get("/pacts/provider/NewProvider/latest").then().statusCode(200);
    }
}
