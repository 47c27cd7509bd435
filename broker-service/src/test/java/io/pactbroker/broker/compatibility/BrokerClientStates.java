package io.pactbroker.broker.compatibility;

import static io.pactbroker.broker.compatibility.RecordedRequests.DEPLOYED_VERSION;
import static io.pactbroker.broker.compatibility.RecordedRequests.ENVIRONMENT;
import static io.pactbroker.broker.compatibility.RecordedRequests.FOO_VERSION;
import static io.pactbroker.broker.compatibility.RecordedRequests.TEST_ENVIRONMENT;

import io.pactbroker.broker.support.World;
import io.pactbroker.verifier.ProviderVerifier;
import java.util.List;

/**
 * The provider states of the Pact Broker client's contracts, each built through the broker's services on an empty
 * database (the README of {@code broker-client-contracts} describes them; the Pact Broker's own provider states for
 * the client are the reference). Pacts of different versions have different content, as the reference's revised
 * pacts do, so a verification belongs to one consumer version only.
 */
final class BrokerClientStates {

    /** States that name something absent, or a relation the index always has: nothing to set up. */
    static final List<String> NOTHING_TO_SET_UP = List.of(
            "'Condor' does not exist in the pact-broker",
            "the 'Pricing Service' does not exist in the pact-broker",
            "no pact between Condor and the Pricing Service exists",
            "the pacticipant relations are present",
            "the pb:environments relation exists in the index resource",
            "the pb:latest-tagged-version relation exists in the index resource",
            "the pb:latest-version relation exists in the index resource",
            "the pb:pacticipant-branch relation exists in the index resource",
            "the pb:pacticipant-version and pb:environments relations exist in the index resource",
            "the pb:publish-contracts relations exists in the index resource",
            "a pacticipant version with production details exists for the Pricing Service",
            "an empty provider state");

    private BrokerClientStates() {}

    /** Registers a handler for every state of both contracts on the builder. */
    static ProviderVerifier.Builder register(ProviderVerifier.Builder builder, World world) {
        NOTHING_TO_SET_UP.forEach(state -> builder.state(state, params -> {}));

        builder.state("'Condor' exists in the pact-broker", params -> world.consumer("Condor")
                .version("1.3.0"));
        builder.state(
                "'Condor' exists in the pact-broker with version 1.3.0, tagged with 'prod'",
                params -> world.consumer("Condor").version("1.3.0").tagged("prod"));
        builder.state("'Condor' exists in the pact-broker with the latest version 1.2.3", params -> {
            world.consumer("Condor").version("1.0.0");
            world.consumer("Condor").version("1.2.3");
        });
        builder.state(
                "'Condor' exists in the pact-broker with the latest tagged 'production' version 1.2.3", params -> {
                    world.consumer("Condor").version("1.2.3").tagged("production");
                    world.consumer("Condor").version("2.0.0");
                });
        builder.state(
                "the 'Pricing Service' already exists in the pact-broker", params -> world.provider("Pricing Service")
                        .withRepositoryUrl("git@git.realestate.com.au:business-systems/pricing-service")
                        .version("1.3.0"));
        builder.state("the 'Pricing Service' and 'Condor' already exist in the pact-broker", params -> {
            world.consumer("Condor");
            world.provider("Pricing Service");
        });
        builder.state("a pacticipant with name Foo exists", params -> world.pacticipant("Foo"));
        builder.state(
                "a branch named main exists for pacticipant Foo",
                params -> world.consumer("Foo").version("1").onBranch("main"));

        // Pacts between Condor and the Pricing Service: no interactions, as the contracts expect "interactions": [].
        for (String state : List.of(
                "a pact between Condor and the Pricing Service exists",
                "a latest pact between Condor and the Pricing Service exists",
                "the 'Pricing Service' and 'Condor' already exist in the pact-broker, and Condor already has a pact"
                        + " published for version 1.3.0")) {
            builder.state(state, params -> world.consumer("Condor")
                    .version("1.3.0")
                    .publishesPactWith("Pricing Service", pact -> pact));
        }
        for (String state : List.of(
                "a pact between Condor and the Pricing Service exists for the production version of Condor",
                "tagged as prod pact between Condor and the Pricing Service exists")) {
            builder.state(state, params -> world.consumer("Condor")
                    .version("1.3.0")
                    .tagged("prod")
                    .publishesPactWith("Pricing Service", pact -> pact));
        }
        builder.state("a webhook with the uuid 696c5f93-1b7f-44bc-8d03-59440fcaa9a0 exists", params -> {
            world.consumer("Condor");
            world.provider("Pricing Service");
            world.webhook("696c5f93-1b7f-44bc-8d03-59440fcaa9a0", "Condor", "Pricing Service");
        });

        // The matrix: pacts of Foo (or "Foo Thing") with Bar, and Bar's verifications of them.
        for (String consumer : List.of("Foo", "Foo Thing")) {
            builder.state(
                    "the pact for " + consumer + " version 1.2.3 has been verified by Bar version 4.5.6", params -> {
                        world.consumer(consumer).version("1.2.3").publishesPactWith("Bar");
                        world.provider("Bar").version("4.5.6").verifies(consumer, "1.2.3");
                        world.provider("Bar").version("7.8.9").verifies(consumer, "1.2.3");
                        world.consumer(consumer).version("2.0.0").publishesPactWith("Bar");
                        world.provider("Bar").version("4.5.6").verifies(consumer, "2.0.0");
                    });
        }
        builder.state("the pact for Foo version 1.2.3 and 1.2.4 has been verified by Bar version 4.5.6", params -> {
            world.consumer("Foo").version("1.2.3").publishesPactWith("Bar");
            world.provider("Bar").version("4.5.6").verifies("Foo", "1.2.3");
            world.consumer("Foo").version("1.2.4").publishesPactWith("Bar");
            world.provider("Bar").version("4.5.6").verifies("Foo", "1.2.4");
        });
        builder.state(
                "the pact for Foo version 1.2.3 has been successfully verified by Bar version 4.5.6, and 1.2.4"
                        + " unsuccessfully by 9.9.9",
                params -> {
                    world.consumer("Foo").version("1.2.3").publishesPactWith("Bar");
                    world.provider("Bar").version("4.5.6").verifies("Foo", "1.2.3");
                    world.consumer("Foo").version("1.2.4").publishesPactWith("Bar");
                    world.provider("Bar").version("9.9.9").failsToVerify("Foo", "1.2.4");
                });
        builder.state(
                "the pact for Foo version 1.2.3 has been successfully verified by Bar version 4.5.6 with tag prod, and"
                        + " 1.2.4 unsuccessfully by 9.9.9",
                params -> {
                    world.consumer("Foo").version("1.2.3").publishesPactWith("Bar");
                    world.provider("Bar")
                            .version("4.5.6")
                            .verifies("Foo", "1.2.3")
                            .tagged("prod");
                    world.consumer("Foo").version("1.2.4").publishesPactWith("Bar");
                    world.provider("Bar").version("9.9.9").failsToVerify("Foo", "1.2.4");
                });
        builder.state(
                "the pact for Foo version 1.2.3 has been verified by Bar version 4.5.6 and version 5.6.7", params -> {
                    world.consumer("Foo").version("1.2.3").publishesPactWith("Bar");
                    world.provider("Bar").version("4.5.6").verifies("Foo", "1.2.3");
                    world.provider("Bar").version("5.6.7").verifies("Foo", "1.2.3");
                });
        builder.state(
                "the pact for Foo version 1.2.3 has been successfully verified by Bar version 4.5.6 (tagged prod) and"
                        + " version 5.6.7",
                params -> {
                    world.consumer("Foo").version("1.2.3").publishesPactWith("Bar");
                    world.provider("Bar")
                            .version("4.5.6")
                            .verifies("Foo", "1.2.3")
                            .tagged("prod");
                    world.provider("Bar").version("5.6.7").verifies("Foo", "1.2.3");
                });
        builder.state(
                "provider Bar version 4.5.6 has a successful verification for Foo version 1.2.3 tagged prod and a"
                        + " failed verification for version 3.4.5 tagged prod",
                params -> {
                    world.consumer("Foo").version("1.2.3").tagged("prod").publishesPactWith("Bar");
                    world.provider("Bar").version("4.5.6").verifies("Foo", "1.2.3");
                    world.consumer("Foo").version("3.4.5").tagged("prod").publishesPactWith("Bar");
                    world.provider("Bar").version("4.5.6").failsToVerify("Foo", "3.4.5");
                });

        // Environments, deployments and releases.
        builder.state(
                "an environment exists", params -> world.environmentWithContact("test", null, "foo", "foo@bar.com"));
        builder.state("an environment with name test exists", params -> world.environment("test"));
        builder.state(
                "an environment with name test and UUID " + ENVIRONMENT + " exists",
                params -> world.environment("test", ENVIRONMENT, false));
        for (String state : List.of(
                "version " + FOO_VERSION + " of pacticipant Foo exists with a test environment available for"
                        + " deployment",
                "version " + FOO_VERSION + " of pacticipant Foo exists with a test environment available for"
                        + " release")) {
            builder.state(state, params -> {
                world.consumer("Foo").version(FOO_VERSION);
                world.environment("test", TEST_ENVIRONMENT, false);
            });
        }
        builder.state(
                "version " + FOO_VERSION + " of pacticipant Foo exists with 2 environments that aren't test available"
                        + " for deployment",
                params -> {
                    world.consumer("Foo").version(FOO_VERSION);
                    world.environment("prod");
                    world.environment("dev");
                });
        builder.state(
                "an version is deployed to environment with UUID " + ENVIRONMENT + " with target customer-1",
                params -> {
                    world.environment("test", ENVIRONMENT, false);
                    world.consumer("Foo").version(FOO_VERSION).deployedAs(DEPLOYED_VERSION, "test", "customer-1");
                });
        builder.state("a currently deployed version exists", params -> {
            world.environment("test", TEST_ENVIRONMENT, false);
            world.consumer("Foo").version(FOO_VERSION).deployedAs(DEPLOYED_VERSION, "test", null);
        });
        return builder;
    }
}
