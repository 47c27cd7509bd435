package io.pactbroker.verifier;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to publish verification results to the broker the pacts came from: the provider version (required), its branch
 * and tags (recorded on the version before the results, through the pacticipant's {@code pb:branch-version} and
 * {@code pb:version-tag} relations) and the URL of the build.
 *
 * <pre>{@code
 * PublishOptions.providerVersion(System.getenv("GIT_COMMIT")).branch("main").buildUrl(System.getenv("BUILD_URL"));
 * }</pre>
 *
 * @param providerVersion the provider version verified
 * @param branch its branch
 * @param tags its tags
 * @param buildUrl the URL of the build
 */
public record PublishOptions(
        String providerVersion, Optional<String> branch, List<String> tags, Optional<String> buildUrl) {

    public PublishOptions {
        Objects.requireNonNull(providerVersion, "providerVersion");
        if (providerVersion.isBlank()) {
            throw new IllegalArgumentException("publishing verification results needs a provider version");
        }
        Objects.requireNonNull(branch, "branch");
        tags = List.copyOf(tags);
        Objects.requireNonNull(buildUrl, "buildUrl");
    }

    /** Publish as this provider version. */
    public static PublishOptions providerVersion(String version) {
        return new PublishOptions(version, Optional.empty(), List.of(), Optional.empty());
    }

    public PublishOptions branch(String value) {
        return new PublishOptions(
                providerVersion, Optional.ofNullable(value).filter(v -> !v.isBlank()), tags, buildUrl);
    }

    public PublishOptions tags(List<String> values) {
        return new PublishOptions(providerVersion, branch, values, buildUrl);
    }

    public PublishOptions buildUrl(String value) {
        return new PublishOptions(
                providerVersion, branch, tags, Optional.ofNullable(value).filter(v -> !v.isBlank()));
    }
}
