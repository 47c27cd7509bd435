package io.pactbroker.broker.badges;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactbroker.broker.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BadgeResourceTest extends ApiTest {

    private static String badge(String path) {
        return given().when()
                .get(path)
                .then()
                .statusCode(200)
                .contentType("image/svg+xml;charset=utf-8")
                .header("Cache-Control", "no-cache")
                .extract()
                .asString();
    }

    @Test
    void shouldShowThatThePactWasVerified() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        world.verified("Foo", "1", "Bar", "2", true);

        String svg = badge("/pacts/provider/Bar/consumer/Foo/latest/badge");

        assertThat(svg)
                .startsWith("<!-- Foo version 1 revision 1 Bar version 2 number 1 -->\n<svg")
                .contains("<title>foo/bar pact: verified</title>")
                .contains("fill=\"#4c1\"")
                .doesNotContain("http://img.shields.io");
    }

    @Test
    void shouldShowFailedUnknownAndChangedPacts() {
        world.consumer("Foo").version("1").publishesPactWith("Bar");
        assertThat(badge("/pacts/provider/Bar/consumer/Foo/latest/badge")).contains("foo/bar pact: unknown");

        world.verified("Foo", "1", "Bar", "2", false);
        assertThat(badge("/pacts/provider/Bar/consumer/Foo/latest/badge"))
                .contains("foo/bar pact: failed")
                .contains("#e05d44");

        world.verified("Foo", "1", "Bar", "3", true);
        world.consumer("Foo").version("2").publishesPactWith("Bar");
        assertThat(badge("/pacts/provider/Bar/consumer/Foo/latest/badge"))
                .contains("foo/bar pact: changed")
                .contains("#fe7d37");
    }

    @Test
    void shouldShowTaggedAndUntaggedPactsWithLabelsAndInitials() {
        world.consumer("OrderWeb").version("1").tagged("prod").publishesPactWith("order-service");
        world.consumer("OrderWeb").version("2").publishesPactWith("order-service");
        world.verified("OrderWeb", "1", "order-service", "7", true);

        assertThat(badge("/pacts/provider/order-service/consumer/OrderWeb/latest/prod/badge?initials=true"))
                .contains("<title>ow/os pact: verified</title>");
        assertThat(badge("/pacts/provider/order-service/consumer/OrderWeb/latest-untagged/badge?label=consumer"))
                .contains("<title>orderweb pact: unknown</title>");
        assertThat(badge("/matrix/provider/order-service/latest/prod/consumer/OrderWeb/latest/prod/badge"))
                .contains("<title>orderweb (prod)/order-service (prod) pact: unknown</title>");
    }

    @Test
    void shouldSayWhenThereIsNoPact() {
        assertThat(badge("/pacts/provider/Bar/consumer/Foo/latest/badge")).contains("pact not found: unknown");
    }

    @Test
    void shouldShowWhetherTheLatestTaggedVersionCanBeDeployed() {
        world.consumer("Foo").version("1").tagged("dev").publishesPactWith("Bar");
        world.provider("Bar").version("2").tagged("prod");
        world.verified("Foo", "1", "Bar", "2", true);

        assertThat(badge("/pacticipants/Foo/latest-version/dev/can-i-deploy/to/prod/badge"))
                .contains("<title>can-i-deploy: dev to prod</title>")
                .contains("#4c1");
        assertThat(badge("/pacticipants/Foo/latest-version/dev/can-i-deploy/to/prod/badge?label=Foo"))
                .contains("<title>Foo: dev to prod</title>");
        assertThat(badge("/pacticipants/Foo/latest-version/nope/can-i-deploy/to/prod/badge"))
                .contains("<title>version: not found</title>");
        assertThat(badge("/pacticipants/Nope/latest-version/dev/can-i-deploy/to/prod/badge"))
                .contains("<title>pacticipant: not found</title>");
    }

    @Test
    void shouldShowWhetherTheBranchHeadCanBeDeployedToAnEnvironment() {
        world.environment("production");
        world.consumer("Foo").version("1").onBranch("main").publishesPactWith("Bar");
        world.provider("Bar").version("2").deployedTo("production");
        world.verified("Foo", "1", "Bar", "2", false);

        assertThat(badge("/pacticipants/Foo/branches/main/latest-version/can-i-deploy/to-environment/production/badge"))
                .contains("<title>can-i-deploy: main to production</title>")
                .contains("#e05d44");
    }

    @Test
    void shouldShowWhetherTheMainBranchCanBeMerged() {
        world.consumer("Foo").withMainBranch("main");
        world.provider("Bar").withMainBranch("main");
        world.consumer("Foo").version("1").onBranch("main").publishesPactWith("Bar");
        world.provider("Bar").version("2").onBranch("main");

        assertThat(badge("/pacticipants/Foo/main-branch/can-i-merge/badge")).contains("can-i-merge: unknown");
        world.verified("Foo", "1", "Bar", "2", true);
        assertThat(badge("/pacticipants/Foo/main-branch/can-i-merge/badge")).contains("can-i-merge: success");
        world.pacticipant("Baz").version("1");
        assertThat(badge("/pacticipants/Baz/main-branch/can-i-merge/badge")).contains("main branch version: not found");
    }
}
