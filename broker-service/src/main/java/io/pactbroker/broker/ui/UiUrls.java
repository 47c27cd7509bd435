package io.pactbroker.broker.ui;

import static io.pactbroker.broker.common.hal.BrokerUrls.encode;

import io.pactbroker.broker.common.hal.BrokerUrls;

/**
 * The paths of the UI's pages, under {@code /ui} so they never collide with the API (the dashboard is also served at
 * {@code /} to browsers). Absolute, on the broker's base URL, like every other link the broker writes.
 */
final class UiUrls {

    private final String base;

    UiUrls(BrokerUrls urls) {
        this.base = urls.base();
    }

    String base() {
        return base;
    }

    String dashboard() {
        return base + "/ui";
    }

    String pacticipant(String name) {
        return base + "/ui/pacticipants/" + encode(name);
    }

    String pact(String provider, String consumer, String consumerVersion) {
        return base + "/ui/pacts/provider/" + encode(provider) + "/consumer/" + encode(consumer) + "/version/"
                + encode(consumerVersion);
    }

    String verification(String provider, String consumer, String sha, int number) {
        return base + "/ui/verifications/provider/" + encode(provider) + "/consumer/" + encode(consumer)
                + "/pact-version/" + encode(sha) + "/" + number;
    }

    String matrix() {
        return base + "/ui/matrix";
    }

    String canIDeploy(String pacticipant, String version, String environment) {
        return matrix() + "?pacticipant=" + Html.query(pacticipant) + "&version=" + Html.query(version)
                + "&target=environment&environment=" + Html.query(environment);
    }

    String environments() {
        return base + "/ui/environments";
    }

    String environment(String uuid) {
        return base + "/ui/environments/" + encode(uuid);
    }

    String network() {
        return base + "/ui/network";
    }

    /** The HAL browser, showing the resource at the API path. */
    String hal(String apiUrl) {
        String path = apiUrl.startsWith(base) ? apiUrl.substring(base.length()) : apiUrl;
        return base + "/ui/hal?path=" + Html.query(path.isEmpty() ? "/" : path);
    }

    String asset(String name) {
        return base + "/ui/assets/" + name;
    }
}
