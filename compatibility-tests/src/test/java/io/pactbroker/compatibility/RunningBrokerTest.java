package io.pactbroker.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactbroker.compatibility.support.RunningBroker;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RunningBroker.Extension.class)
class RunningBrokerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldServeTheHalIndexFromThePackagedBroker(RunningBroker broker) throws IOException, InterruptedException {
        HttpResponse<String> index = http.send(
                HttpRequest.newBuilder(broker.baseUrl().resolve("/"))
                        .header("Accept", "application/hal+json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body())
                .contains("pb:publish-contracts")
                .contains(broker.baseUrl().toString());
    }
}
