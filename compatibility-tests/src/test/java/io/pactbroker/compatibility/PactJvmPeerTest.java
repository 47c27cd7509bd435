package io.pactbroker.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.pactbroker.CanIDeployResult;
import au.com.dius.pact.core.pactbroker.Latest;
import au.com.dius.pact.core.pactbroker.PactBrokerClient;
import au.com.dius.pact.core.pactbroker.PactBrokerClientConfig;
import au.com.dius.pact.core.pactbroker.PublishConfiguration;
import au.com.dius.pact.core.pactbroker.To;
import au.com.dius.pact.core.support.Result;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactBroker;
import au.com.dius.pact.provider.junitsupport.loader.PactBrokerConsumerVersionSelectors;
import au.com.dius.pact.provider.junitsupport.loader.SelectorBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.pactbroker.compatibility.support.RunningBroker;
import io.pactbroker.compatibility.support.SystemProperties;
import io.pactbroker.core.broker.BrokerClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * pact-jvm 4.6 as the peer, end to end against the real packaged broker: a consumer test written with pact-jvm's JUnit
 * 5 DSL writes a pact, pact-jvm's {@code PactBrokerClient} publishes it, a pact-jvm {@code @Provider} + {@code
 * @PactBroker} test verifies it from the broker (consumer version selectors, pending, provider branch) against a real
 * HTTP provider and publishes the result, and pact-jvm's {@code canIDeploy} answers before and after.
 *
 * <p>pact-jvm's tests run through the JUnit Platform test kit, so their outcome is asserted here. pact-jvm reads its
 * settings from system properties: they are set only while its tests run and restored afterwards.
 */
@ExtendWith(RunningBroker.Extension.class)
class PactJvmPeerTest {

    static final String CONSUMER = "pactjvm-web";
    static final String PROVIDER = "pactjvm-orders";

    static volatile int providerPort;

    @TempDir
    Path pactDir;

    HttpServer provider;

    @BeforeEach
    void startProvider() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/orders/7", exchange -> {
            byte[] body = "{\"id\": 7, \"status\": \"OPEN\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
        providerPort = provider.getAddress().getPort();
    }

    @AfterEach
    void stopProvider() {
        provider.stop(0);
    }

    @Test
    void shouldTakeAPactJvmPactFromTheConsumerTestToDeployable(RunningBroker broker) throws Exception {
        String brokerUrl = broker.baseUrl().toString();
        PactBrokerClient pactJvm = new PactBrokerClient(brokerUrl, Map.of(), new PactBrokerClientConfig(0, 10, false));

        // the consumer test writes the pact
        EngineExecutionResults consumerRun;
        try (var props =
                SystemProperties.set(Map.of("pact.rootDir", pactDir.toString(), "pact_do_not_track", "true"))) {
            consumerRun = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(WebConsumerPact.class))
                    .execute();
        }
        consumerRun.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        Path pactFile = pactDir.resolve(CONSUMER + "-" + PROVIDER + ".json");
        assertThat(pactFile).exists();

        // nothing published yet: not deployable
        assertThat(canIDeployWithMainBranches(pactJvm).getOk()).isFalse();

        // pact-jvm's own publisher
        Result<String, Exception> published = pactJvm.uploadPactFile(
                pactFile.toFile(), new PublishConfiguration("1.0.0", List.of("ci"), "main", "https://ci.example/7"));
        assertThat(published).as(String.valueOf(published)).isInstanceOf(Result.Ok.class);

        // published but not verified: unknown
        CanIDeployResult before = canIDeployWithMainBranches(pactJvm);
        assertThat(before.getOk()).isFalse();
        assertThat(before.getUnknown()).isEqualTo(1);

        // the provider verifies from the broker and publishes its result
        EngineExecutionResults providerRun;
        try (var props = SystemProperties.set(Map.of(
                "pactbroker.url", brokerUrl,
                "pact.verifier.publishResults", "true",
                "pact.provider.version", "pj1",
                "pact.provider.branch", "main",
                "pact_do_not_track", "true"))) {
            providerRun = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(OrdersProviderFromBroker.class))
                    .execute();
        }
        providerRun.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));

        BrokerClient client = BrokerClient.builder(brokerUrl).build();
        JsonNode latest = client.get(URI.create(brokerUrl + "/pacts/provider/" + PROVIDER + "/consumer/" + CONSUMER
                        + "/version/1.0.0/verification-results/latest"))
                .body();
        assertThat(latest.path("success").asBoolean()).as(latest.toString()).isTrue();
        assertThat(latest.path("providerApplicationVersion").asText()).isEqualTo("pj1");
        assertThat(latest.path("verifiedBy").path("implementation").asText()).containsIgnoringCase("pact-jvm");
        assertThat(client.get(URI.create(brokerUrl + "/pacticipants/" + PROVIDER + "/branches/main/versions/pj1"))
                        .status())
                .isEqualTo(200);
        JsonNode consumerVersion = client.get(URI.create(brokerUrl + "/pacticipants/" + CONSUMER + "/versions/1.0.0"))
                .body();
        assertThat(consumerVersion.path("buildUrl").asText()).isEqualTo("https://ci.example/7");

        // verified on the provider's main branch: deployable, and no longer pending for that branch
        CanIDeployResult after = canIDeployWithMainBranches(pactJvm);
        assertThat(after.getOk()).as(after.getReason()).isTrue();
        JsonNode forVerification = client.post(
                        URI.create(brokerUrl + "/pacts/provider/" + PROVIDER + "/for-verification"),
                        new ObjectMapper()
                                .readTree("{\"consumerVersionSelectors\": [{\"mainBranch\": true}],"
                                        + " \"providerVersionBranch\": \"main\", \"includePendingStatus\": true}"))
                .body();
        assertThat(forVerification.path("_embedded").path("pacts")).hasSize(1);
        assertThat(forVerification
                        .path("_embedded")
                        .path("pacts")
                        .get(0)
                        .path("verificationProperties")
                        .path("pending")
                        .asBoolean())
                .isFalse();
    }

    private static CanIDeployResult canIDeployWithMainBranches(PactBrokerClient pactJvm) {
        return pactJvm.canIDeploy(CONSUMER, "1.0.0", new Latest.UseLatest(false), new To(null, null, true), List.of());
    }

    /** pact-jvm's consumer test, run by the test above through the test kit (surefire skips nested classes). */
    @ExtendWith(PactConsumerTestExt.class)
    @PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V3)
    public static class WebConsumerPact {

        @Pact(consumer = CONSUMER)
        public RequestResponsePact getOrder(PactDslWithProvider builder) {
            return builder.given("order 7 exists")
                    .uponReceiving("get order 7")
                    .path("/orders/7")
                    .method("GET")
                    .willRespondWith()
                    .status(200)
                    .body(new PactDslJsonBody().integerType("id", 7).stringMatcher("status", "OPEN|PAID", "OPEN"))
                    .toPact();
        }

        @Test
        void shouldReadTheOrder(MockServer mockServer) throws Exception {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(mockServer.getUrl() + "/orders/7"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"id\"");
        }
    }

    /** pact-jvm's provider test, fetching from the broker: main branches, pending enabled, provider branch main. */
    @Provider(PROVIDER)
    @PactBroker(url = "${pactbroker.url}", enablePendingPacts = "true", providerBranch = "main")
    public static class OrdersProviderFromBroker {

        @PactBrokerConsumerVersionSelectors
        public static SelectorBuilder selectors() {
            return new SelectorBuilder().mainBranch();
        }

        @TestTemplate
        @ExtendWith(PactVerificationInvocationContextProvider.class)
        void verify(PactVerificationContext context) {
            context.verifyInteraction();
        }

        @BeforeEach
        void target(PactVerificationContext context) {
            context.setTarget(new HttpTestTarget("127.0.0.1", providerPort));
        }

        @State("order 7 exists")
        public void order7Exists() {}
    }
}
