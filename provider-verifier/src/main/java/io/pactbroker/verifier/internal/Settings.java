package io.pactbroker.verifier.internal;

import io.pactbroker.core.broker.BrokerAuth;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The verifier's settings beyond what is given explicitly, read as the consumer DSL reads its own: {@code
 * pact.properties} (on the class path, then in the working directory), then the environment. System properties are
 * not read (they do not reach forked test JVMs; environment variables do).
 */
public final class Settings {

    /** Every setting with its {@code pact.properties} key and environment variable. */
    public enum Key {
        BROKER_URL("pact.broker.url", "PACT_BROKER_BASE_URL"),
        BROKER_TOKEN("pact.broker.token", "PACT_BROKER_TOKEN"),
        BROKER_USERNAME("pact.broker.username", "PACT_BROKER_USERNAME"),
        BROKER_PASSWORD("pact.broker.password", "PACT_BROKER_PASSWORD"),
        PROVIDER_VERSION("pact.provider.version", "PACT_PROVIDER_VERSION"),
        PROVIDER_BRANCH("pact.provider.branch", "PACT_PROVIDER_BRANCH"),
        PROVIDER_TAGS("pact.provider.tags", "PACT_PROVIDER_TAGS"),
        BUILD_URL("pact.build.url", "PACT_BUILD_URL"),
        PUBLISH_RESULTS("pact.verifier.publishResults", "PACT_VERIFIER_PUBLISH_RESULTS"),
        INCLUDE_WIP_PACTS_SINCE("pact.verifier.includeWipPactsSince", "PACT_INCLUDE_WIP_PACTS_SINCE");

        private final String property;
        private final String environment;

        Key(String property, String environment) {
            this.property = property;
            this.environment = environment;
        }

        public String property() {
            return property;
        }

        public String environment() {
            return environment;
        }
    }

    private final List<Properties> files;
    private final Map<String, String> environment;

    public Settings(List<Properties> files, Map<String, String> environment) {
        this.files = List.copyOf(files);
        this.environment = Map.copyOf(environment);
    }

    /** {@code pact.properties} files and the process environment. */
    public static Settings load() {
        return new Settings(propertiesFiles(), System.getenv());
    }

    /** The process environment only (the CLI: flags, then environment). */
    public static Settings environmentOnly() {
        return new Settings(List.of(), System.getenv());
    }

    public Optional<String> get(Key key) {
        for (Properties file : files) {
            String value = file.getProperty(key.property());
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        String value = environment.get(key.environment());
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public List<String> list(Key key) {
        return get(key).map(v -> Arrays.stream(v.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    public boolean flag(Key key) {
        return get(key).map(v -> v.equalsIgnoreCase("true") || v.equals("1")).orElse(false);
    }

    /** Bearer token, else basic auth, else none. */
    public BrokerAuth auth() {
        if (get(Key.BROKER_TOKEN).isPresent()) {
            return BrokerAuth.bearer(get(Key.BROKER_TOKEN).get());
        }
        if (get(Key.BROKER_USERNAME).isPresent()) {
            return BrokerAuth.basic(
                    get(Key.BROKER_USERNAME).get(), get(Key.BROKER_PASSWORD).orElse(""));
        }
        return BrokerAuth.none();
    }

    private static List<Properties> propertiesFiles() {
        List<Properties> found = new java.util.ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        URL resource = (loader != null ? loader : Settings.class.getClassLoader()).getResource("pact.properties");
        try {
            if (resource != null) {
                try (InputStream in = resource.openStream()) {
                    Properties p = new Properties();
                    p.load(in);
                    found.add(p);
                }
            }
            Path local = Path.of("pact.properties");
            if (Files.isRegularFile(local)) {
                try (InputStream in = Files.newInputStream(local)) {
                    Properties p = new Properties();
                    p.load(in);
                    found.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pact.properties: " + e.getMessage(), e);
        }
        return found;
    }
}
