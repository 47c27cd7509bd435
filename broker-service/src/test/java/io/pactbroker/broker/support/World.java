package io.pactbroker.broker.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.broker.pacticipants.PacticipantService;
import io.pactbroker.broker.pacts.PactService;
import io.pactbroker.broker.versions.BranchService;
import io.pactbroker.broker.versions.TagService;
import io.pactbroker.broker.versions.VersionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    }
}
