package io.pactbroker.broker.common.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the Pact Broker's database settings into Quarkus datasource properties:
 *
 * <ul>
 *   <li>{@code PACT_BROKER_DATABASE_URL} as the Ruby broker takes it, {@code postgres://user:pass@host:port/db} (also
 *       {@code postgresql://}, with query parameters such as {@code sslmode=require} passed to the driver), or a
 *       {@code jdbc:postgresql://} URL as it is;
 *   <li>or {@code PACT_BROKER_DATABASE_HOST}, {@code _PORT} (5432), {@code _NAME}, {@code _USERNAME},
 *       {@code _PASSWORD} (and {@code _SSLMODE});
 * </ul>
 *
 * <p>Separately given {@code PACT_BROKER_DATABASE_USERNAME}/{@code _PASSWORD} win over credentials in the URL.
 */
public final class DatabaseSettings {

    private DatabaseSettings() {}

    /**
     * The datasource properties for the settings found by {@code setting} (which is given the environment variable
     * name), empty when no database is configured.
     */
    public static Map<String, String> datasourceProperties(Function<String, String> setting) {
        Map<String, String> props = new LinkedHashMap<>();
        String url = blankToNull(setting.apply("PACT_BROKER_DATABASE_URL"));
        String username = blankToNull(setting.apply("PACT_BROKER_DATABASE_USERNAME"));
        String password = setting.apply("PACT_BROKER_DATABASE_PASSWORD");
        if (url != null) {
            if (url.startsWith("jdbc:")) {
                props.put("quarkus.datasource.jdbc.url", url);
            } else {
                parseUrl(url, props);
            }
        } else {
            String host = blankToNull(setting.apply("PACT_BROKER_DATABASE_HOST"));
            String name = blankToNull(setting.apply("PACT_BROKER_DATABASE_NAME"));
            if (host == null && name == null) {
                return props;
            }
            String port = blankToNull(setting.apply("PACT_BROKER_DATABASE_PORT"));
            String sslMode = blankToNull(setting.apply("PACT_BROKER_DATABASE_SSLMODE"));
            props.put(
                    "quarkus.datasource.jdbc.url",
                    "jdbc:postgresql://" + (host == null ? "localhost" : host) + ":" + (port == null ? "5432" : port)
                            + "/" + (name == null ? "postgres" : name)
                            + (sslMode == null ? "" : "?sslmode=" + sslMode));
        }
        if (username != null) {
            props.put("quarkus.datasource.username", username);
        }
        if (password != null && !password.isEmpty()) {
            props.put("quarkus.datasource.password", password);
        }
        return props;
    }

    private static void parseUrl(String url, Map<String, String> props) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "PACT_BROKER_DATABASE_URL is not a URL: expected postgres://user:password@host:port/database "
                            + "or jdbc:postgresql://host:port/database",
                    e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!scheme.equals("postgres") && !scheme.equals("postgresql")) {
            throw new IllegalArgumentException("PACT_BROKER_DATABASE_URL must be a PostgreSQL URL "
                    + "(postgres://user:password@host:port/database), not " + scheme + "://...");
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().length() <= 1
                ? "postgres"
                : uri.getRawPath().substring(1);
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        props.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host + ":" + port + "/" + path + query);
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            props.put("quarkus.datasource.username", URLDecoder.decode(user, StandardCharsets.UTF_8));
            if (colon >= 0) {
                props.put(
                        "quarkus.datasource.password",
                        URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8));
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
