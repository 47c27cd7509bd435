package io.pactbroker.consumer.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactbroker.consumer.junit.MockServer;
import io.pactbroker.consumer.junit.PactConsumerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@PactConsumerTest(consumer = "web", provider = "orders")
class OrdersClientTest {

    @Test
    void fetchesAnOrder(MockServer orders) throws Exception {
        orders.expect(pact -> pact.given("order 7 exists")
                .uponReceiving("get order 7")
                .get("/orders/7")
                .header("Accept", "application/json")
                .willRespondWith(200, body -> body.integer("id", 7)
                        .regex("status", "OPEN|PAID", "OPEN")
                        .eachLike("lines", line -> line.string("sku", "A1").integer("quantity", 2))));

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(orders.url("/orders/7")))
                                .header("Accept", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"sku\":\"A1\""));
    }
}
