package io.pactbroker.broker.common.hal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Works out the base URL for absolute links: a configured base URL (the one matching the request's host when several
 * are configured, as the Ruby broker does), otherwise the request's scheme, host and port, honouring the
 * {@code X-Forwarded-Proto}/{@code -Scheme}/{@code -Ssl}/{@code -Host}/{@code -Port}/{@code -Prefix} headers of a
 * reverse proxy.
 */
public final class BaseUrl {

    private BaseUrl() {}

    /**
     * @param configured the configured base URLs (maybe empty)
     * @param header looks up a request header, null when absent
     * @param requestScheme the scheme the request came in with
     * @param requestHost the request's {@code Host} (with port, if any)
     */
    public static String resolve(
            List<String> configured, Function<String, String> header, String requestScheme, String requestHost) {
        String forwardedHost = first(header.apply("X-Forwarded-Host"));
        String host = forwardedHost != null ? forwardedHost : requestHost;
        if (!configured.isEmpty()) {
            return chooseConfigured(configured, host);
        }
        String scheme = scheme(header, requestScheme);
        String port = first(header.apply("X-Forwarded-Port"));
        if (host == null || host.isBlank()) {
            host = "localhost";
        }
        if (port != null && !hasPort(host) && !isDefaultPort(scheme, port)) {
            host = host + ":" + port;
        }
        String prefix = first(header.apply("X-Forwarded-Prefix"));
        String path = prefix == null ? "" : "/" + trimSlashes(prefix);
        return trimTrailingSlash(scheme + "://" + host + path);
    }

    private static String chooseConfigured(List<String> configured, String host) {
        if (host != null) {
            String hostName = stripPort(host).toLowerCase(Locale.ROOT);
            for (String candidate : configured) {
                try {
                    String candidateHost = URI.create(candidate.trim()).getHost();
                    if (candidateHost != null && candidateHost.equalsIgnoreCase(hostName)) {
                        return trimTrailingSlash(candidate.trim());
                    }
                } catch (IllegalArgumentException e) {
                    // a malformed configured URL cannot match; the first one is used
                }
            }
        }
        return trimTrailingSlash(configured.get(0).trim());
    }

    private static String scheme(Function<String, String> header, String requestScheme) {
        String proto = first(header.apply("X-Forwarded-Proto"));
        if (proto == null) {
            proto = first(header.apply("X-Forwarded-Scheme"));
        }
        if (proto == null && "on".equalsIgnoreCase(first(header.apply("X-Forwarded-Ssl")))) {
            proto = "https";
        }
        if (proto == null) {
            proto = requestScheme == null ? "http" : requestScheme;
        }
        proto = proto.toLowerCase(Locale.ROOT);
        return proto.equals("https") ? "https" : "http";
    }

    private static String first(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        int comma = value.indexOf(',');
        return (comma < 0 ? value : value.substring(0, comma)).trim();
    }

    private static boolean hasPort(String host) {
        int bracket = host.lastIndexOf(']');
        return host.indexOf(':', bracket + 1) >= 0;
    }

    private static String stripPort(String host) {
        int bracket = host.lastIndexOf(']');
        int colon = host.indexOf(':', bracket + 1);
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static boolean isDefaultPort(String scheme, String port) {
        return (scheme.equals("http") && port.equals("80")) || (scheme.equals("https") && port.equals("443"));
    }

    private static String trimSlashes(String value) {
        String v = value;
        while (v.startsWith("/")) {
            v = v.substring(1);
        }
        return trimTrailingSlash(v);
    }

    private static String trimTrailingSlash(String value) {
        String v = value;
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        return v;
    }
}
