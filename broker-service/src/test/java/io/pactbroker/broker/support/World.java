package io.pactbroker.broker.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.pactbroker.broker.environments.DeploymentService;
import io.pactbroker.broker.environments.Environment;
import io.pactbroker.broker.environments.EnvironmentService;
import io.pactbroker.broker.pacticipants.PacticipantService;
import io.pactbroker.broker.pacts.PactService;
import io.pactbroker.broker.versions.BranchService;
import io.pactbroker.broker.versions.TagService;
import io.pactbroker.broker.versions.VersionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
    EnvironmentService environments;

    @Inject
    DeploymentService deployments;

    @Inject
    AgroalDataSource dataSource;

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

    /** A non-production environment with that name (and a generated uuid). */
    public Environment environment(String name) {
        return environment(name, null, false);
    }

    /** An environment with a chosen uuid (null to generate one). */
    public Environment environment(String name, String uuid, boolean production) {
        ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        body.put("name", name);
        body.put("production", production);
        if (uuid != null) {
            body.put("uuid", uuid);
        }
        return environments.create(body);
    }

    /**
     * Records a verification of the pact the consumer version published for the provider, by the provider version
     * (created when missing), directly in the verifications table.
     *
     * <p>Test data only: the verification results feature (issue 4) owns publishing; this inserts the row the matrix
     * reads, with the next verification number for the pact content.
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
        Long providerVersionId =
                versions.findOrCreate(provider, providerVersion).version().id;
        String sql = "INSERT INTO verifications (number, success, provider_version_id, provider_id, consumer_id,"
                + " pact_version_id, test_results, build_url)"
                + " SELECT coalesce((SELECT max(v.number) FROM verifications v"
                + " WHERE v.pact_version_id = lpp.pact_version_id), 0) + 1, ?, ?, lpp.provider_id, lpp.consumer_id,"
                + " lpp.pact_version_id, CAST(? AS jsonb), ?"
                + " FROM latest_pact_publication_ids_for_consumer_versions lpp"
                + " JOIN versions cv ON cv.id = lpp.consumer_version_id"
                + " JOIN pacticipants c ON c.id = lpp.consumer_id JOIN pacticipants p ON p.id = lpp.provider_id"
                + " WHERE c.name = ? AND cv.number = ? AND p.name = ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setBoolean(1, success);
            s.setLong(2, providerVersionId);
            s.setString(3, testResults);
            s.setString(4, "https://ci.example/" + provider + "/" + providerVersion);
            s.setString(5, consumer);
            s.setString(6, consumerVersion);
            s.setString(7, provider);
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException(
                        "No pact from " + consumer + " " + consumerVersion + " for " + provider + " to verify");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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

        /** Records a deployment of this version to the environment (no application instance). */
        public VersionBuilder deployedTo(String environment) {
            return deployedTo(environment, null);
        }

        /** Records a deployment of this version to the environment and application instance. */
        public VersionBuilder deployedTo(String environment, String applicationInstance) {
            deployments.recordDeployment(
                    versions.get(pacticipant, number),
                    environments.findByName(environment).orElseThrow(),
                    applicationInstance);
            return this;
        }

        /** Records a release of this version to the environment. */
        public VersionBuilder releasedTo(String environment) {
            deployments.recordRelease(
                    versions.get(pacticipant, number),
                    environments.findByName(environment).orElseThrow());
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
    }
}
