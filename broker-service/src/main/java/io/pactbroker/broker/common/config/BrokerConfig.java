package io.pactbroker.broker.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * The broker's own settings. Each answers to its Pact Broker environment name: {@code pact-broker.base-url} is
 * {@code PACT_BROKER_BASE_URL}, {@code pact-broker.allow-dangerous-contract-modification} is
 * {@code PACT_BROKER_ALLOW_DANGEROUS_CONTRACT_MODIFICATION}, and so on (see docs/configuration.md).
 */
@ConfigMapping(prefix = "pact-broker")
public interface BrokerConfig {

    /**
     * The base URL(s) the broker is reached at, used for absolute links. Several may be given (comma-separated), as the
     * Ruby broker allows: the one whose host matches the request is used, otherwise the first. When empty, links are
     * derived from the request, honouring {@code X-Forwarded-*} headers.
     */
    Optional<List<String>> baseUrl();

    /** Allow publishing different content for an existing consumer version and provider (normally refused with 409). */
    @WithDefault("false")
    boolean allowDangerousContractModification();

    /**
     * When a pacticipant without a main branch gets a version on a branch, or a tag, named like one of
     * {@link #mainBranchCandidates()}, that name becomes its main branch (the Ruby broker's auto_detect_main_branch).
     * Without it the {@code mainBranch} consumer version selector and can-i-deploy's {@code --main-branch} find
     * nothing for pacticipants that were only ever published with {@code --branch main}.
     */
    @WithDefault("true")
    boolean autoDetectMainBranch();

    /**
     * The branch or tag names {@link #autoDetectMainBranch()} recognises, space-separated as the Pact Broker reads them
     * (commas are accepted too).
     */
    @WithDefault("develop main master")
    String mainBranchCandidates();
}
