package io.pactbroker.broker.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The settings as the Pact Broker's environment variables give them. */
class WebhookSettingsTest {

    private static WebhookSettings read(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .withMapping(WebhookConfig.class)
                .addDefaultInterceptors()
                .build();
        return WebhookSettings.from(config.getConfigMapping(WebhookConfig.class));
    }

    @Test
    void shouldDefaultToThePactBrokersSettings() {
        WebhookSettings s = read(Map.of());

        assertThat(s.retrySchedule())
                .extracting(Duration::toSeconds)
                .containsExactly(10L, 60L, 120L, 300L, 600L, 1200L);
        assertThat(s.maxAttempts()).isEqualTo(7);
        assertThat(s.httpMethods()).containsExactly("POST");
        assertThat(s.schemes()).containsExactly("https");
        assertThat(s.hosts().isEmpty()).isTrue();
        assertThat(s.showResponses()).isFalse();
        assertThat(s.successCodes()).containsExactlyInAnyOrder(200, 201, 202, 203, 204, 205, 206);
        assertThat(s.redactSensitiveData()).isTrue();
        assertThat(s.disableSslVerification()).isFalse();
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(s).isEqualTo(WebhookSettings.defaults().withHosts());
    }

    @Test
    void shouldReadSpaceDelimitedListsWithRegularExpressionsIntact() {
        WebhookSettings s = read(Map.of(
                "pact-broker.webhook-retry-schedule", "5 30",
                "pact-broker.webhook-http-method-whitelist", "post get",
                "pact-broker.webhook-scheme-whitelist", "https http",
                "pact-broker.webhook-host-whitelist", "/.*\\.foo\\.com$/ /^ci\\d{1,2}$/ github.com",
                "pact-broker.webhook-http-code-success", "200 409",
                "pact-broker.webhook-redact-sensitive-data", "false"));

        assertThat(s.retrySchedule()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(30));
        assertThat(s.httpMethods()).containsExactly("POST", "GET");
        assertThat(s.schemes()).containsExactly("https", "http");
        assertThat(s.hosts().allows("a.b.foo.com")).isTrue();
        assertThat(s.hosts().allows("ci12")).isTrue();
        assertThat(s.hosts().describe()).isEqualTo("/.*\\.foo\\.com$/, /^ci\\d{1,2}$/, \"github.com\"");
        assertThat(s.successCodes()).isEqualTo(Set.of(200, 409));
        assertThat(s.redactSensitiveData()).isFalse();
        assertThat(s.showResponses()).isTrue();
    }

    @Test
    void shouldAcceptDecimalSecondsAndNoRetries() {
        assertThat(WebhookSettings.seconds("0.5 1.25"))
                .containsExactly(Duration.ofMillis(500), Duration.ofMillis(1250));
        assertThat(WebhookSettings.seconds("")).isEmpty();
        assertThat(WebhookSettings.items("POST, PUT")).isEqualTo(List.of("POST", "PUT"));
    }

    @Test
    void shouldRefuseValuesThatAreNotNumbers() {
        assertThatThrownBy(() -> WebhookSettings.seconds("10 soon"))
                .hasMessageContaining("PACT_BROKER_WEBHOOK_RETRY_SCHEDULE");
        assertThatThrownBy(() -> WebhookSettings.codes("OK"))
                .hasMessageContaining("PACT_BROKER_WEBHOOK_HTTP_CODE_SUCCESS");
    }
}
