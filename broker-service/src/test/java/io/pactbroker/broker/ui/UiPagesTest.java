package io.pactbroker.broker.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.pactbroker.broker.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pages as HTML, server side: what each shows for a seeded broker, negotiation at /, errors and escaping. */
@QuarkusTest
class UiPagesTest extends ApiTest {

    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";

    @Inject
    UiWorld ui;

    private static RequestSpecification browser() {
        return given().accept(BROWSER);
    }

    @Test
    void shouldServeTheDashboardToBrowsersAtTheRoot() {
        ui.seed();

        browser()
                .get("/")
                .then()
                .statusCode(200)
                .contentType("text/html;charset=utf-8")
                .body(containsString("<h1>Dashboard</h1>"))
                .body(containsString("href=\"#main\""))
                .body(containsString("/ui/pacticipants/Web"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/hal+json", "application/json", "*/*", "application/hal+json, text/html;q=0.5"})
    void shouldKeepServingTheHalIndexToApiClients(String accept) {
        given().accept(accept)
                .get("/")
                .then()
                .statusCode(200)
                .contentType("application/hal+json;charset=utf-8")
                .body("_links.'pb:pacticipants'.href", notNullValue());
    }

    @Test
    void shouldServeTheHalIndexWithoutAnAcceptHeader() {
        given().header("Accept", "").get("/").then().statusCode(200).contentType("application/hal+json;charset=utf-8");
    }

    @Test
    void shouldShowEachIntegrationsVerificationStatus() {
        ui.seed();

        String html =
                browser().get("/ui?sort=name").then().statusCode(200).extract().asString();

        assertThat(statusOf(html, "Web", "Orders")).isEqualTo("failed");
        assertThat(statusOf(html, "Billing", "Orders")).isEqualTo("stale");
        assertThat(statusOf(html, "Admin", "Orders")).isEqualTo("pending-failed");
        assertThat(statusOf(html, "Mobile", "Orders")).isEqualTo("verified");
        assertThat(statusOf(html, "Worker", "Events")).isEqualTo("never");
        assertThat(html).contains("5 integrations");
    }

    @Test
    void shouldShowVersionsBranchesTagsAndEnvironmentsOnTheDashboard() {
        ui.seed();

        String html =
                browser().get("/ui?q=web").then().statusCode(200).extract().asString();

        assertThat(html).contains("1 integration<").contains(">2</a>").contains(">11");
        assertThat(html).contains("chip-branch\" title=\"branch\">main<").contains(">feat-x<");
        assertThat(html).contains("badge-none");
    }

    @Test
    void shouldFilterTheDashboardByStatusSearchAndEnvironment() {
        ui.seed();

        browser()
                .get("/ui?status=stale")
                .then()
                .statusCode(200)
                .body(containsString("1 integration<"))
                .body(containsString(">Billing<"))
                .body(not(containsString(">Mobile<")));
        browser()
                .get("/ui?q=EVEN")
                .then()
                .body(containsString("1 integration<"))
                .body(containsString(">Worker<"));
        // Orders is deployed to test, so every Orders integration is there; Worker and Events are nowhere
        browser()
                .get("/ui?environment=test")
                .then()
                .body(containsString("4 integrations"))
                .body(not(containsString(">Worker<")));
        browser()
                .get("/ui?status=nonsense&sort=nonsense&page=x")
                .then()
                .statusCode(200)
                .body(containsString("5 integrations"));
    }

    @Test
    void shouldPageTheDashboard() {
        for (int i = 0; i < 55; i++) {
            world.consumer(String.format("C%02d", i)).version("1").publishesPactWith("P");
        }

        String first = browser().get("/ui?sort=name").then().extract().asString();
        String second = browser().get("/ui?sort=name&page=2").then().extract().asString();

        assertThat(first)
                .contains("55 integrations")
                .contains("Page 1 of 2")
                .contains(">C00<")
                .contains(">C49<");
        assertThat(first).doesNotContain(">C50<");
        assertThat(second).contains("Page 2 of 2").contains(">C54<").doesNotContain(">C49<");
    }

    @Test
    void shouldShowAPacticipant() {
        ui.seed();

        String html = browser()
                .get("/ui/pacticipants/Orders")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(html).contains("<h1>Orders</h1>").contains(">10<").contains(">11<");
        assertThat(html).contains("deployed to production").contains("deployed to test");
        assertThat(html).contains("chip-branch\" title=\"branch\">feat-x<");
        assertThat(html).contains(">Mobile<").contains(">Admin<");
        assertThat(html).contains("href=\"" + baseUrl() + "/pacticipants/Orders\"");
        browser()
                .get("/ui/pacticipants/Billing")
                .then()
                .body(containsString("released to production"))
                .body(containsString("(supported)"));
    }

    @Test
    void shouldPageAPacticipantsVersions() {
        for (int i = 1; i <= 30; i++) {
            world.pacticipant("Many").version("v" + i);
        }

        String first = browser().get("/ui/pacticipants/Many").then().extract().asString();
        String second =
                browser().get("/ui/pacticipants/Many?page=2").then().extract().asString();

        assertThat(first).contains("Page 1 of 2 (30 versions)");
        assertThat(second).contains("Page 2 of 2");
        assertThat(first + second).contains(">v1<").contains(">v30<");
    }

    @Test
    void shouldRenderAPactAsDocumentationWithItsHistoryAndDiff() {
        ui.seed();

        String html = browser()
                .get("/ui/pacts/provider/Orders/consumer/Web/version/2")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(html).contains("get order 7").contains("create order").contains("order 7 exists");
        assertThat(html)
                .contains("GET /orders/7?expand=lines")
                .contains("regex /[A-Z]\\d/")
                .contains("integer");
        assertThat(html).contains("Verification history").contains(" #");
        assertThat(html).contains("From version 1 to 2").contains("class=\"add\"");
    }

    @Test
    void shouldDiffAgainstAChosenVersion() {
        ui.seed();

        browser()
                .get("/ui/pacts/provider/Orders/consumer/Web/version/1?compare=2")
                .then()
                .statusCode(200)
                .body(containsString("From version 2 to 1"))
                .body(containsString("class=\"del\""));
        browser()
                .get("/ui/pacts/provider/Orders/consumer/Web/version/1")
                .then()
                .body(containsString("No earlier version has different content."));
        browser()
                .get("/ui/pacts/provider/Orders/consumer/Web/version/1?compare=99")
                .then()
                .statusCode(404)
                .contentType("text/html;charset=utf-8");
    }

    @Test
    void shouldShowEachInteractionsResultWithMismatches() {
        ui.seed();
        String pact = browser()
                .get("/ui/pacts/provider/Orders/consumer/Web/version/2")
                .then()
                .extract()
                .asString();
        Matcher link = Pattern.compile("href=\"(" + Pattern.quote(baseUrl()) + "/ui/verifications/[^\"]+)\"")
                .matcher(pact);
        assertThat(link.find()).isTrue();

        String html = browser()
                .get(link.group(1).replace(baseUrl(), ""))
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(html).contains("2 interactions, 1 failed.");
        assertThat(html).contains("badge-failed").contains("badge-passed");
        assertThat(html).contains("$.lines[0].sku").contains("Expected &#39;a1&#39; to match");
        assertThat(html).contains("expected <code>[A-Z]\\d</code> but was <code>a1</code>");
    }

    @Test
    void shouldAnswerCanIDeployWithTheVerdictReasonsAndRows() {
        ui.seed();

        browser()
                .get("/ui/matrix?pacticipant=Web&version=1&target=environment&environment=production")
                .then()
                .statusCode(200)
                .body(containsString("badge-deployable"))
                .body(containsString("All required verification results are published and successful"))
                .body(containsString("Rows (1)"));
        browser()
                .get("/ui/matrix?pacticipant=Web&version=2&target=environment&environment=production")
                .then()
                .statusCode(200)
                .body(containsString("badge-unknown"))
                .body(containsString("has not verified the pact of Web 2"))
                .body(containsString("Next steps"));
        browser()
                .get("/ui/matrix?pacticipant=Web&version=2&target=branch&branch=feat-x&show=failed")
                .then()
                .statusCode(200)
                .body(containsString("badge-not-deployable"))
                .body(containsString("Rows (1)"));
        browser()
                .get("/ui/matrix?pacticipant=Web&version=1&target=mainBranch")
                .then()
                .statusCode(200)
                .body(containsString("badge-deployable"));
    }

    @Test
    void shouldExplainAnUnanswerableQuestion() {
        ui.seed();

        browser()
                .get("/ui/matrix?pacticipant=Nobody&version=1&target=environment&environment=nowhere")
                .then()
                .statusCode(400)
                .contentType("text/html;charset=utf-8")
                .body(containsString("role=\"alert\""))
                .body(containsString("does not match an existing pacticipant"));
        browser()
                .get("/ui/matrix?pacticipant=Web&version=1&target=branch&branch=")
                .then()
                .statusCode(400)
                .body(containsString("branch"));
        browser().get("/ui/matrix").then().statusCode(200).body(not(containsString("Verdict")));
    }

    @Test
    void shouldShowEnvironmentsAndTheirHistory() {
        ui.seed();
        world.provider("Orders").version("11").deployedTo("test");

        String html = browser()
                .get("/ui/environments")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html)
                .contains("production")
                .contains(">Billing<")
                .contains("released")
                .contains(">Web<");
        Matcher link = Pattern.compile("href=\"" + Pattern.quote(baseUrl()) + "(/ui/environments/[^\"]+)\">test<")
                .matcher(html);
        assertThat(link.find()).isTrue();

        String test =
                browser().get(link.group(1)).then().statusCode(200).extract().asString();

        assertThat(test)
                .contains("Deployment history")
                .contains("still deployed")
                .contains(">11<")
                .contains(">10<");
        assertThat(test.indexOf(">11<")).isLessThan(test.lastIndexOf(">10<"));
        browser().get("/ui/environments/no-such-uuid").then().statusCode(404);
    }

    @Test
    void shouldDrawTheNetwork() {
        ui.seed();

        browser()
                .get("/ui/network")
                .then()
                .statusCode(200)
                .body(containsString("<svg"))
                .body(containsString("data-name=\"Orders\""))
                .body(containsString("data-from=\"Web\" data-to=\"Orders\""))
                .body(containsString("7 pacticipants, 5 integrations"));
        browser().get("/ui/network?focus=Events").then().body(containsString("2 pacticipants, 1 integrations"));
    }

    @Test
    void shouldOfferTheHalBrowser() {
        browser()
                .get("/ui/hal?path=/pacticipants")
                .then()
                .statusCode(200)
                .body(containsString("data-url=\"" + baseUrl() + "/pacticipants\""));
    }

    @Test
    void shouldAnswerMissingThingsWithAReadableErrorPageForBrowsers() {
        browser()
                .get("/ui/pacticipants/Nope")
                .then()
                .statusCode(404)
                .contentType("text/html;charset=utf-8")
                .body(containsString("<h1>Not found</h1>"))
                .body(containsString("Nope"));
        browser().get("/no/such/page").then().statusCode(404).contentType("text/html;charset=utf-8");
        given().accept("application/hal+json")
                .get("/pacticipants/Nope")
                .then()
                .statusCode(404)
                .contentType(containsString("json"));
    }

    @Test
    void shouldEscapeWhatClientsPublished() {
        world.consumer("<script>alert(1)</script>").version("1").publishesPactWith("P");

        String html = browser().get("/ui").then().statusCode(200).extract().asString();

        assertThat(html).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void shouldServeItsOwnStylesAndScript() {
        given().get("/ui/assets/ui.css").then().statusCode(200).body(containsString("focus-visible"));
        given().get("/ui/assets/ui.js").then().statusCode(200).body(containsString("halBrowser"));
    }

    /** The status badge in the dashboard row of the consumer and provider. */
    private static String statusOf(String html, String consumer, String provider) {
        Matcher row =
                Pattern.compile("<tr><td><a[^>]*>" + consumer + "</a>.*?</tr>").matcher(html);
        assertThat(row.find()).as("row of " + consumer).isTrue();
        assertThat(row.group()).contains(">" + provider + "<");
        Matcher badge =
                Pattern.compile("class=\"badge badge-([a-z-]+)\">([a-z-]+)<").matcher(row.group());
        assertThat(badge.find()).isTrue();
        return badge.group(2);
    }
}
