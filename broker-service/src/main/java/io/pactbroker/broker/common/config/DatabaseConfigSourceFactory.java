package io.pactbroker.broker.common.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Offers the Pact Broker's {@code PACT_BROKER_DATABASE_*} settings to Quarkus as datasource properties (see
 * {@link DatabaseSettings}). Its ordinal is below that of {@code application.properties}, environment variables and
 * system properties, so {@code quarkus.datasource.*} given any way wins. Registered through
 * {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}, so it works for {@code java -jar} runs too.
 */
public class DatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> props = DatabaseSettings.datasourceProperties(envName -> lookup(context, envName));
        return List.of(new MapBackedConfigSource("PactBrokerDatabaseSettings", props, ORDINAL) {});
    }

    private static String lookup(ConfigSourceContext context, String envName) {
        ConfigValue value = context.getValue(envName);
        if (value == null || value.getValue() == null) {
            String property = envName.toLowerCase(Locale.ROOT)
                    .replaceFirst("^pact_broker_", "pact-broker.")
                    .replace('_', '-');
            value = context.getValue(property);
        }
        return value == null ? null : value.getValue();
    }
}
