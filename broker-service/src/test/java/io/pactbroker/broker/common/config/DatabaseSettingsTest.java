package io.pactbroker.broker.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void shouldReadTheRubyBrokersDatabaseUrl() {
        Map<String, String> props = DatabaseSettings.datasourceProperties(
                Map.of("PACT_BROKER_DATABASE_URL", "postgres://pact:p%40ss@db.example.org:5433/broker")::get);

        assertThat(props)
                .containsEntry("quarkus.datasource.jdbc.url", "jdbc:postgresql://db.example.org:5433/broker")
                .containsEntry("quarkus.datasource.username", "pact")
                .containsEntry("quarkus.datasource.password", "p@ss");
    }

    @Test
    void shouldKeepQueryParametersAndDefaultThePort() {
        Map<String, String> props = DatabaseSettings.datasourceProperties(
                Map.of("PACT_BROKER_DATABASE_URL", "postgresql://u@db/pact?sslmode=require")::get);

        assertThat(props)
                .containsEntry("quarkus.datasource.jdbc.url", "jdbc:postgresql://db:5432/pact?sslmode=require");
    }

    @Test
    void shouldPassJdbcUrlsThrough() {
        Map<String, String> props = DatabaseSettings.datasourceProperties(Map.of(
                "PACT_BROKER_DATABASE_URL", "jdbc:postgresql://db:5432/pact",
                "PACT_BROKER_DATABASE_USERNAME", "pact",
                "PACT_BROKER_DATABASE_PASSWORD", "secret")::get);

        assertThat(props)
                .containsEntry("quarkus.datasource.jdbc.url", "jdbc:postgresql://db:5432/pact")
                .containsEntry("quarkus.datasource.username", "pact")
                .containsEntry("quarkus.datasource.password", "secret");
    }

    @Test
    void shouldBuildTheUrlFromIndividualSettings() {
        Map<String, String> props = DatabaseSettings.datasourceProperties(Map.of(
                "PACT_BROKER_DATABASE_HOST", "db",
                "PACT_BROKER_DATABASE_PORT", "6543",
                "PACT_BROKER_DATABASE_NAME", "broker",
                "PACT_BROKER_DATABASE_USERNAME", "pact")::get);

        assertThat(props)
                .containsEntry("quarkus.datasource.jdbc.url", "jdbc:postgresql://db:6543/broker")
                .containsEntry("quarkus.datasource.username", "pact")
                .doesNotContainKey("quarkus.datasource.password");
    }

    @Test
    void shouldConfigureNothingWithoutSettings() {
        assertThat(DatabaseSettings.datasourceProperties(Map.<String, String>of()::get))
                .isEmpty();
    }

    @Test
    void shouldRefuseOtherDatabases() {
        assertThatThrownBy(() -> DatabaseSettings.datasourceProperties(
                        Map.of("PACT_BROKER_DATABASE_URL", "mysql://u:p@db/pact")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PostgreSQL");
    }
}
