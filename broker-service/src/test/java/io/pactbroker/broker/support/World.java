package io.pactbroker.broker.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.broker.pacticipants.PacticipantService;
import io.pactbroker.broker.pacts.PactQuery;
import io.pactbroker.broker.pacts.PactService;
import io.pactbroker.broker.verifications.VerificationService;
import io.pactbroker.broker.versions.BranchService;
import io.pactbroker.broker.versions.TagService;
import io.pactbroker.broker.versions.VersionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * States a test's world in a few lines, through the broker's own services:
 *
 * <pre>{@code
 * world.consumer("Foo").version("1.0.0").onBranch("main").tagged("prod").publishesPactWith("Bar");
 * world.consumer("Foo").version("1.0.1").publishesPactWith("Bar", pact -> pact.interaction("get order"));
 * }</pre>
 */
@ApplicationScoped
public class World {

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
    Database database;

    public PacticipantBuilder consumer(String name) {
        return pacticipant(name);
    }

    public PacticipantBuilder provider(String name) {
        return pacticipant(name);
    }

    /**
     * An environment, written straight into the {@code environments} table (the environments feature, issue 5, owns
     * it; these helpers stand in for its service until it lands). Nothing happens when it exists. Its uuid.
     */
    public String environment(String name) {
        return environment(name, false);
    }

    public String environment(String name, boolean production) {
        database.update(
                "INSERT INTO environments (uuid, name, display_name, production) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (name) DO NOTHING",
                UUID.randomUUID().toString(),
                name,
                name,
                production);
        return database.update("SELECT uuid FROM environments WHERE name = ?", name);
    }

    public PacticipantBuilder pacticipant(String name) {
        pacticipants.findOrCreate(name);
        return new PacticipantBuilder(name);
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

        public PacticipantBuilder withMainBranch(String branch) {
            ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
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
         * Records that this version is deployed to the environment (created when missing), ending the previous
         * deployment of the pacticipant to that environment and application instance, as issue 5's service will: rows
         * in {@code deployed_versions} and {@code currently_deployed_version_ids}, written directly.
         */
        public VersionBuilder deployedTo(String environment) {
            return deployedTo(environment, null);
        }

        public VersionBuilder deployedTo(String environment, String applicationInstance) {
            environment(environment);
            String target = applicationInstance == null ? "" : applicationInstance;
            database.update(
                    "UPDATE deployed_versions SET undeployed_at = now() WHERE undeployed_at IS NULL"
                            + " AND pacticipant_id = (SELECT id FROM pacticipants WHERE name = ?)"
                            + " AND environment_id = (SELECT id FROM environments WHERE name = ?)"
                            + " AND target_for_index = ?",
                    pacticipant,
                    environment,
                    target);
            database.update(
                    "DELETE FROM currently_deployed_version_ids"
                            + " WHERE pacticipant_id = (SELECT id FROM pacticipants WHERE name = ?)"
                            + " AND environment_id = (SELECT id FROM environments WHERE name = ?)"
                            + " AND target_for_index = ?",
                    pacticipant,
                    environment,
                    target);
            database.update(
                    "WITH d AS (INSERT INTO deployed_versions (uuid, version_id, pacticipant_id, environment_id,"
                            + " target, target_for_index) SELECT ?, v.id, v.pacticipant_id, e.id, ?, ?"
                            + " FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id, environments e"
                            + " WHERE p.name = ? AND v.number = ? AND e.name = ?"
                            + " RETURNING id, version_id, pacticipant_id, environment_id, target_for_index)"
                            + " INSERT INTO currently_deployed_version_ids (pacticipant_id, environment_id, version_id,"
                            + " deployed_version_id, target_for_index)"
                            + " SELECT pacticipant_id, environment_id, version_id, id, target_for_index FROM d",
                    UUID.randomUUID().toString(),
                    applicationInstance,
                    target,
                    pacticipant,
                    number,
                    environment);
            return this;
        }

        /** Ends this version's deployment to the environment (written directly, see {@link #deployedTo}). */
        public VersionBuilder undeployedFrom(String environment) {
            database.update(
                    "UPDATE deployed_versions SET undeployed_at = now() WHERE undeployed_at IS NULL"
                            + " AND version_id = (SELECT v.id FROM versions v JOIN pacticipants p"
                            + " ON p.id = v.pacticipant_id WHERE p.name = ? AND v.number = ?)"
                            + " AND environment_id = (SELECT id FROM environments WHERE name = ?)",
                    pacticipant,
                    number,
                    environment);
            database.update(
                    "DELETE FROM currently_deployed_version_ids WHERE version_id = (SELECT v.id FROM versions v"
                            + " JOIN pacticipants p ON p.id = v.pacticipant_id WHERE p.name = ? AND v.number = ?)"
                            + " AND environment_id = (SELECT id FROM environments WHERE name = ?)",
                    pacticipant,
                    number,
                    environment);
            return this;
        }

        /** Records that this version is released to the environment (created when missing); written directly. */
        public VersionBuilder releasedTo(String environment) {
            environment(environment);
            database.update(
                    "INSERT INTO released_versions (uuid, version_id, pacticipant_id, environment_id)"
                            + " SELECT ?, v.id, v.pacticipant_id, e.id FROM versions v"
                            + " JOIN pacticipants p ON p.id = v.pacticipant_id, environments e"
                            + " WHERE p.name = ? AND v.number = ? AND e.name = ?"
                            + " ON CONFLICT (version_id, environment_id) DO NOTHING",
                    UUID.randomUUID().toString(),
                    pacticipant,
                    number,
                    environment);
            return this;
        }

        /** Ends support of this version's release in the environment; written directly. */
        public VersionBuilder supportEndedIn(String environment) {
            database.update(
                    "UPDATE released_versions SET support_ended_at = now() WHERE support_ended_at IS NULL"
                            + " AND version_id = (SELECT v.id FROM versions v JOIN pacticipants p"
                            + " ON p.id = v.pacticipant_id WHERE p.name = ? AND v.number = ?)"
                            + " AND environment_id = (SELECT id FROM environments WHERE name = ?)",
                    pacticipant,
                    number,
                    environment);
            return this;
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
            PactService.Pair pair = pacts.pair(pacticipant, consumer);
            String sha = pacts.get(
                            PactQuery.between(pair.consumer().id, pair.provider().id)
                                    .consumerVersion(consumerVersion),
                            "for " + consumer + " " + consumerVersion)
                    .sha();
            ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
            body.put("success", success);
            body.put("providerApplicationVersion", number);
            verifications.publish(pacticipant, consumer, sha, metadata, body);
            return this;
        }
    }
}
