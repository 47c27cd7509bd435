package io.pactbroker.broker.pacts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.pactbroker.broker.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pending per provider branch (and tag), WIP pacts, and the metadata that carries both into verification results. */
@QuarkusTest
class PendingAndWipTest extends ApiTest {

    private static final String PATH = "/pacts/provider/Bar/for-verification";

    private static JsonPath forVerification(String body) {
        return json(body).when().post(PATH).then().statusCode(200).extract().jsonPath();
    }

    private static Boolean pendingFor(String providerBranch) {
        return forVerification("{\"providerVersionBranch\": \"" + providerBranch + "\", \"includePendingStatus\": true,"
                        + " \"consumerVersionSelectors\": [{\"latest\": true}]}")
                .getBoolean("_embedded.pacts[0].verificationProperties.pending");
    }

    /** The WIP pacts for a provider branch, with the main branches selected explicitly. */
    private static List<Map<String, Object>> wipFor(String providerBranch) {
        return forVerification("{\"providerVersionBranch\": \"" + providerBranch + "\", \"includePendingStatus\": true,"
                        + " \"includeWipPactsSince\": \"2000-01-01\", \"consumerVersionSelectors\":"
                        + " [{\"mainBranch\": true}]}")
                .<Map<String, Object>>getList("_embedded.pacts")
                .stream()
                .filter(p -> Boolean.TRUE.equals(((Map<?, ?>) p.get("verificationProperties")).get("wip")))
                .toList();
    }

    private static List<String> names(List<Map<String, Object>> pacts) {
        return pacts.stream()
                .map(p -> (String) ((Map<?, ?>) ((Map<?, ?>) p.get("_links")).get("self")).get("name"))
                .toList();
    }

    // pending per provider branch

    @Test
    void shouldBePendingUntilAVersionOnTheProviderBranchVerifiesItSuccessfully() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        assertThat(pendingFor("main")).isTrue();

        world.provider("Bar").version("1").onBranch("main").failsToVerify("Foo", "1");
        assertThat(pendingFor("main")).isTrue();

        world.provider("Bar").version("2").onBranch("feat-y").verifies("Foo", "1");
        assertThat(pendingFor("main"))
                .as("main existed before feat-y verified it")
                .isTrue();
        assertThat(pendingFor("feat-y")).isFalse();

        world.provider("Bar").version("3").onBranch("main").verifies("Foo", "1");
        assertThat(pendingFor("main")).isFalse();
    }

    @Test
    void shouldNotBePendingForANewBranchWhatMainVerifiedBeforeTheBranchWasCreated() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.provider("Bar").version("1").onBranch("main").verifies("Foo", "1");

        assertThat(pendingFor("feat-new"))
                .as("a branch that does not exist yet")
                .isFalse();

        world.provider("Bar").version("2").onBranch("feat-new");
        assertThat(pendingFor("feat-new"))
                .as("a branch created after main verified the pact")
                .isFalse();
    }

    @Test
    void shouldStayPendingForABranchCreatedBeforeAnotherBranchVerifiedIt() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.provider("Bar").version("1").onBranch("feat-old");
        world.provider("Bar").version("2").onBranch("main").verifies("Foo", "1");

        assertThat(pendingFor("feat-old")).isTrue();
        assertThat(pendingFor("main")).isFalse();
    }

    @Test
    void shouldShareThePendingStatusOfContentWithEveryConsumerVersionThatPublishedIt() {
        world.consumer("Foo").version("1").publishesPactWith("Bar", p -> p.interaction("get order"));
        world.provider("Bar").version("1").onBranch("main").verifies("Foo", "1");

        world.consumer("Foo").version("2").publishesPactWith("Bar", p -> p.interaction("get order"));

        JsonPath response = forVerification(
                "{\"providerVersionBranch\": \"main\", \"consumerVersionSelectors\":" + " [{\"latest\": true}]}");
        assertThat(response.getString("_embedded.pacts[0]._links.self.name")).isEqualTo("Pact between Foo (2) and Bar");
        assertThat(response.getBoolean("_embedded.pacts[0].verificationProperties.pending"))
                .isFalse();
        assertThat(response.getString("_embedded.pacts[0].verificationProperties.notices[1].text"))
                .isEqualTo("This pact has previously been successfully verified by a version of Bar from branch 'main'."
                        + " If this verification fails, it will fail the build. Read more at"
                        + " https://docs.pact.io/go/pending");
    }

    @Test
    void shouldExplainThePendingStatusForABranch() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");

        JsonPath response = forVerification(
                "{\"providerVersionBranch\": \"main\", \"consumerVersionSelectors\":" + " [{\"latest\": true}]}");

        assertThat(response.getList("_embedded.pacts[0].verificationProperties.notices.text", String.class))
                .containsExactly(
                        "The pact at " + baseUrl() + "/pacts/provider/Bar/consumer/Foo/pact-version/"
                                + response.getString("_embedded.pacts[0]._links.self.href")
                                        .replaceAll(".*/pact-version/([0-9a-f]+)/.*", "$1")
                                + " is being verified because the pact content belongs to the consumer version"
                                + " matching the following criterion:\n    * latest version of a consumer that has a"
                                + " pact with Bar (1)",
                        "This pact is in pending state for this version of Bar because a successful verification"
                                + " result for a version of Bar from branch 'main' has not yet been published. If this"
                                + " verification fails, it will not cause the overall build to fail. Read more at"
                                + " https://docs.pact.io/go/pending",
                        "This pact is still in pending state for any version of Bar from branch 'main' as the"
                                + " successful verification results have not yet been published.",
                        "This pact is still in pending state for any version of Bar from branch 'main' as a successful"
                                + " verification result has not yet been published",
                        "This pact is no longer in pending state for any version of Bar from branch 'main', as a"
                                + " successful verification result has been published. If a verification for a version"
                                + " of Bar fails in the future, it will fail the build. Read more at"
                                + " https://docs.pact.io/go/pending",
                        "This pact is still in pending state for any version of Bar from branch 'main' as a successful"
                                + " verification result has not yet been published");
    }

    // pending per provider tag (older clients) and without either

    @Test
    void shouldBePendingPerProviderTagForClientsThatSendTags() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.provider("Bar").version("0").tagged("master");
        world.provider("Bar").version("1").tagged("dev").verifies("Foo", "1");
        String body = "{\"providerVersionTags\": [\"dev\", \"master\"], \"consumerVersionSelectors\": [{\"latest\":"
                + " true}]}";

        JsonPath response = forVerification(body);

        assertThat(response.getBoolean("_embedded.pacts[0].verificationProperties.pending"))
                .isTrue();
        assertThat(response.getString("_embedded.pacts[0].verificationProperties.notices[1].text"))
                .isEqualTo("This pact is in pending state for this version of Bar because a successful verification"
                        + " result for a version of Bar with tag 'master' has not yet been published. If this"
                        + " verification fails, it will not cause the overall build to fail. Read more at"
                        + " https://docs.pact.io/go/pending");
        assertThat(response.getString("_embedded.pacts[0].verificationProperties.notices[2].text"))
                .isEqualTo("This pact is still in pending state for any version of Bar with tag 'master' as the"
                        + " successful verification results with this tag have not yet been published.");

        assertThat(forVerification("{\"providerVersionTags\": [\"feat-new\"], \"consumerVersionSelectors\":"
                                + " [{\"latest\": true}]}")
                        .getBoolean("_embedded.pacts[0].verificationProperties.pending"))
                .as("a tag first used after another tag verified the pact")
                .isFalse();

        world.provider("Bar").version("2").tagged("master").verifies("Foo", "1");
        assertThat(forVerification(body).getBoolean("_embedded.pacts[0].verificationProperties.pending"))
                .isFalse();
    }

    @Test
    void shouldBePendingUntilAnyProviderVersionVerifiedItWithoutBranchOrTags() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        String body = "{\"consumerVersionSelectors\": [{\"latest\": true}]}";
        assertThat(forVerification(body).getBoolean("_embedded.pacts[0].verificationProperties.pending"))
                .isTrue();

        world.provider("Bar").version("1").verifies("Foo", "1");

        assertThat(forVerification(body).getBoolean("_embedded.pacts[0].verificationProperties.pending"))
                .isFalse();
    }

    // work in progress

    @Test
    void shouldIncludeTheHeadsOfOtherConsumerBranchesAsWorkInProgress() {
        world.consumer("Foo").withMainBranch("main");
        world.consumer("Foo").version("1").onBranch("main").publishesPactWith("Bar");
        world.consumer("Foo").version("2").onBranch("feat-x").publishesPactWith("Bar");
        world.consumer("Foo").version("3").onBranch("feat-y").publishesPactWith("Bar");
        world.consumer("Foo").version("4").onBranch("feat-y").publishesPactWith("Bar");

        List<Map<String, Object>> wip = wipFor("main");

        assertThat(names(wip)).containsExactly("Pact between Foo (2) and Bar", "Pact between Foo (4) and Bar");
        Map<?, ?> first = wip.get(0);
        Map<?, ?> properties = (Map<?, ?>) first.get("verificationProperties");
        assertThat(first.get("shortDescription")).isEqualTo("latest from branch feat-x");
        assertThat(properties.get("pending")).isEqualTo(true);
        List<?> notices = (List<?>) properties.get("notices");
        String href = (String) ((Map<?, ?>) ((Map<?, ?>) first.get("_links")).get("self")).get("href");
        String pactUrl = href.substring(0, href.indexOf("/metadata/"));
        assertThat(((Map<?, ?>) notices.get(0)).get("text"))
                .isEqualTo("The pact at " + pactUrl + "/metadata/" + PactMetadata.forWipNotice() + " is being verified"
                        + " because it is a 'work in progress' pact (ie. it is the pact for the latest version of Foo"
                        + " from branch 'feat-x' and it has not yet been successfully verified by a version of Bar"
                        + " from branch 'main' when the pact's application version was explicitly specified in the"
                        + " consumer version selectors). Read more at https://docs.pact.io/go/wip");
        assertThat(((Map<?, ?>) notices.get(1)).get("text"))
                .isEqualTo("This pact is in pending state for this version of Bar because it was included as a 'work"
                        + " in progress' pact. If this verification fails, it will not cause the overall build to"
                        + " fail. Read more at https://docs.pact.io/go/pending");
        assertThat(PactMetadata.decode(href.substring(href.indexOf("/metadata/") + 10))
                        .wip())
                .isTrue();
    }

    @Test
    void shouldNotIncludePactsPublishedBeforeTheDateOrSelectedExplicitly() {
        world.consumer("Foo").withMainBranch("main");
        world.consumer("Foo").version("1").onBranch("main").publishesPactWith("Bar");
        world.consumer("Foo").version("2").onBranch("feat-x").publishesPactWith("Bar");

        assertThat(forVerification("{\"providerVersionBranch\": \"main\", \"includeWipPactsSince\": \"2999-01-01\","
                                + " \"consumerVersionSelectors\": [{\"mainBranch\": true}]}")
                        .getList("_embedded.pacts"))
                .hasSize(1);
        assertThat(forVerification("{\"providerVersionBranch\": \"main\", \"includeWipPactsSince\": \"2000-01-01\","
                                + " \"consumerVersionSelectors\": [{\"branch\": true}]}")
                        .getList("_embedded.pacts.verificationProperties.wip"))
                .containsOnlyNulls()
                .hasSize(2);
    }

    @Test
    void shouldNeedAProviderBranchOrTagsForWorkInProgress() {
        world.consumer("Foo").version("1").onBranch("feat-x").publishesPactWith("Bar");

        assertThat(forVerification("{\"includeWipPactsSince\": \"2000-01-01\", \"consumerVersionSelectors\":"
                                + " [{\"branch\": \"main\"}]}")
                        .getList("_embedded.pacts"))
                .isEmpty();
    }

    @Test
    void shouldStayWorkInProgressWhenVerifiedAsWorkInProgressUntilVerifiedAsSelected() {
        world.consumer("Foo").withMainBranch("main");
        world.consumer("Foo").version("1").onBranch("main").publishesPactWith("Bar");
        world.consumer("Foo").version("2").onBranch("feat-x").publishesPactWith("Bar");

        world.provider("Bar")
                .version("1")
                .onBranch("main")
                .verifies("Foo", "2", true, PactMetadata.encode(Map.of("w", true)));
        assertThat(names(wipFor("main"))).containsExactly("Pact between Foo (2) and Bar");

        world.provider("Bar").version("2").onBranch("main").verifies("Foo", "2");
        assertThat(wipFor("main")).isEmpty();
    }

    @Test
    void shouldNotBeWorkInProgressForANewBranchWhatMainVerifiedBeforeIt() {
        world.consumer("Foo").withMainBranch("main");
        world.consumer("Foo").version("1").onBranch("main").publishesPactWith("Bar");
        world.consumer("Foo").version("2").onBranch("feat-x").publishesPactWith("Bar");
        world.provider("Bar").version("1").onBranch("feat-old");
        world.provider("Bar").version("2").onBranch("main").verifies("Foo", "2");

        world.provider("Bar").version("3").onBranch("feat-new");

        assertThat(wipFor("feat-new")).as("created after main verified it").isEmpty();
        assertThat(names(wipFor("feat-old")))
                .as("created before main verified it")
                .containsExactly("Pact between Foo (2) and Bar");
    }

    @Test
    void shouldIncludeTheNewestVersionsOfConsumerTagsForProviderTags() {
        world.consumer("Foo").version("1").tagged("master").publishesPactWith("Bar");
        world.consumer("Foo").version("2").tagged("feat-x").publishesPactWith("Bar");
        String body = "{\"providerVersionTags\": [\"master\"], \"includeWipPactsSince\": \"2000-01-01\","
                + " \"consumerVersionSelectors\": [{\"tag\": \"master\", \"latest\": true}]}";

        JsonPath response = forVerification(body);
        assertThat(response.getList("_embedded.pacts._links.self.name"))
                .containsExactly("Pact between Foo (1) and Bar", "Pact between Foo (2) and Bar");
        assertThat(response.getBoolean("_embedded.pacts[1].verificationProperties.wip"))
                .isTrue();
        assertThat(response.getString("_embedded.pacts[1].shortDescription")).isEqualTo("latest with tag feat-x");

        world.provider("Bar").version("1").tagged("master").verifies("Foo", "2");
        assertThat(forVerification(body).getList("_embedded.pacts")).hasSize(1);
    }

    @Test
    void shouldMergeAWipPactHeadingSeveralBranchesAndTags() {
        world.consumer("Foo")
                .version("1")
                .onBranch("feat-x")
                .onBranch("feat-y")
                .tagged("feat")
                .publishesPactWith("Bar");

        json("{\"providerVersionBranch\": \"main\", \"includeWipPactsSince\": \"2000-01-01\","
                        + " \"consumerVersionSelectors\": [{\"branch\": \"main\"}]}")
                .post(PATH)
                .then()
                .body("_embedded.pacts", hasSize(1))
                .body(
                        "_embedded.pacts[0].shortDescription",
                        equalTo("latest from branch feat-x, latest from branch feat-y, latest with tag feat"))
                .body(
                        "_embedded.pacts[0].verificationProperties.notices[0].text",
                        org.hamcrest.Matchers.containsString("the pact for the latest version of Foo from branches"
                                + " 'feat-x' and 'feat-y' and tagged with 'feat' (all have the same content)"));
    }

    // the metadata round trip

    @Test
    void shouldCarryTheSelectionFromAPactForVerificationIntoThePublishedResult() {
        world.consumer("Foo").withMainBranch("main");
        world.consumer("Foo").version("1").onBranch("main").tagged("prod").publishesPactWith("Bar");
        JsonPath selection = forVerification("{\"providerVersionBranch\": \"main\", \"consumerVersionSelectors\":"
                + " [{\"mainBranch\": true}, {\"tag\": \"prod\", \"latest\": true}]}");
        String pactUrl = selection.getString("_embedded.pacts[0]._links.self.href");

        String publishUrl = given().get(pactUrl.replace(baseUrl(), ""))
                .then()
                .statusCode(200)
                .body("_links.'pb:consumer-versions'.name", contains("1"))
                .extract()
                .path("_links.'pb:publish-verification-results'.href");
        assertThat(publishUrl).isEqualTo(pactUrl + "/verification-results");
        given().put("/pacticipants/Bar/branches/main/versions/7").then().statusCode(201);
        json("{\"success\": true, \"providerApplicationVersion\": \"7\"}")
                .when()
                .post(publishUrl.replace(baseUrl(), ""))
                .then()
                .statusCode(201);

        assertThat(database.single("SELECT pact_pending || ',' || wip FROM verifications"))
                .isEqualTo("true,false");
        assertThat(database.single("SELECT consumer_version_selector_hashes FROM verifications"))
                .isEqualTo(
                        "[{\"tag\": \"prod\", \"latest\": true, \"consumerVersionNumber\": \"1\"}, {\"latest\": true,"
                                + " \"consumerVersionNumber\": \"1\"}]");
        assertThat(pendingFor("main")).isFalse();
    }

    @Test
    void shouldMarkAResultPublishedForAWipPactAsWip() {
        world.consumer("Foo").withMainBranch("main");
        world.consumer("Foo").version("1").onBranch("feat-x").publishesPactWith("Bar");
        String pactUrl =
                (String) ((Map<?, ?>) ((Map<?, ?>) wipFor("main").get(0).get("_links")).get("self")).get("href");
        String publishUrl = given().get(pactUrl.replace(baseUrl(), ""))
                .then()
                .extract()
                .path("_links.'pb:publish-verification-results'.href");

        json("{\"success\": true, \"providerApplicationVersion\": \"7\"}")
                .when()
                .post(publishUrl.replace(baseUrl(), ""))
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.matchesPattern(".*/verification-results/\\d+"));

        assertThat(database.single("SELECT wip FROM verifications")).isEqualTo("t");
        assertThat(database.single("SELECT pact_pending FROM verifications")).isNull();
    }
}
