package io.pactbroker.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactbroker.consumer.PactSettings.Key;
import io.pactbroker.consumer.PactSettings.PropertiesFile;
import io.pactbroker.core.PactSpecification;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PactSettingsTest {

    private static PropertiesFile file(String... keysAndValues) {
        Properties p = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            p.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new PropertiesFile("pact.properties", p);
    }

    @Test
    void shouldPreferTheExplicitValueThenPactPropertiesThenTheEnvironment() {
        PactSettings settings = PactSettings.resolve(
                Map.of(Key.PACT_DIRECTORY, "explicit"),
                List.of(file("pact.directory", "from-file", "pact.broker.url", "http://file")),
                Map.of(
                        "PACT_OUTPUT_DIR", "from-env",
                        "PACT_BROKER_BASE_URL", "http://env",
                        "PACT_BROKER_TOKEN", "secret"));

        assertThat(settings.pactDirectory()).isEqualTo(Path.of("explicit"));
        assertThat(settings.brokerUrl()).hasValue("http://file");
        assertThat(settings.brokerToken()).hasValue("secret");
        assertThat(settings.explain(Key.BROKER_TOKEN)).isEqualTo("environment variable PACT_BROKER_TOKEN");
        assertThat(settings.explain(Key.BROKER_URL)).isEqualTo("pact.broker.url in pact.properties");
        assertThat(settings.toString()).doesNotContain("secret");
    }

    @Test
    void shouldDefaultToV4InTargetPacts() {
        PactSettings settings = PactSettings.resolve(Map.of(Key.SPECIFICATION, " "), List.of(), Map.of());

        assertThat(settings.pactDirectory()).isEqualTo(Path.of("target/pacts"));
        assertThat(settings.specification()).isEqualTo(PactSpecification.V4);
        assertThat(settings.explain(Key.BROKER_URL))
                .isEqualTo("not set (pact.broker.url in pact.properties or PACT_BROKER_BASE_URL)");
    }

    @Test
    void shouldReadTagsAndRefuseAnUnknownSpecification() {
        PactSettings settings = PactSettings.resolve(
                Map.of(), List.of(), Map.of("PACT_CONSUMER_TAGS", "a, b,,c", "PACT_SPECIFICATION", "v2"));

        assertThat(settings.consumerTags()).containsExactly("a", "b", "c");
        assertThatThrownBy(settings::specification)
                .hasMessage("specification \"V2\" (environment variable PACT_SPECIFICATION): pact files are written as"
                        + " V4 or V3");
    }
}
