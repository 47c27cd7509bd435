package io.pactbroker.broker.environments;

import java.time.OffsetDateTime;

/**
 * A deployment of a pacticipant version to an environment (and application instance, the Pact Broker's {@code
 * target}). It is current until the version is undeployed or another version of the pacticipant is deployed to the
 * same environment and instance.
 */
public record DeployedVersion(
        Long id,
        String uuid,
        Long versionId,
        String versionNumber,
        Long pacticipantId,
        String pacticipantName,
        Long environmentId,
        String applicationInstance,
        OffsetDateTime undeployedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public boolean currentlyDeployed() {
        return undeployedAt == null;
    }
}
