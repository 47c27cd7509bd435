package io.pactbroker.broker.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactbroker.broker.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The UI in a real headless Chromium (one per class), against the test broker with the {@link UiWorld}: navigation,
 * keyboard, search, filters, the diff, a can-i-deploy question, the network and the HAL browser. Each page is saved as
 * a screenshot in {@code target/ui-screenshots}. Skipped, not passed, where chromium is not installed.
 */
@QuarkusTest
class BrowserTest extends ApiTest {

    static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");

    private static Chromium browser;

    @Inject
    UiWorld ui;

    @BeforeAll
    static void launch() throws Exception {
        Assumptions.assumeTrue(Chromium.executable().isPresent(), "chromium is not installed");
        browser = Chromium.launch();
    }

    @AfterAll
    static void quit() throws IOException {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @BeforeEach
    void seed() {
        ui.seed();
    }

    private static String url(String path) {
        return "http://localhost:" + RestAssured.port + path;
    }

    private static String text(String selector) {
        return browser.eval("document.querySelector('" + selector + "').textContent.trim()");
    }

    private static void shoot(String name) throws IOException {
        browser.screenshot(SCREENSHOTS.resolve(name + ".png"));
    }

    @Test
    void shouldNavigateFromTheDashboardToAPacticipantAndAPact() throws Exception {
        browser.navigate(url("/"));
        assertThat(text("h1")).isEqualTo("Dashboard");
        assertThat(browser.eval("document.querySelectorAll('table.integrations tbody tr').length"))
                .isEqualTo("5");
        shoot("dashboard");

        browser.andWait("document.querySelector('table.integrations a[href$=\"/ui/pacticipants/Orders\"]').click()");
        assertThat(text("h1")).isEqualTo("Orders");
        assertThat(text("table.versions")).contains("deployed to production");
        shoot("pacticipant");

        browser.andWait(
                "document.querySelector('a[href$=\"/ui/pacts/provider/Orders/consumer/Mobile/version/5\"]').click()");
        assertThat(text("h1")).isEqualTo("Pact between Mobile and Orders");
        assertThat(browser.eval("document.querySelectorAll('section.interaction').length"))
                .isEqualTo("3");
    }

    @Test
    void shouldBeUsableWithTheKeyboard() {
        browser.navigate(url("/ui"));

        browser.press("Tab");
        assertThat(browser.eval("document.activeElement.textContent")).isEqualTo("Skip to content");
        browser.press("Enter");
        assertThat(browser.eval("location.hash")).isEqualTo("#main");
        browser.press("Tab");
        assertThat(browser.eval("document.activeElement.id")).isEqualTo("q");
        assertThat(browser.eval("document.querySelector('label[for=q]').textContent"))
                .isEqualTo("Search pacticipants");
    }

    @Test
    void shouldSearchAndFilterTheDashboard() {
        browser.navigate(url("/ui"));

        browser.eval("document.getElementById('q').value = 'bill'");
        browser.andWait("document.querySelector('form.filters button').click()");
        assertThat(browser.eval("document.querySelectorAll('table.integrations tbody tr').length"))
                .isEqualTo("1");
        assertThat(text("table.integrations tbody")).contains("Billing").contains("stale");

        browser.eval("document.getElementById('q').value = ''");
        browser.eval("document.getElementById('status').value = 'never'");
        browser.andWait("document.querySelector('form.filters button').click()");
        assertThat(text("table.integrations tbody")).contains("Worker").doesNotContain("Billing");
        assertThat(browser.eval("location.search")).contains("status=never");
    }

    @Test
    void shouldShowAPactItsDiffAndAVerification() throws Exception {
        browser.navigate(url("/ui/pacts/provider/Orders/consumer/Web/version/2"));
        assertThat(text(".pact-doc")).contains("get order 7").contains("regex /[A-Z]\\d/");
        assertThat(text(".diff-title")).isEqualTo("From version 1 to 2:");
        shoot("pact");

        browser.eval("document.getElementById('compare').value = '1'");
        browser.andWait("document.querySelector('select#compare').form.submit()");
        assertThat(browser.eval("location.search")).isEqualTo("?compare=1");
        assertThat(Integer.parseInt(browser.eval("document.querySelectorAll('pre.diff .add').length")))
                .isGreaterThan(0);

        browser.andWait("document.querySelector('#history-h').parentElement.querySelector('a').click()");
        assertThat(text("h1")).startsWith("Verification #");
        assertThat(text(".results")).contains("$.lines[0].sku").contains("Expected 'a1' to match");
        shoot("verification");
    }

    @Test
    void shouldAnswerACanIDeployQuestion() throws Exception {
        browser.navigate(url("/ui/matrix"));

        browser.eval("document.getElementById('pacticipant').value = 'Web'");
        browser.eval("document.getElementById('version').value = '2'");
        browser.eval("document.getElementById('target-branch').checked = true");
        browser.eval("document.getElementById('branch').value = 'feat-x'");
        browser.andWait("document.getElementById('ask').click()");

        assertThat(text("#verdict-h")).isEqualTo("Verdict: not deployable");
        assertThat(text("#verdict .reason")).contains("failed");
        assertThat(text("table.matrix")).contains("11").contains("failed");
        shoot("matrix");
    }

    @Test
    void shouldShowEnvironmentsAndTheirHistory() throws Exception {
        browser.navigate(url("/ui/environments"));
        assertThat(text("main")).contains("production").contains("Billing");
        shoot("environments");

        browser.andWait(
                "Array.from(document.querySelectorAll('h2 a')).find(a => a.textContent === 'production').click()");
        assertThat(text("h1")).isEqualTo("Environment production");
        assertThat(text("#history-h + table")).contains("Orders").contains("Web");
        shoot("environment");
    }

    @Test
    void shouldDrawTheNetworkAndHighlightANodesIntegrations() throws Exception {
        browser.navigate(url("/ui/network"));
        assertThat(browser.eval("document.querySelectorAll('svg.network .node').length"))
                .isEqualTo("7");

        browser.eval("document.querySelector('svg.network .node[data-name=Events]').focus()");
        assertThat(browser.eval("document.activeElement.getAttribute('data-name')"))
                .isEqualTo("Events");

        assertThat(browser.eval("document.querySelectorAll('svg.network path.hot').length"))
                .isEqualTo("1");
        shoot("network");
    }

    @Test
    void shouldBrowseTheHalApi() throws Exception {
        browser.navigate(url("/ui/hal?path=/"));
        browser.waitFor("document.querySelector('#hal pre')");
        assertThat(text("#hal pre")).contains("pb:pacticipants");
        shoot("api");

        browser.andWait(
                "Array.from(document.querySelectorAll('#hal pre a')).find(a => a.textContent.endsWith('/pacticipants')).click()");
        browser.waitFor("document.querySelector('#hal pre')");
        assertThat(browser.eval("document.getElementById('path').value")).isEqualTo("/pacticipants");
        assertThat(text("#hal pre")).contains("\"Orders\"");
    }

    @Test
    void shouldShowAReadableErrorPage() throws Exception {
        browser.navigate(url("/ui/pacticipants/Nobody"));

        assertThat(text("h1")).isEqualTo("Not found");
        assertThat(text("[role=alert]")).contains("404").contains("Nobody");
        shoot("error");
    }
}
