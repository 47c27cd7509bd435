package io.pactbroker.broker.common.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what, from the {@link AuthConfig} settings: the read/write user (or bearer token), the read-only user
 * (or token), public read access and a public heartbeat. With no credentials configured, everything is allowed.
 */
@ApplicationScoped
public class AuthPolicy {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    AuthConfig config;

    @Inject
    BadgeAccessConfig badgeAccess;

    public AuthPolicy() {}

    /** A policy over the given settings (for tests and tools). */
    public AuthPolicy(AuthConfig config) {
        this.config = config;
    }

    /** A policy over the given settings, with public badges or not (for tests and tools). */
    public AuthPolicy(AuthConfig config, BadgeAccessConfig badgeAccess) {
        this.config = config;
        this.badgeAccess = badgeAccess;
    }

    enum Access {
        NONE,
        READ,
        WRITE
    }

    /** What happens to a request, by its method, path and {@code Authorization} header. */
    public enum Decision {
        ALLOW,
        UNAUTHORIZED,
        FORBIDDEN
    }

    public Decision decide(String method, String path, String authorization) {
        if (!enabled()) {
            return Decision.ALLOW;
        }
        // The Pact Broker counts POST /pacts/provider/{p}/for-verification as a read: it only asks for pacts.
        boolean read = READ_METHODS.contains(method) || ("POST".equals(method) && isPactsForVerification(path));
        if (config.publicHeartbeat() && "/diagnostic/status/heartbeat".equals(path)) {
            return Decision.ALLOW;
        }
        if (read && badgeAccess != null && badgeAccess.enablePublicBadgeAccess() && path.endsWith("/badge")) {
            return Decision.ALLOW;
        }
        Access access = access(authorization);
        if (access == Access.WRITE || (read && (access == Access.READ || config.allowPublicRead()))) {
            return Decision.ALLOW;
        }
        return access == Access.READ ? Decision.FORBIDDEN : Decision.UNAUTHORIZED;
    }

    static boolean isPactsForVerification(String path) {
        return path != null && path.matches("/pacts/provider/[^/]+/for-verification/?");
    }

    boolean enabled() {
        return config.basicAuthUsername().filter(s -> !s.isEmpty()).isPresent()
                || config.basicAuthReadOnlyUsername().filter(s -> !s.isEmpty()).isPresent()
                || config.bearerToken().filter(s -> !s.isEmpty()).isPresent()
                || config.readOnlyBearerToken().filter(s -> !s.isEmpty()).isPresent();
    }

    Access access(String authorization) {
        if (authorization == null) {
            return Access.NONE;
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Access.NONE;
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Access.NONE;
            }
            String user = decoded.substring(0, colon);
            String password = decoded.substring(colon + 1);
            if (matches(config.basicAuthUsername(), user) && matches(config.basicAuthPassword(), password)) {
                return Access.WRITE;
            }
            if (matches(config.basicAuthReadOnlyUsername(), user)
                    && matches(config.basicAuthReadOnlyPassword(), password)) {
                return Access.READ;
            }
            return Access.NONE;
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            if (matches(config.bearerToken(), token)) {
                return Access.WRITE;
            }
            if (matches(config.readOnlyBearerToken(), token)) {
                return Access.READ;
            }
        }
        return Access.NONE;
    }

    /** Compares in constant time, so the time taken says nothing about the secret. */
    private static boolean matches(Optional<String> expected, String actual) {
        return expected.filter(e -> !e.isEmpty())
                .map(e -> MessageDigest.isEqual(
                        e.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }
}
