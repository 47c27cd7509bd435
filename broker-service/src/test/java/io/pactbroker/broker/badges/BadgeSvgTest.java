package io.pactbroker.broker.badges;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactbroker.broker.badges.BadgeService.PactBadge;
import org.junit.jupiter.api.Test;

class BadgeSvgTest {

    @Test
    void shouldDrawBothPartsWideEnoughForTheirText() {
        String svg = BadgeSvg.render("can-i-deploy", "main to production", BadgeSvg.Colour.BRIGHTGREEN, null);

        assertThat(svg).startsWith("<svg ").contains("fill=\"#4c1\"").contains(">main to production</text>");
        assertThat(BadgeSvg.width("main to production")).isGreaterThan(BadgeSvg.width("can-i-deploy"));
    }

    @Test
    void shouldEscapeTextAndComments() {
        String svg = BadgeSvg.render("<b>", "a&b", BadgeSvg.Colour.RED, "x -- y");

        assertThat(svg).contains("&lt;b&gt;").contains("a&amp;b").startsWith("<!-- x - - y -->");
    }

    @Test
    void shouldTitlePactBadgesAsThePactBrokerDoes() {
        assertThat(BadgeService.title(new PactBadge("Bar", "Foo", null, false, null, null, false)))
                .isEqualTo("foo/bar pact");
        assertThat(BadgeService.title(new PactBadge("order-service", "OrderWeb", null, false, null, null, true)))
                .isEqualTo("ow/os pact");
        assertThat(BadgeService.title(new PactBadge("Bar", "Foo", null, false, null, "provider", false)))
                .isEqualTo("bar pact");
        assertThat(BadgeService.title(new PactBadge("Bar", "Foo", "dev", false, "prod", null, false)))
                .isEqualTo("foo (dev)/bar (prod) pact");
    }
}
