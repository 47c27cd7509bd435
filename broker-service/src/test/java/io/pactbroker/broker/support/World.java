package io.pactbroker.broker.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.broker.environments.DeployedVersion;
import io.pactbroker.broker.environments.DeploymentService;
import io.pactbroker.broker.environments.Environment;
import io.pactbroker.broker.environments.EnvironmentService;
import io.pactbroker.broker.pacticipants.PacticipantService;
import io.pactbroker.broker.pacts.PactQuery;
import io.pactbroker.broker.pacts.PactService;
import io.pactbroker.broker.verifications.VerificationService;
import io.pactbroker.broker.versions.BranchService;
import io.pactbroker.broker.versions.TagService;
import io.pactbroker.broker.versions.VersionService;
import io.pactbroker.broker.webhooks.WebhookService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.UnaryOperator;

/**
 * States a test's world in a few lines, through the broker's own services:
 *
 * <pre>{@code
 * world.consumer("Foo").version("1.0.0").onBranch("main").tagged("prod").publishesPactWith("Bar");
 * world.consumer("Foo").version("1.0.1").publishesPactWith("Bar", pact -> pact.interaction("get order"));
 * world.environment("production");
 * world.provider("Bar").version("2").deployedTo("production");
 * world.verified("Foo", "1.0.0", "Bar", "2", true);
 * }</pre>
 */
@ApplicationScoped
public class World {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    PacticipantService pacticipants;

    @Inject
    VersionService versions;

    @Inject
    BranchService branches;

    @Inject
    TagService tags;

    @Inject
    PactService pacts;

    @Inject
    VerificationService verifications;

    @Inject
    EnvironmentService environments;

    @Inject
    DeploymentService deployments;

    @Inject
    WebhookService webhooks;

    @Inject
    Database database;

    public PacticipantBuilder consumer(String name) {
        return pacticipant(name);
    }

    public PacticipantBuilder provider(String name) {
        return pacticipant(name);
    }

    public PacticipantBuilder pacticipant(String name) {
        pacticipants.findOrCreate(name);
        return new PacticipantBuilder(name);
    }

    /** A non-production environment with that name (and a generated uuid); the existing one when there is one. */
    public Environment environment(String name) {
        return environment(name, null, false);
    }

    /**
     * An environment with a chosen uuid (null to generate one), created through the environments service; the
     * existing one when an environment has that name.
     */
    public Environment environment(String name, String uuid, boolean production) {
        return environments.findByName(name).orElseGet(() -> {
            ObjectNode body = JSON.createObjectNode();
            body.put("name", name);
            body.put("production", production);
            if (uuid != null) {
                body.put("uuid", uuid);
            }
            return environments.create(body);
        });
    }

    /**
     * A non-production environment with a chosen uuid (null to generate one) and one contact, as the Pact Broker CLI
     * records it: {@code {"name": ..., "details": {"emailAddress": ...}}}.
     */
    public Environment environmentWithContact(String name, String uuid, String contactName, String emailAddress) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name);
        body.put("production", false);
        if (uuid != null) {
            body.put("uuid", uuid);
        }
        ObjectNode contact = body.putArray("contacts").addObject();
        contact.put("name", contactName);
        contact.putObject("details").put("emailAddress", emailAddress);
        return environments.create(body);
    }

    /**
     * A webhook with that uuid between the consumer and the provider (both must exist), fired when the contract
     * content changes, posting to {@code https://webhook.example/...}.
     */
    public void webhook(String uuid, String consumer, String provider) {
        ObjectNode body = JSON.createObjectNode();
        body.put("description", "a webhook");
        body.putObject("consumer").put("name", consumer);
        body.putObject("provider").put("name", provider);
        body.putArray("events").addObject().put("name", "contract_content_changed");
        ObjectNode request = body.putObject("request");
        request.put("method", "POST");
        request.put("url", "https://webhook.example/" + uuid);
        webhooks.put(uuid, body);
    }

    /**
     * The provider version (created when missing) publishes a verification result of the pact the consumer version
     * published for the provider, through the verification service, with a build URL.
     */
    public void verified(
            String consumer, String consumerVersion, String provider, String providerVersion, boolean success) {
        verifiedWithResults(consumer, consumerVersion, provider, providerVersion, success, null);
    }

    /** As {@link #verified}, with the {@code testResults} the verifier published (JSON text). */
    public void verifiedWithResults(
            String consumer,
            String consumerVersion,
            String provider,
            String providerVersion,
            boolean success,
            String testResults) {
        ObjectNode body = JSON.createObjectNode();
        body.put("buildUrl", "https://ci.example/" + provider + "/" + providerVersion);
        if (testResults != null) {
            try {
                body.set("testResults", JSON.readTree(testResults));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(testResults, e);
            }
        }
        provider(provider).version(providerVersion).publishVerification(consumer, consumerVersion, success, null, body);
    }

    /** A pacticipant in the world. */
    public final class PacticipantBuilder {
        private final String name;

        PacticipantBuilder(String name) {
            this.name = name;
        }

        public VersionBuilder version(String number) {
            versions.findOrCreate(name, number);
            return new VersionBuilder(name, number);
        }

        public PacticipantBuilder withRepositoryUrl(String url) {
            ObjectNode body = JSON.createObjectNode();
            body.put("repositoryUrl", url);
            pacticipants.merge(name, body);
            return this;
        }

        public PacticipantBuilder withMainBranch(String branch) {
            ObjectNode body = JSON.createObjectNode();
            body.put("mainBranch", branch);
            pacticipants.merge(name, body);
            return this;
        }
    }

    /** A version of a pacticipant in the world. */
    public final class VersionBuilder {
        private final String pacticipant;
        private final String number;

        VersionBuilder(String pacticipant, String number) {
            this.pacticipant = pacticipant;
            this.number = number;
        }

        public VersionBuilder onBranch(String branch) {
            branches.addVersion(pacticipant, branch, number);
            return this;
        }

        public VersionBuilder tagged(String... tagNames) {
            for (String tag : tagNames) {
                tags.tag(pacticipant, number, tag);
            }
            return this;
        }

        /** Publishes a pact with one interaction named after the consumer version. */
        public VersionBuilder publishesPactWith(String provider) {
            return publishesPactWith(provider, pact -> pact.interaction("request from " + number));
        }

        public VersionBuilder publishesPactWith(String provider, UnaryOperator<PactJson> content) {
            PactJson pact = content.apply(PactJson.between(pacticipant, provider));
            pacts.publish(pacticipant, provider, number, pact.node(), PactService.Mode.OVERWRITE);
            return this;
        }

        /**
         * Records a deployment of this version to the environment (created when missing), with no application
         * instance; the pacticipant's previous deployment there ends.
         */
        public VersionBuilder deployedTo(String environment) {
            return deployedTo(environment, null);
        }

        /** Records a deployment of this version to the environment (created when missing) and application instance. */
        public VersionBuilder deployedTo(String environment, String applicationInstance) {
            deployments.recordDeployment(
                    versions.get(pacticipant, number), environment(environment), applicationInstance);
            return this;
        }

        /**
         * Records a deployment of this version to the environment (created when missing) and application instance
         * (or none), then gives the deployment the uuid a test needs to address it by (the broker generates one; a
         * client only ever learns it from a response, so no API chooses it).
         */
        public VersionBuilder deployedAs(String uuid, String environment, String applicationInstance) {
            String generated = deployments
                    .recordDeployment(versions.get(pacticipant, number), environment(environment), applicationInstance)
                    .value()
                    .uuid();
            database.update("UPDATE deployed_versions SET uuid = ? WHERE uuid = ?", uuid, generated);
            return this;
        }

        /** Records that this version's deployments to the environment have ended. */
        public VersionBuilder undeployedFrom(String environment) {
            ObjectNode body = JSON.createObjectNode().put("currentlyDeployed", false);
            deployments.deployedVersions(pacticipant, number, existing(environment)).stream()
                    .filter(DeployedVersion::currentlyDeployed)
                    .forEach(deployed -> deployments.updateDeployment(deployed.uuid(), body));
            return this;
        }

        /** Records a release of this version to the environment (created when missing). */
        public VersionBuilder releasedTo(String environment) {
            deployments.recordRelease(versions.get(pacticipant, number), environment(environment));
            return this;
        }

        /** Ends the support of this version's release in the environment. */
        public VersionBuilder supportEndedIn(String environment) {
            ObjectNode body = JSON.createObjectNode().put("currentlySupported", false);
            deployments
                    .releasedVersions(pacticipant, number, existing(environment))
                    .forEach(released -> deployments.updateRelease(released.uuid(), body));
            return this;
        }

        private Environment existing(String environment) {
            return environments.findByName(environment).orElseThrow();
        }

        /** This (provider) version publishes a successful verification of the consumer version's pact. */
        public VersionBuilder verifies(String consumer, String consumerVersion) {
            return verifies(consumer, consumerVersion, true, null);
        }

        /** This (provider) version publishes a failed verification of the consumer version's pact. */
        public VersionBuilder failsToVerify(String consumer, String consumerVersion) {
            return verifies(consumer, consumerVersion, false, null);
        }

        /**
         * This (provider) version publishes a verification result of the consumer version's pact, through the
         * verification service, to the link with the given selection metadata (or none).
         */
        public VersionBuilder verifies(String consumer, String consumerVersion, boolean success, String metadata) {
            return publishVerification(consumer, consumerVersion, success, metadata, JSON.createObjectNode());
        }

        /** Publishes the verification body (with the result and this version added) for the consumer version's pact. */
        VersionBuilder publishVerification(
                String consumer, String consumerVersion, boolean success, String metadata, ObjectNode body) {
            PactService.Pair pair = pacts.pair(pacticipant, consumer);
            String sha = pacts.get(
                            PactQuery.between(pair.consumer().id, pair.provider().id)
                                    .consumerVersion(consumerVersion),
                            "for " + consumer + " " + consumerVersion)
                    .sha();
            body.put("success", success);
            body.put("providerApplicationVersion", number);
            verifications.publish(pacticipant, consumer, sha, metadata, body);
            return this;
        }
    }
}
