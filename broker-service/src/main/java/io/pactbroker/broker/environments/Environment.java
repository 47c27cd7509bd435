package io.pactbroker.broker.environments;

import java.time.OffsetDateTime;

/**
 * A deployment environment: where versions are deployed (replacing each other) or released (side by side).
 *
 * @param contacts the contacts as stored JSON ({@code [{"name": ..., "details": {...}}]}), or null
 */
public record Environment(
        Long id,
        String uuid,
        String name,
        String displayName,
        boolean production,
        String contacts,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
