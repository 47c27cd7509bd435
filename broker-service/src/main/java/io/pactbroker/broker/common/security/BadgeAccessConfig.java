package io.pactbroker.broker.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Whether badges can be read without credentials ({@code PACT_BROKER_ENABLE_PUBLIC_BADGE_ACCESS}), so that README
 * files can show them while the rest of the broker needs a login.
 */
@ConfigMapping(prefix = "pact-broker")
public interface BadgeAccessConfig {

    @WithDefault("false")
    boolean enablePublicBadgeAccess();
}
