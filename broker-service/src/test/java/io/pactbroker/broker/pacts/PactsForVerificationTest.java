package io.pactbroker.broker.pacts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.pactbroker.broker.common.security.AuthConfig;
import io.pactbroker.broker.common.security.AuthPolicy;
import io.pactbroker.broker.support.ApiTest;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pacts for verification: every selector alone and combined, the defaults, deduplication, texts and errors. */
@QuarkusTest
class PactsForVerificationTest extends ApiTest {

    private static final String PATH = "/pacts/provider/Bar/for-verification";

    private static ValidatableResponse forVerification(String body) {
        return json(body).when().post(PATH).then().statusCode(200);
    }

    /** The names of the selected pacts ("Pact between Foo (1) and Bar"), in order. */
    private static List<String> selected(String body) {
        return forVerification(body).extract().jsonPath().getList("_embedded.pacts._links.self.name");
    }

    private static List<String> shortDescriptions(String body) {
        return forVerification(body).extract().jsonPath().getList("_embedded.pacts.shortDescription");
    }

    private static String selectors(String selectors) {
        return "{\"includePendingStatus\": false, \"consumerVersionSelectors\": [" + selectors + "]}";
    }

    // one selector at a time

    @Test
    void shouldSelectTheHeadOfEachConsumersMainBranch() {
        world.consumer("Foo").withMainBranch("main");
        world.consumer("Foo").version("1").onBranch("main").publishesPactWith("Bar");
        world.consumer("Foo").version("2").onBranch("main").publishesPactWith("Bar");
        world.consumer("Foo").version("3").onBranch("feat-x").publishesPactWith("Bar");
        world.consumer("Baz").withMainBranch("develop");
        world.consumer("Baz").version("1").onBranch("develop").publishesPactWith("Bar");
        // a branch that is not a main branch candidate (develop, main, master), so Qux has no main branch
        world.consumer("Qux").version("1").onBranch("trunk").publishesPactWith("Bar");

        assertThat(selected(selectors("{\"mainBranch\": true}")))
                .containsExactly("Pact between Baz (1) and Bar", "Pact between Foo (2) and Bar");
        assertThat(shortDescriptions(selectors("{\"mainBranch\": true}")))
                .containsExactly("latest from main branch", "latest from main branch");
    }

    @Test
    void shouldSelectNothingForABranchWhoseHeadHasNoPactWithTheProvider() {
        world.consumer("Foo").withMainBranch("main");
        world.consumer("Foo").version("1").onBranch("main").publishesPactWith("Bar");
        world.consumer("Foo").version("2").onBranch("main").publishesPactWith("Other");

        assertThat(selected(selectors("{\"mainBranch\": true}"))).isEmpty();
    }

    @Test
    void shouldSelectTheHeadOfTheNamedBranch() {
        world.consumer("Foo").version("1").onBranch("feat-x").publishesPactWith("Bar");
        world.consumer("Foo").version("2").onBranch("feat-x").publishesPactWith("Bar");
        world.consumer("Foo").version("3").onBranch("main").publishesPactWith("Bar");
        world.consumer("Baz").version("1").onBranch("main").publishesPactWith("Bar");

        assertThat(selected(selectors("{\"branch\": \"feat-x\"}"))).containsExactly("Pact between Foo (2) and Bar");
        assertThat(shortDescriptions(selectors("{\"branch\": \"feat-x\"}")))
                .containsExactly("latest from branch feat-x");
    }

    @Test
    void shouldSelectTheHeadOfEveryBranchForBranchTrue() {
        world.consumer("Foo").version("1").onBranch("feat-x").publishesPactWith("Bar");
        world.consumer("Foo").version("2").onBranch("main").publishesPactWith("Bar");
        world.consumer("Foo").version("3").onBranch("main").publishesPactWith("Bar");

        assertThat(selected(selectors("{\"branch\": true}")))
                .containsExactly("Pact between Foo (1) and Bar", "Pact between Foo (3) and Bar");
        assertThat(shortDescriptions(selectors("{\"branch\": true}")))
                .containsExactly("latest from branch feat-x", "latest from branch main");
    }

    @Test
    void shouldSelectTheBranchMatchingTheProviderBranch() {
        world.consumer("Foo").version("1").onBranch("feat-x").publishesPactWith("Bar");
        world.consumer("Foo").version("2").onBranch("main").publishesPactWith("Bar");

        assertThat(selected("{\"providerVersionBranch\": \"feat-x\", \"includePendingStatus\": false,"
                        + " \"consumerVersionSelectors\": [{\"matchingBranch\": true}]}"))
                .containsExactly("Pact between Foo (1) and Bar");
    }

    @Test
    void shouldFallBackToAnotherBranchWhenNoConsumerHasTheBranch() {
        world.consumer("Foo").version("1").onBranch("main").publishesPactWith("Bar");
        String selector = "{\"branch\": \"feat-x\", \"fallbackBranch\": \"main\"}";

        assertThat(selected(selectors(selector))).containsExactly("Pact between Foo (1) and Bar");
        assertThat(shortDescriptions(selectors(selector))).containsExactly("latest from branch main");

        world.consumer("Foo").version("2").onBranch("feat-x").publishesPactWith("Bar");
        assertThat(selected(selectors(selector))).containsExactly("Pact between Foo (2) and Bar");
    }

    @Test
    void shouldSelectTheNewestVersionWithTheTagOrEveryOne() {
        world.consumer("Foo").version("1").tagged("prod").publishesPactWith("Bar");
        world.consumer("Foo").version("2").tagged("prod").publishesPactWith("Bar");
        world.consumer("Foo").version("3").tagged("dev").publishesPactWith("Bar");

        assertThat(selected(selectors("{\"tag\": \"prod\", \"latest\": true}")))
                .containsExactly("Pact between Foo (2) and Bar");
        assertThat(selected(selectors("{\"tag\": \"prod\"}")))
                .containsExactly("Pact between Foo (1) and Bar", "Pact between Foo (2) and Bar");
        assertThat(shortDescriptions(selectors("{\"tag\": \"prod\"}"))).containsExactly("one of prod", "one of prod");
        assertThat(shortDescriptions(selectors("{\"tag\": \"prod\", \"consumer\": \"Foo\"}")))
                .containsExactly("one of Foo prod", "one of Foo prod");
    }

    @Test
    void shouldFallBackToAnotherTagWhenNoConsumerHasTheTag() {
        world.consumer("Foo").version("1").tagged("master").publishesPactWith("Bar");
        String selector = "{\"tag\": \"feat-x\", \"latest\": true, \"fallbackTag\": \"master\"}";

        forVerification(selectors(selector))
                .body("_embedded.pacts._links.self.name", contains("Pact between Foo (1) and Bar"))
                .body("_embedded.pacts[0].shortDescription", equalTo("latest with tag master"))
                .body(
                        "_embedded.pacts[0].verificationProperties.notices[0].text",
                        org.hamcrest.Matchers.endsWith("\n    * latest version tagged 'master' (fallback tag used as no"
                                + " pact was found with tag 'feat-x') (1)"));
    }

    @Test
    void shouldSelectTheLatestPactOfEachConsumerOrOfOne() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.consumer("Foo").version("2").publishesPactWith("Bar");
        world.consumer("Foo").version("3").publishesPactWith("Other");
        world.consumer("Baz").version("1").publishesPactWith("Bar");

        assertThat(selected(selectors("{\"latest\": true}")))
                .containsExactly("Pact between Baz (1) and Bar", "Pact between Foo (2) and Bar");
        assertThat(selected(selectors("{\"latest\": true, \"consumer\": \"Foo\"}")))
                .containsExactly("Pact between Foo (2) and Bar");
        assertThat(selected(selectors("{\"latest\": true, \"consumer\": \"Nobody\"}")))
                .isEmpty();
    }

    @Test
    void shouldSelectTheVersionsCurrentlyDeployed() {
        world.consumer("Foo").version("1").publishesPactWith("Bar").deployedTo("prod");
        world.consumer("Foo").version("2").publishesPactWith("Bar").deployedTo("test");
        world.consumer("Foo").version("3").publishesPactWith("Bar").deployedTo("test");
        world.consumer("Foo")
                .version("4")
                .publishesPactWith("Bar")
                .deployedTo("qa")
                .undeployedFrom("qa");

        assertThat(selected(selectors("{\"deployed\": true}")))
                .containsExactly("Pact between Foo (1) and Bar", "Pact between Foo (3) and Bar");
        assertThat(selected(selectors("{\"deployed\": true, \"environment\": \"prod\"}")))
                .containsExactly("Pact between Foo (1) and Bar");
        assertThat(shortDescriptions(selectors("{\"deployed\": true, \"environment\": \"prod\"}")))
                .containsExactly("deployed to prod");
    }

    @Test
    void shouldSelectEveryApplicationInstanceDeployedToAnEnvironment() {
        world.consumer("Foo").version("1").publishesPactWith("Bar").deployedTo("prod", "customer-1");
        world.consumer("Foo").version("2").publishesPactWith("Bar").deployedTo("prod", "customer-2");

        assertThat(selected(selectors("{\"deployed\": true, \"environment\": \"prod\"}")))
                .containsExactly("Pact between Foo (1) and Bar", "Pact between Foo (2) and Bar");
    }

    @Test
    void shouldSelectTheVersionsReleasedAndStillSupported() {
        world.consumer("Foo").version("1").publishesPactWith("Bar").releasedTo("prod");
        world.consumer("Foo").version("2").publishesPactWith("Bar").releasedTo("prod");
        world.consumer("Foo")
                .version("3")
                .publishesPactWith("Bar")
                .releasedTo("prod")
                .supportEndedIn("prod");

        assertThat(selected(selectors("{\"released\": true}")))
                .containsExactly("Pact between Foo (1) and Bar", "Pact between Foo (2) and Bar");
        assertThat(shortDescriptions(selectors("{\"released\": true, \"environment\": \"prod\"}")))
                .containsExactly("released in prod", "released in prod");
    }

    @Test
    void shouldSelectDeployedOrReleasedVersionsAndEverythingInAnEnvironment() {
        world.consumer("Foo").version("1").publishesPactWith("Bar").releasedTo("prod");
        world.consumer("Foo").version("2").publishesPactWith("Bar").deployedTo("prod");
        world.consumer("Foo").version("3").publishesPactWith("Bar").deployedTo("test");

        assertThat(selected(selectors("{\"deployedOrReleased\": true, \"environment\": \"prod\"}")))
                .containsExactly("Pact between Foo (1) and Bar", "Pact between Foo (2) and Bar");
        assertThat(selected(selectors("{\"deployedOrReleased\": true}")))
                .containsExactly(
                        "Pact between Foo (1) and Bar", "Pact between Foo (2) and Bar", "Pact between Foo (3) and Bar");
        forVerification(selectors("{\"environment\": \"prod\"}"))
                .body(
                        "_embedded.pacts._links.self.name",
                        contains("Pact between Foo (1) and Bar", "Pact between Foo (2) and Bar"))
                .body("_embedded.pacts.shortDescription", contains("in environment prod", "in environment prod"))
                .body(
                        "_embedded.pacts[0].verificationProperties.notices[0].text",
                        org.hamcrest.Matchers.endsWith("\n    * a consumer version in environment prod (1)"));
    }

    // the defaults and combinations

    @Test
    void shouldUseMainBranchesTagsNamedLikeThemOrTheLatestAndDeploymentsWhenNoSelectorsAreGiven() {
        world.consumer("Foo").withMainBranch("main");
        world.consumer("Foo").version("1").onBranch("main").publishesPactWith("Bar");
        world.consumer("Foo").version("2").onBranch("feat").publishesPactWith("Bar");
        world.consumer("Baz").withMainBranch("master");
        world.consumer("Baz").version("1").tagged("master").publishesPactWith("Bar");
        world.consumer("Baz").version("2").publishesPactWith("Bar");
        world.consumer("Qux").version("1").publishesPactWith("Bar").deployedTo("prod");
        world.consumer("Qux").version("2").publishesPactWith("Bar");
        world.consumer("Qux").version("3").publishesPactWith("Bar").releasedTo("app-store");

        forVerification("{}")
                .body(
                        "_embedded.pacts._links.self.name",
                        contains(
                                "Pact between Baz (1) and Bar",
                                "Pact between Foo (1) and Bar",
                                "Pact between Qux (1) and Bar",
                                "Pact between Qux (3) and Bar"))
                .body(
                        "_embedded.pacts.shortDescription",
                        contains(
                                "latest with tag master",
                                "latest from main branch",
                                "deployed to prod",
                                "latest, released in app-store"));
        given().contentType("application/json")
                .when()
                .post(PATH)
                .then()
                .statusCode(200)
                .body("_embedded.pacts", hasSize(4));
    }

    @Test
    void shouldListContentSelectedSeveralTimesOnceWithEverySelectorAndTheNewestVersion() {
        world.consumer("Foo").withMainBranch("main");
        world.consumer("Foo")
                .version("1")
                .onBranch("main")
                .tagged("prod")
                .publishesPactWith("Bar", p -> p.interaction("get order"))
                .deployedTo("prod");
        world.consumer("Foo").version("2").onBranch("main").publishesPactWith("Bar", p -> p.interaction("get order"));

        forVerification("{\"consumerVersionSelectors\": [{\"deployed\": true}, {\"mainBranch\": true},"
                        + " {\"tag\": \"prod\", \"latest\": true}], \"includePendingStatus\": false}")
                .body("_embedded.pacts", hasSize(1))
                .body("_embedded.pacts[0]._links.self.name", equalTo("Pact between Foo (2) and Bar"))
                .body(
                        "_embedded.pacts[0].shortDescription",
                        equalTo("latest with tag prod, deployed to prod, latest from main branch"))
                .body(
                        "_embedded.pacts[0].verificationProperties.notices[0].text",
                        equalTo("The pact at " + baseUrl() + "/pacts/provider/Bar/consumer/Foo/pact-version/"
                                + sha("Foo", "1") + " is being verified because the pact content belongs to the"
                                + " consumer versions matching the following criteria:\n"
                                + "    * latest version tagged 'prod' (1)\n"
                                + "    * consumer version(s) currently deployed to prod (1)\n"
                                + "    * latest version from the main branch 'main' (2)"));
    }

    @Test
    void shouldListDifferentContentsSeparatelyOrderedByConsumerAndVersion() {
        world.consumer("foo").version("1").tagged("prod").publishesPactWith("Bar");
        world.consumer("Baz").version("1").tagged("prod").publishesPactWith("Bar");
        world.consumer("foo").version("2").tagged("prod").publishesPactWith("Bar");

        assertThat(selected(selectors("{\"tag\": \"prod\"}")))
                .containsExactly(
                        "Pact between Baz (1) and Bar", "Pact between foo (1) and Bar", "Pact between foo (2) and Bar");
    }

    // the response

    @Test
    void shouldAnswerAsThePactBrokersGoldenResponseDoes() {
        world.consumer("Consumer").version("0.0.1").publishesPactWith("Provider");
        world.consumer("Consumer 2").version("4.5.6").tagged("prod").publishesPactWith("Provider");

        String sha = sha("Consumer 2", "4.5.6", "Provider");
        json("{\"consumerVersionSelectors\": [{\"tag\": \"prod\", \"latest\": true}], \"includePendingStatus\": false,"
                        + " \"providerVersionTags\": [\"main\"]}")
                .accept("application/hal+json")
                .when()
                .post("/pacts/provider/Provider/for-verification")
                .then()
                .statusCode(200)
                .contentType("application/hal+json;charset=utf-8")
                .body("_embedded.pacts", hasSize(1))
                .body("_embedded.pacts[0].shortDescription", equalTo("latest with tag prod"))
                .body("_embedded.pacts[0].verificationProperties", not(hasKey("pending")))
                .body("_embedded.pacts[0].verificationProperties", not(hasKey("wip")))
                .body("_embedded.pacts[0].verificationProperties.notices", hasSize(1))
                .body("_embedded.pacts[0].verificationProperties.notices[0].when", equalTo("before_verification"))
                .body(
                        "_embedded.pacts[0].verificationProperties.notices[0].text",
                        equalTo("The pact at " + baseUrl()
                                + "/pacts/provider/Provider/consumer/Consumer%202/pact-version/"
                                + sha + " is being verified because the pact content belongs to the consumer version"
                                + " matching the following criterion:\n    * latest version tagged 'prod' (4.5.6)"))
                .body(
                        "_embedded.pacts[0]._links.self.href",
                        startsWith(baseUrl() + "/pacts/provider/Provider/consumer/Consumer%202/pact-version/" + sha
                                + "/metadata/"))
                .body("_embedded.pacts[0]._links.self.name", equalTo("Pact between Consumer 2 (4.5.6) and Provider"))
                .body("_links.self.href", equalTo(baseUrl() + "/pacts/provider/Provider/for-verification"))
                .body("_links.self.title", equalTo("Pacts to be verified"));
    }

    @Test
    void shouldTellThePendingStatusUnlessAskedNotTo() {
        world.consumer("Foo").version("1").tagged("prod").publishesPactWith("Bar");

        forVerification("{\"consumerVersionSelectors\": [{\"tag\": \"prod\"}]}")
                .body("_embedded.pacts[0].verificationProperties.pending", equalTo(true))
                .body("_embedded.pacts[0].verificationProperties.notices", hasSize(6))
                .body(
                        "_embedded.pacts[0].verificationProperties.notices.when",
                        contains(
                                "before_verification",
                                "before_verification",
                                "after_verification:success_true_published_false",
                                "after_verification:success_false_published_false",
                                "after_verification:success_true_published_true",
                                "after_verification:success_false_published_true"));
    }

    @Test
    void shouldAnswerTheDeprecatedGetWithAWarning() {
        world.consumer("Foo").version("1").tagged("prod").publishesPactWith("Bar");
        world.consumer("Foo").version("2").publishesPactWith("Bar");

        given().when()
                .get(PATH + "?consumer_version_selectors[][tag]=prod&consumer_version_selectors[][latest]=true")
                .then()
                .statusCode(200)
                .body("_embedded.pacts._links.self.name", contains("Pact between Foo (1) and Bar"))
                .body(
                        "_embedded.pacts[0].verificationProperties.notices[0].text",
                        startsWith("WARNING - this version of the Pact library uses a beta version of the API"));
        given().when()
                .get(PATH + "?consumer_version_selectors[][latest]=true")
                .then()
                .statusCode(400)
                .body("errors.consumer_version_selectors", contains("tag is missing (at index 0)"));
        given().when().get("/pacts/provider/Nobody/for-verification").then().statusCode(404);
    }

    // errors

    @Test
    void shouldRefuseInvalidSelectorsWithThePactBrokersMessagesAndChangeNothing() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        var before = database.fingerprint();

        json("{\"consumerVersionSelectors\": [{\"tag\": \"prod\", \"branch\": \"main\"}, {\"environment\":"
                        + " \"nowhere\"}], \"includeWipPactsSince\": \"soon\"}")
                .when()
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors.includeWipPactsSince", contains("must be a date"))
                .body(
                        "errors.consumerVersionSelectors",
                        contains(
                                "cannot specify both a tag and a branch (at index 0)",
                                "environment with name 'nowhere' does not exist (at index 1)"));

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownProvider() {
        json("{}")
                .when()
                .post("/pacts/provider/Nobody/for-verification")
                .then()
                .statusCode(404)
                .body("error", equalTo("No provider with name 'Nobody' found"));
    }

    @Test
    void shouldRefuseABodyThatIsNotJson() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");

        given().contentType("text/plain").body("hello").when().post(PATH).then().statusCode(415);
        given().contentType("application/json")
                .body("[1]")
                .when()
                .post(PATH)
                .then()
                .statusCode(400);
    }

    @Test
    void shouldLetTheReadOnlyUserAskForPactsToVerifyButNotPublishResults() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        QuarkusMock.installMockForType(new AuthPolicy(readerAndAdmin()), AuthPolicy.class);

        given().contentType("application/json")
                .body("{}")
                .when()
                .post(PATH)
                .then()
                .statusCode(401);
        given().auth()
                .preemptive()
                .basic("reader", "r3ad")
                .contentType("application/json")
                .body("{}")
                .when()
                .post(PATH)
                .then()
                .statusCode(200)
                .body("_embedded.pacts", hasSize(1));
        given().auth()
                .preemptive()
                .basic("reader", "r3ad")
                .contentType("application/json")
                .body("{\"success\": true, \"providerApplicationVersion\": \"1\"}")
                .when()
                .post("/pacts/provider/Bar/consumer/Foo/pact-version/" + sha("Foo", "1") + "/verification-results")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldSelectNothingForAProviderWithoutPacts() {
        world.provider("Bar");

        forVerification("{}").body("_embedded.pacts", empty());
    }

    private String sha(String consumer, String version) {
        return sha(consumer, version, "Bar");
    }

    private String sha(String consumer, String version, String provider) {
        return JsonPath.from(
                        given().get("/pacts/provider/" + provider + "/consumer/" + consumer + "/version/" + version)
                                .asString())
                .getString("_links.'pb:pact-version'.name");
    }

    /** Basic auth with a read/write user (admin) and a read-only user (reader). */
    static AuthConfig readerAndAdmin() {
        return new AuthConfig() {
            public Optional<String> basicAuthUsername() {
                return Optional.of("admin");
            }

            public Optional<String> basicAuthPassword() {
                return Optional.of("s3cret");
            }

            public Optional<String> basicAuthReadOnlyUsername() {
                return Optional.of("reader");
            }

            public Optional<String> basicAuthReadOnlyPassword() {
                return Optional.of("r3ad");
            }

            public Optional<String> bearerToken() {
                return Optional.empty();
            }

            public Optional<String> readOnlyBearerToken() {
                return Optional.empty();
            }

            public boolean allowPublicRead() {
                return false;
            }

            public boolean publicHeartbeat() {
                return false;
            }
        };
    }
}
