package io.pactbroker.broker.environments;

/**
 * A version that is live in an environment: currently deployed (to an application instance, or to none) or released
 * and still supported. The same version can be live several times (two instances, two environments, or deployed and
 * released).
 *
 * @param applicationInstance the instance of a deployment, null for none or for a release
 */
public record LiveVersion(
        Long pacticipantId,
        Long versionId,
        String versionNumber,
        Long environmentId,
        String environmentName,
        boolean production,
        boolean deployed,
        String applicationInstance) {}
