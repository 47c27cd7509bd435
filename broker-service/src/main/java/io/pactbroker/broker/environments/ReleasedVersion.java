package io.pactbroker.broker.environments;

import java.time.OffsetDateTime;

/**
 * A release of a pacticipant version to an environment. Releases live side by side (a mobile app in several versions,
 * a library): each is supported until its support is ended explicitly.
 */
public record ReleasedVersion(
        Long id,
        String uuid,
        Long versionId,
        String versionNumber,
        Long pacticipantId,
        String pacticipantName,
        Long environmentId,
        OffsetDateTime supportEndedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public boolean currentlySupported() {
        return supportEndedAt == null;
    }
}
