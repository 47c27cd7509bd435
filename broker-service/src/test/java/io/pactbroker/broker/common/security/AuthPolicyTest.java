package io.pactbroker.broker.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthPolicyTest {

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldAllowEverythingWhenNoCredentialsAreConfigured() {
        AuthPolicy open = new AuthPolicy(new AuthConfig() {
            public Optional<String> basicAuthUsername() {
                return Optional.empty();
            }

            public Optional<String> basicAuthPassword() {
                return Optional.empty();
            }

            public Optional<String> basicAuthReadOnlyUsername() {
                return Optional.empty();
            }

            public Optional<String> basicAuthReadOnlyPassword() {
                return Optional.empty();
            }

            public Optional<String> bearerToken() {
                return Optional.empty();
            }

            public Optional<String> readOnlyBearerToken() {
                return Optional.empty();
            }

            public boolean allowPublicRead() {
                return false;
            }

            public boolean publicHeartbeat() {
                return false;
            }
        });

        assertThat(open.decide("DELETE", "/pacticipants/Foo", null)).isEqualTo(AuthPolicy.Decision.ALLOW);
    }

    @Test
    void shouldRefuseMalformedAuthorizationHeaders() {
        AuthPolicy policy = new AuthPolicy(AuthTest.settings(false, false));

        assertThat(policy.decide("GET", "/", "Basic !!!")).isEqualTo(AuthPolicy.Decision.UNAUTHORIZED);
        assertThat(policy.decide("GET", "/", "Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes())))
                .isEqualTo(AuthPolicy.Decision.UNAUTHORIZED);
        assertThat(policy.decide("GET", "/", "Digest abc")).isEqualTo(AuthPolicy.Decision.UNAUTHORIZED);
    }

    @Test
    void shouldAcceptPasswordsContainingColons() {
        AuthPolicy policy = new AuthPolicy(AuthTest.settings(false, false));

        assertThat(policy.decide("POST", "/", basic("admin", "s3cret"))).isEqualTo(AuthPolicy.Decision.ALLOW);
        assertThat(policy.decide("POST", "/", basic("admin", "s3cret:extra")))
                .isEqualTo(AuthPolicy.Decision.UNAUTHORIZED);
    }
}
