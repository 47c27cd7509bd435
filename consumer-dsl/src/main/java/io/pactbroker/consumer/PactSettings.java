package io.pactbroker.consumer;

import io.pactbroker.core.PactSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The one configuration model of the consumer side: where pact files go and how they are published. Each setting is
 * taken from the first source that has it:
 *
 * <ol>
 *   <li>the explicit value: the annotation, the extension builder or the publisher's arguments;
 *   <li>{@code pact.properties}: on the test class path, then in the project directory (the working directory);
 *   <li>the environment variable (the Pact CLI's names where it has one);
 *   <li>the default.
 * </ol>
 *
 * <p>JVM system properties are never read: they do not reach forked test JVMs reliably, environment variables do.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setting</th><th>pact.properties</th><th>environment</th><th>default</th></tr>
 *   <tr><td>pact directory</td><td>{@code pact.directory}</td><td>{@code PACT_OUTPUT_DIR}</td><td>{@code target/pacts}</td></tr>
 *   <tr><td>specification</td><td>{@code pact.specification}</td><td>{@code PACT_SPECIFICATION}</td><td>{@code V4}</td></tr>
 *   <tr><td>broker URL</td><td>{@code pact.broker.url}</td><td>{@code PACT_BROKER_BASE_URL}</td><td></td></tr>
 *   <tr><td>broker token</td><td>{@code pact.broker.token}</td><td>{@code PACT_BROKER_TOKEN}</td><td></td></tr>
 *   <tr><td>broker user</td><td>{@code pact.broker.username}</td><td>{@code PACT_BROKER_USERNAME}</td><td></td></tr>
 *   <tr><td>broker password</td><td>{@code pact.broker.password}</td><td>{@code PACT_BROKER_PASSWORD}</td><td></td></tr>
 *   <tr><td>consumer version</td><td>{@code pact.consumer.version}</td><td>{@code PACT_CONSUMER_VERSION}</td><td>from CI or git</td></tr>
 *   <tr><td>consumer branch</td><td>{@code pact.consumer.branch}</td><td>{@code PACT_CONSUMER_BRANCH}</td><td>from CI or git</td></tr>
 *   <tr><td>tags (comma separated)</td><td>{@code pact.consumer.tags}</td><td>{@code PACT_CONSUMER_TAGS}</td><td></td></tr>
 *   <tr><td>build URL</td><td>{@code pact.build.url}</td><td>{@code PACT_BUILD_URL}</td><td>from CI</td></tr>
 * </table>
 *
 * <pre>{@code
 * PactSettings settings = PactSettings.load(Map.of(PactSettings.Key.PACT_DIRECTORY, "build/pacts"));
 * settings.pactDirectory();            // build/pacts
 * settings.explain(Key.BROKER_URL);    // "environment variable PACT_BROKER_BASE_URL"
 * }</pre>
 */
public final class PactSettings {

    /** Every setting, with its {@code pact.properties} key and environment variable. */
    public enum Key {
        PACT_DIRECTORY("pact.directory", "PACT_OUTPUT_DIR"),
        SPECIFICATION("pact.specification", "PACT_SPECIFICATION"),
        BROKER_URL("pact.broker.url", "PACT_BROKER_BASE_URL"),
        BROKER_TOKEN("pact.broker.token", "PACT_BROKER_TOKEN"),
        BROKER_USERNAME("pact.broker.username", "PACT_BROKER_USERNAME"),
        BROKER_PASSWORD("pact.broker.password", "PACT_BROKER_PASSWORD"),
        CONSUMER_VERSION("pact.consumer.version", "PACT_CONSUMER_VERSION"),
        CONSUMER_BRANCH("pact.consumer.branch", "PACT_CONSUMER_BRANCH"),
        CONSUMER_TAGS("pact.consumer.tags", "PACT_CONSUMER_TAGS"),
        BUILD_URL("pact.build.url", "PACT_BUILD_URL");

        private final String property;
        private final String environment;

        Key(String property, String environment) {
            this.property = property;
            this.environment = environment;
        }

        /** The key in {@code pact.properties}. */
        public String property() {
            return property;
        }

        /** The environment variable. */
        public String environment() {
            return environment;
        }
    }

    private final Map<Key, String> values;
    private final Map<Key, String> sources;
    private final Map<String, String> environment;

    private PactSettings(Map<Key, String> values, Map<Key, String> sources, Map<String, String> environment) {
        this.values = values;
        this.sources = sources;
        this.environment = environment;
    }

    /** Settings from {@code pact.properties} and the environment. */
    public static PactSettings load() {
        return load(Map.of());
    }

    /** Settings with explicit values first, then {@code pact.properties} and the environment. */
    public static PactSettings load(Map<Key, String> explicit) {
        return resolve(explicit, PropertiesFile.find(), System.getenv());
    }

    /**
     * Settings from given sources (for tests and tools that read their own).
     *
     * @param explicit explicit values (blank ones are ignored)
     * @param properties {@code pact.properties} contents, with a description of where each file was
     * @param environment the environment variables
     */
    public static PactSettings resolve(
            Map<Key, String> explicit, List<PropertiesFile> properties, Map<String, String> environment) {
        Map<Key, String> values = new EnumMap<>(Key.class);
        Map<Key, String> sources = new EnumMap<>(Key.class);
        for (Key key : Key.values()) {
            String value = explicit.get(key);
            if (present(value)) {
                values.put(key, value.trim());
                sources.put(key, "the explicit setting");
                continue;
            }
            for (PropertiesFile file : properties) {
                value = file.properties().getProperty(key.property());
                if (present(value)) {
                    values.put(key, value.trim());
                    sources.put(key, key.property() + " in " + file.location());
                    break;
                }
            }
            if (!values.containsKey(key)) {
                value = environment.get(key.environment());
                if (present(value)) {
                    values.put(key, value.trim());
                    sources.put(key, "environment variable " + key.environment());
                }
            }
        }
        return new PactSettings(values, sources, Map.copyOf(environment));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** A setting's value, when one of the sources has it. */
    public Optional<String> get(Key key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Where a setting's value came from, for messages ({@code "environment variable PACT_BROKER_BASE_URL"}). */
    public String explain(Key key) {
        return sources.getOrDefault(
                key, "not set (" + key.property() + " in pact.properties or " + key.environment() + ")");
    }

    /** The environment the settings were resolved against (CI detection reads it too). */
    public Map<String, String> environment() {
        return environment;
    }

    /** Where pact files are written and read for publishing; {@code target/pacts} by default. */
    public Path pactDirectory() {
        return Path.of(get(Key.PACT_DIRECTORY).orElse("target/pacts"));
    }

    /** The specification version pact files are written in: V4 by default, or V3. */
    public PactSpecification specification() {
        String text = get(Key.SPECIFICATION).orElse("V4").toUpperCase(Locale.ROOT);
        return switch (text.startsWith("V") ? text : "V" + text) {
            case "V4", "V4.0", "V4.0.0" -> PactSpecification.V4;
            case "V3", "V3.0", "V3.0.0" -> PactSpecification.V3;
            default ->
                throw new IllegalArgumentException("specification \"" + text + "\" (" + explain(Key.SPECIFICATION)
                        + "): pact files are written as V4 or V3");
        };
    }

    public Optional<String> brokerUrl() {
        return get(Key.BROKER_URL);
    }

    public Optional<String> brokerToken() {
        return get(Key.BROKER_TOKEN);
    }

    public Optional<String> brokerUsername() {
        return get(Key.BROKER_USERNAME);
    }

    public Optional<String> brokerPassword() {
        return get(Key.BROKER_PASSWORD);
    }

    public Optional<String> consumerVersion() {
        return get(Key.CONSUMER_VERSION);
    }

    public Optional<String> consumerBranch() {
        return get(Key.CONSUMER_BRANCH);
    }

    public List<String> consumerTags() {
        return get(Key.CONSUMER_TAGS)
                .map(t -> Arrays.stream(t.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    public Optional<String> buildUrl() {
        return get(Key.BUILD_URL);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("PactSettings[");
        values.forEach((k, v) -> out.append(k)
                .append('=')
                .append(k == Key.BROKER_TOKEN || k == Key.BROKER_PASSWORD ? "***" : v)
                .append(", "));
        return out.append(']').toString();
    }

    /**
     * The contents of one {@code pact.properties} file and where it was found.
     *
     * @param location where the file was, for messages
     * @param properties its contents
     */
    public record PropertiesFile(String location, Properties properties) {

        /** The {@code pact.properties} on the class path, then in the working directory, in that order. */
        public static List<PropertiesFile> find() {
            List<PropertiesFile> found = new java.util.ArrayList<>();
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            URL resource =
                    (loader != null ? loader : PactSettings.class.getClassLoader()).getResource("pact.properties");
            if (resource != null) {
                try (InputStream in = resource.openStream()) {
                    found.add(new PropertiesFile(resource.toString(), read(in)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + resource, e);
                }
            }
            Path local = Path.of("pact.properties").toAbsolutePath();
            if (Files.isRegularFile(local)) {
                try (InputStream in = Files.newInputStream(local)) {
                    found.add(new PropertiesFile(local.toString(), read(in)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + local, e);
                }
            }
            return found;
        }

        private static Properties read(InputStream in) throws IOException {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        }
    }
}
