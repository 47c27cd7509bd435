package io.pactbroker.broker.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostWhitelistTest {

    @Test
    void shouldMatchHostNamesExactlyIgnoringCase() {
        HostWhitelist whitelist = HostWhitelist.of(List.of("github.com"));

        assertThat(whitelist.allows("github.com")).isTrue();
        assertThat(whitelist.allows("GitHub.com")).isTrue();
        assertThat(whitelist.allows("api.github.com")).isFalse();
        assertThat(whitelist.allows("github.com.evil.org")).isFalse();
    }

    @Test
    void shouldLetAWildcardStandForExactlyOneLabel() {
        HostWhitelist whitelist = HostWhitelist.of(List.of("*.foo.com"));

        assertThat(whitelist.allows("a.foo.com")).isTrue();
        assertThat(whitelist.allows("a.b.foo.com")).isFalse();
        assertThat(whitelist.allows("foo.com")).isFalse();
        assertThat(whitelist.allows("afoo.com")).isFalse();
    }

    @Test
    void shouldFindARegularExpressionAnywhereUnlessAnchored() {
        HostWhitelist whitelist = HostWhitelist.of(List.of("/.*\\.foo\\.com$/", "/bar/"));

        assertThat(whitelist.allows("a.b.foo.com")).isTrue();
        assertThat(whitelist.allows("a.foo.com.evil.org")).isFalse();
        assertThat(whitelist.allows("crowbar.org")).isTrue();
        assertThat(whitelist.describe()).isEqualTo("/.*\\.foo\\.com$/, /bar/");
    }

    @Test
    void shouldMatchIpAddressesAgainstAddressesAndNetworks() {
        HostWhitelist whitelist = HostWhitelist.of(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8"));

        assertThat(whitelist.allows("10.20.30.40")).isTrue();
        assertThat(whitelist.allows("11.0.0.1")).isFalse();
        assertThat(whitelist.allows("192.168.1.7")).isTrue();
        assertThat(whitelist.allows("192.168.1.8")).isFalse();
        assertThat(whitelist.allows("[fd12::1]")).isTrue();
        assertThat(whitelist.allows("[fe80::1]")).isFalse();
        // names are never resolved: a name is not an address in a network
        assertThat(whitelist.allows("localhost")).isFalse();
        assertThat(whitelist.describe()).isEqualTo("\"10.0.0.0/8\", \"192.168.1.7\", \"fd00::/8\"");
    }

    @Test
    void shouldReadTheSpaceDelimitedListOfTheEnvironmentVariable() {
        HostWhitelist whitelist = HostWhitelist.parse("  github.com  /^ci\\d{1,2}\\.example\\.org$/ *.slack.com ");

        assertThat(whitelist.allows("ci12.example.org")).isTrue();
        assertThat(whitelist.allows("hooks.slack.com")).isTrue();
        assertThat(whitelist.allows("github.com")).isTrue();
        assertThat(HostWhitelist.parse("").isEmpty()).isTrue();
    }

    @Test
    void shouldRefuseAnInvalidRegularExpressionAtStart() {
        assertThatThrownBy(() -> HostWhitelist.parse("/[a/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/[a/");
    }
}
