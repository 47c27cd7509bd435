package io.pactbroker.compatibility;

import static io.pactbroker.consumer.Matchers.eachLike;
import static io.pactbroker.consumer.Matchers.integer;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactbroker.compatibility.support.RunningBroker;
import io.pactbroker.consumer.PactSettings;
import io.pactbroker.consumer.Pacts;
import io.pactbroker.consumer.publish.BuildInfo;
import io.pactbroker.consumer.publish.PactPublisher;
import io.pactbroker.consumer.publish.PublishResult;
import io.pactbroker.core.broker.BrokerClient;
import io.pactbroker.core.broker.HalDocument;
import io.pactbroker.core.model.Pact;
import io.pactbroker.core.model.PactReader;
import io.pactbroker.core.model.PactWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The consumer DSL's publisher against the real packaged broker. */
@ExtendWith(RunningBroker.Extension.class)
class ConsumerDslPublishTest {

    @TempDir
    Path pacts;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private Path write(String consumer, String provider, int example) throws IOException {
        Pact pact = Pacts.between(consumer, provider)
                .given("order 7 exists")
                .uponReceiving("get order")
                .get("/orders/7")
                .willRespondWith(
                        200, b -> b.field("id", integer(example)).field("lines", eachLike(Map.of("sku", "A1"))))
                .toPact();
        Path file = pacts.resolve(consumer + "-" + provider + ".json");
        Files.writeString(file, PactWriter.write(pact).json());
        return file;
    }

    private PublishResult publish(RunningBroker broker, String version, String branch) {
        PactSettings settings = PactSettings.resolve(
                Map.of(),
                List.of(),
                Map.of("PACT_BROKER_BASE_URL", broker.baseUrl().toString()));
        BuildInfo build = new BuildInfo(
                Optional.of("test"), Optional.of(version), Optional.of(branch), Optional.of("https://ci.example/1"));
        return PactPublisher.of(settings, build)
                .printingTo(new PrintStream(output, true, StandardCharsets.UTF_8))
                .publish(pacts);
    }

    @Test
    void shouldPublishEveryPactOfTheFolderAndPrintTheBrokersNotices(RunningBroker broker) throws IOException {
        String consumer = RunningBroker.unique("web");
        String provider = RunningBroker.unique("orders");
        Path file = write(consumer, provider, 7);
        write(consumer, RunningBroker.unique("users"), 1);

        PublishResult result = publish(broker, "1.0.0", "main");

        assertThat(result.outcome())
                .as(output.toString(StandardCharsets.UTF_8))
                .isEqualTo(PublishResult.Outcome.PUBLISHED);
        assertThat(result.notices()).isNotEmpty();
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("Publishing 2 pact(s) of " + consumer + " version 1.0.0 (branch main)");
        BrokerClient client = BrokerClient.builder(broker.baseUrl().toString()).build();
        HalDocument stored = client.get(
                broker.baseUrl().resolve("/pacts/provider/" + provider + "/consumer/" + consumer + "/version/1.0.0"));
        // The broker adds its own _id to interactions, so compare the model rather than the bytes.
        var served = PactReader.read(stored.body()).httpInteractions();
        var published = PactReader.read(file).httpInteractions();
        assertThat(served).hasSize(1);
        assertThat(served.get(0).request()).isEqualTo(published.get(0).request());
        assertThat(served.get(0).response()).isEqualTo(published.get(0).response());
        assertThat(served.get(0).providerStates()).isEqualTo(published.get(0).providerStates());
    }

    @Test
    void shouldReportTheBrokersRefusalToChangeAPublishedVersion(RunningBroker broker) throws IOException {
        String consumer = RunningBroker.unique("web");
        String provider = RunningBroker.unique("orders");
        write(consumer, provider, 7);
        assertThat(publish(broker, "2.0.0", "main").outcome()).isEqualTo(PublishResult.Outcome.PUBLISHED);

        write(consumer, provider, 8);
        PublishResult changed = publish(broker, "2.0.0", "main");

        assertThat(changed.outcome()).isEqualTo(PublishResult.Outcome.REFUSED);
        assertThat(changed.message()).contains("409");
        assertThat(changed.notices()).isNotEmpty();
    }
}
