package io.pactbroker.broker.common.hal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaseUrlTest {

    private static String resolve(List<String> configured, Map<String, String> headers, String host) {
        return BaseUrl.resolve(configured, headers::get, "http", host);
    }

    @Test
    void shouldUseTheRequestWhenNothingIsConfigured() {
        assertThat(resolve(List.of(), Map.of(), "localhost:9292")).isEqualTo("http://localhost:9292");
    }

    @Test
    void shouldHonourForwardedHeaders() {
        Map<String, String> headers = Map.of(
                "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "broker.example.org, proxy.internal",
                "X-Forwarded-Port", "443",
                "X-Forwarded-Prefix", "/pact/");

        assertThat(resolve(List.of(), headers, "10.0.0.1:9292")).isEqualTo("https://broker.example.org/pact");
    }

    @Test
    void shouldAddANonDefaultForwardedPort() {
        assertThat(resolve(
                        List.of(),
                        Map.of("X-Forwarded-Host", "broker", "X-Forwarded-Port", "8443", "X-Forwarded-Ssl", "on"),
                        "x"))
                .isEqualTo("https://broker:8443");
    }

    @Test
    void shouldUseTheConfiguredBaseUrlWithoutTrailingSlash() {
        assertThat(resolve(List.of("https://pacts.example.org/"), Map.of(), "localhost:9292"))
                .isEqualTo("https://pacts.example.org");
    }

    @Test
    void shouldChooseTheConfiguredBaseUrlMatchingTheRequestHost() {
        List<String> configured = List.of("https://pacts.example.org", "http://pact-broker.internal:9292");

        assertThat(resolve(configured, Map.of(), "pact-broker.internal:9292"))
                .isEqualTo("http://pact-broker.internal:9292");
        assertThat(resolve(configured, Map.of(), "elsewhere")).isEqualTo("https://pacts.example.org");
    }

    @Test
    void shouldEncodePathSegmentsAsThePactBrokerDoes() {
        assertThat(BrokerUrls.encode("Pricing Service")).isEqualTo("Pricing%20Service");
        assertThat(BrokerUrls.encode("feature/x")).isEqualTo("feature%2Fx");
        assertThat(BrokerUrls.encode("1.0.0-rc.1+b~2")).isEqualTo("1.0.0-rc.1%2Bb~2");
        assertThat(BrokerUrls.encode("Zürich")).isEqualTo("Z%C3%BCrich");
    }
}
