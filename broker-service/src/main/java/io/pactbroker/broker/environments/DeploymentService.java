package io.pactbroker.broker.environments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.broker.common.problem.Errors;
import io.pactbroker.broker.common.problem.NotFoundException;
import io.pactbroker.broker.common.problem.ValidationException;
import io.pactbroker.broker.pacticipants.PacticipantService;
import io.pactbroker.broker.versions.Version;
import io.pactbroker.broker.versions.VersionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Deployments and releases, with the Pact Broker's rules: recording a deployment ends the previous deployment of the
 * pacticipant in the same environment and application instance; releases live side by side until their support is
 * ended. Both are idempotent. Every write keeps {@code currently_deployed_version_ids} in step in the same transaction.
 */
@ApplicationScoped
public class DeploymentService {

    @Inject
    DeploymentRepository repository;

    @Inject
    EnvironmentService environments;

    @Inject
    VersionService versions;

    /** What a record-deployment or record-release did: the deployment or release, and whether it is new. */
    public record Recorded<T>(T value, boolean created) {}

    /**
     * Records that the version is deployed to the environment (on the application instance given as {@code
     * applicationInstance}, or the legacy {@code target}). The pacticipant's previous deployment to that environment
     * and instance ends. Recording a deployment that is already live changes nothing.
     */
    @Transactional
    public Recorded<DeployedVersion> recordDeployment(
            String pacticipantName, String versionNumber, String environmentUuid, ObjectNode body) {
        String instance = applicationInstance(body);
        Version version = versions.get(pacticipantName, versionNumber);
        Environment environment = environments.get(environmentUuid);
        return recordDeployment(version, environment, instance);
    }

    /** Records the deployment of a version (for other features and tests). */
    @Transactional
    public Recorded<DeployedVersion> recordDeployment(Version version, Environment environment, String instance) {
        String targetForIndex = instance == null ? "" : instance;
        repository.lockDeployments(version.pacticipantId, environment.id());
        Optional<DeployedVersion> current =
                repository.currentDeployment(version.pacticipantId, environment.id(), targetForIndex);
        if (current.isPresent() && current.get().versionId().equals(version.id)) {
            return new Recorded<>(current.get(), false);
        }
        current.ifPresent(previous -> repository.markUndeployed(previous.id()));
        Long id = repository.insertDeployment(
                UUID.randomUUID().toString(), version.id, version.pacticipantId, environment.id(), instance);
        repository.makeCurrent(version.pacticipantId, environment.id(), version.id, id, targetForIndex);
        return new Recorded<>(repository.findDeployed(id).orElseThrow(), true);
    }

    /**
     * PATCH /deployed-versions/{uuid}: {@code currentlyDeployed: false} records that the version is no longer
     * deployed (idempotent); {@code true} is refused with 422, as in the Pact Broker.
     */
    @Transactional
    public DeployedVersion updateDeployment(String uuid, ObjectNode body) {
        DeployedVersion deployed = getDeployed(uuid);
        JsonNode flag = body.get("currentlyDeployed");
        if (flag == null || flag.isNull()) {
            return deployed;
        }
        if (!flag.isBoolean()) {
            throw ValidationException.of("currentlyDeployed", "must be one of: true, false");
        }
        if (flag.booleanValue()) {
            if (deployed.currentlyDeployed()) {
                return deployed;
            }
            throw ValidationException.unprocessable(
                    "currentlyDeployed",
                    "The currentlyDeployed property cannot be set back to true. Please record a new deployment.");
        }
        repository.markUndeployed(deployed.id());
        return repository.findDeployed(deployed.id()).orElseThrow();
    }

    /** Records the release of the version to the environment; recording it again supports it again. */
    @Transactional
    public Recorded<ReleasedVersion> recordRelease(
            String pacticipantName, String versionNumber, String environmentUuid) {
        Version version = versions.get(pacticipantName, versionNumber);
        Environment environment = environments.get(environmentUuid);
        return recordRelease(version, environment);
    }

    /** Records the release of a version (for other features and tests). */
    @Transactional
    public Recorded<ReleasedVersion> recordRelease(Version version, Environment environment) {
        boolean created = repository.insertReleaseIfAbsent(
                UUID.randomUUID().toString(), version.id, version.pacticipantId, environment.id());
        ReleasedVersion released =
                repository.findReleased(version.id, environment.id()).orElseThrow();
        if (!created && !released.currentlySupported()) {
            repository.supportAgain(released.id());
            released = repository.findReleased(version.id, environment.id()).orElseThrow();
        }
        return new Recorded<>(released, created);
    }

    /**
     * PATCH /released-versions/{uuid}: {@code currentlySupported: false} ends the support of the release
     * (idempotent); {@code true} is refused with 422, as in the Pact Broker (record the release again instead).
     */
    @Transactional
    public ReleasedVersion updateRelease(String uuid, ObjectNode body) {
        ReleasedVersion released = getReleased(uuid);
        JsonNode flag = body.get("currentlySupported");
        if (flag == null || flag.isNull()) {
            return released;
        }
        if (!flag.isBoolean()) {
            throw ValidationException.of("currentlySupported", "must be one of: true, false");
        }
        if (flag.booleanValue()) {
            if (released.currentlySupported()) {
                return released;
            }
            throw ValidationException.unprocessable(
                    "currentlySupported",
                    "The currentlySupported property cannot be set back to true. Please record a new deployment.");
        }
        repository.endSupport(released.id());
        return repository.findReleased(uuid).orElseThrow();
    }

    public DeployedVersion getDeployed(String uuid) {
        return repository
                .findDeployed(uuid)
                .orElseThrow(() -> new NotFoundException("No deployed version with uuid '" + uuid + "' found"));
    }

    public ReleasedVersion getReleased(String uuid) {
        return repository
                .findReleased(uuid)
                .orElseThrow(() -> new NotFoundException("No released version with uuid '" + uuid + "' found"));
    }

    /** The deployments of a version to an environment, for the record-deployment resource's GET. */
    public List<DeployedVersion> deployedVersions(String pacticipantName, String versionNumber, Environment env) {
        return repository.deployedFor(versions.get(pacticipantName, versionNumber).id, env.id());
    }

    /** The release of a version to an environment (none or one), for the record-release resource's GET. */
    public List<ReleasedVersion> releasedVersions(String pacticipantName, String versionNumber, Environment env) {
        return repository
                .findReleased(versions.get(pacticipantName, versionNumber).id, env.id())
                .map(List::of)
                .orElse(List.of());
    }

    /**
     * The live deployments in the environment.
     *
     * @param instance null for every instance, an empty optional for deployments without one
     */
    public List<DeployedVersion> currentlyDeployed(Environment env, String pacticipantName, Optional<String> instance) {
        return repository.currentlyDeployed(env.id(), pacticipantName, instance);
    }

    public List<ReleasedVersion> currentlySupported(Environment env, String pacticipantName, String versionNumber) {
        return repository.currentlySupported(env.id(), pacticipantName, versionNumber);
    }

    /** The history of the environment: its newest deployments (current or ended), newest first, at most limit. */
    public List<DeployedVersion> deploymentHistory(Environment env, int limit) {
        return repository.deployedIn(env.id(), limit);
    }

    /** The newest releases to the environment (supported or ended), newest first, at most limit. */
    public List<ReleasedVersion> releaseHistory(Environment env, int limit) {
        return repository.releasedIn(env.id(), limit);
    }

    /** Every deployment of the versions (current or not), by version id, oldest first. */
    public Map<Long, List<DeployedVersion>> deploymentsOf(Collection<Long> versionIds) {
        Map<Long, List<DeployedVersion>> result = new LinkedHashMap<>();
        for (DeployedVersion d : repository.deployedOf(versionIds)) {
            result.computeIfAbsent(d.versionId(), id -> new java.util.ArrayList<>())
                    .add(d);
        }
        return result;
    }

    /** Every release of the versions (supported or not), by version id, oldest first. */
    public Map<Long, List<ReleasedVersion>> releasesOf(Collection<Long> versionIds) {
        Map<Long, List<ReleasedVersion>> result = new LinkedHashMap<>();
        for (ReleasedVersion r : repository.releasedOf(versionIds)) {
            result.computeIfAbsent(r.versionId(), id -> new java.util.ArrayList<>())
                    .add(r);
        }
        return result;
    }

    /**
     * The versions of the pacticipants live in the environment (deployed now, or released and supported): what
     * can-i-deploy checks against with an environment target, and what the {@code deployed}/{@code released}/{@code
     * environment} consumer version selectors of pacts for verification select. Index lookups only.
     */
    public List<LiveVersion> liveVersions(Environment environment, Collection<Long> pacticipantIds) {
        return repository.liveVersions(environment.id(), pacticipantIds);
    }

    /** The versions of the pacticipants live in any environment (the selectors without an environment). */
    public List<LiveVersion> liveVersions(Collection<Long> pacticipantIds) {
        return repository.liveVersions(null, pacticipantIds);
    }

    /** For each version, the environments where it is live now (for the matrix rows). */
    public Map<Long, List<Long>> liveEnvironmentsOf(Collection<Long> versionIds) {
        return repository.liveEnvironmentsOf(versionIds);
    }

    /** {@code applicationInstance}, or the legacy {@code target}; blank means none. */
    static String applicationInstance(ObjectNode body) {
        Errors errors = new Errors();
        String instance = text(body, "applicationInstance", errors);
        String target = text(body, "target", errors);
        errors.throwIfAny();
        String value = instance != null ? instance : target;
        return value == null || value.isBlank() ? null : value;
    }

    private static String text(ObjectNode body, String field, Errors errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(field, "must be a string");
            return null;
        }
        String value = node.asText();
        if (value.contains("\n") || value.contains("\r")) {
            errors.add(field, "cannot contain multiple lines");
        } else if (PacticipantService.hasControlCharacter(value)) {
            errors.add(field, "cannot contain control characters");
        }
        return value;
    }
}
