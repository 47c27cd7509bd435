package io.pactbroker.broker.compatibility;

import io.pactbroker.verifier.ProviderRequest;
import java.util.Map;

/**
 * Puts right two artefacts of how the Pact Broker client recorded its contracts, so that the broker receives what the
 * client really sends, and sends every request as through a proxy for {@code http://example.org}. Test harness only:
 * the running broker never sees a placeholder.
 *
 * <ul>
 *   <li>In the v1 file, requests that follow a link go to placeholder paths (the client's mock broker served those as
 *       the links' hrefs); the real client follows the broker's own link, so each placeholder maps to the path the
 *       broker's relation leads to.
 *   <li>The v2 file was recorded by the Rust mock server, which keeps a query as a map from name to values and so
 *       writes {@code q[][pacticipant]=Foo&q[][pacticipant]=Bar&q[][version]=1.2.3&q[][version]=4.5.6}: the pairing of
 *       each pacticipant with its version is lost. The client sends one selector after the other (as the v1 file,
 *       recorded by the Ruby mock server, shows), so each recorded matrix query maps back to that order. Any other
 *       query is sent as recorded.
 * </ul>
 */
final class RecordedRequests {

    static final String FOO_VERSION = "5556b8149bf8bac76bc30f50a8a2dd4c22c85f30";
    static final String TEST_ENVIRONMENT = "cb632df3-0a0d-4227-aac3-60114dd36479";
    static final String ENVIRONMENT = "16926ef3-590f-4e3f-838e-719717aa88c9";
    static final String DEPLOYED_VERSION = "ff3adecf-cfc5-4653-a4e3-f1861092f8e0";

    /** Each placeholder path of the v1 file, and the broker's path the client would have followed instead. */
    static final Map<String, String> PLACEHOLDER_PATHS = Map.ofEntries(
            Map.entry("/HAL-REL-PLACEHOLDER-PB-PACTICIPANT-BRANCH-Foo-main", "/pacticipants/Foo/branches/main"),
            Map.entry("/HAL-REL-PLACEHOLDER-INDEX-PB-LATEST-VERSION-Condor", "/pacticipants/Condor/latest-version"),
            Map.entry(
                    "/HAL-REL-PLACEHOLDER-INDEX-PB-LATEST-TAGGED-VERSION-Condor-production",
                    "/pacticipants/Condor/latest-version/production"),
            Map.entry("/HAL-REL-PLACEHOLDER-PB-PUBLISH-CONTRACTS", "/contracts/publish"),
            Map.entry(
                    "/HAL-REL-PLACEHOLDER-PB-PACTICIPANT-VERSION-Foo-" + FOO_VERSION,
                    "/pacticipants/Foo/versions/" + FOO_VERSION),
            Map.entry(
                    "/HAL-REL-PLACEHOLDER-PB-RECORD-DEPLOYMENT-FOO-" + FOO_VERSION.toUpperCase() + "-TEST",
                    "/pacticipants/Foo/versions/" + FOO_VERSION + "/deployed-versions/environment/" + TEST_ENVIRONMENT),
            Map.entry(
                    "/HAL-REL-PLACEHOLDER-PB-RECORD-RELEASE-FOO-" + FOO_VERSION.toUpperCase() + "-TEST",
                    "/pacticipants/Foo/versions/" + FOO_VERSION + "/released-versions/environment/" + TEST_ENVIRONMENT),
            Map.entry("/HAL-REL-PLACEHOLDER-PB-ENVIRONMENTS", "/environments"),
            Map.entry("/HAL-REL-PLACEHOLDER-PB-ENVIRONMENT-" + ENVIRONMENT, "/environments/" + ENVIRONMENT),
            Map.entry(
                    "/PLACEHOLDER-ENVIRONMENT-CURRENTLY-DEPLOYED-" + ENVIRONMENT,
                    "/environments/" + ENVIRONMENT + "/deployed-versions/currently-deployed"),
            Map.entry("/PLACEHOLDER-DEPLOYED-VERSION-" + DEPLOYED_VERSION, "/deployed-versions/" + DEPLOYED_VERSION),
            Map.entry("/HAL-REL-PLACEHOLDER-PB-WEBHOOKS", "/webhooks"));

    /** Each matrix query as the v2 file recorded it, and as the client sends it (the v1 file's order). */
    static final Map<String, String> RECORDED_QUERIES = Map.ofEntries(
            Map.entry(
                    "latestby=cvpv&q[][pacticipant]=Foo+Thing&q[][pacticipant]=Bar&q[][version]=1%2e2%2e3"
                            + "&q[][version]=4%2e5%2e6",
                    "q[][pacticipant]=Foo+Thing&q[][version]=1%2e2%2e3&q[][pacticipant]=Bar&q[][version]=4%2e5%2e6"
                            + "&latestby=cvpv"),
            Map.entry(
                    "latestby=cvpv&q[][pacticipant]=Foo&q[][pacticipant]=Bar&q[][version]=1%2e2%2e3"
                            + "&q[][version]=4%2e5%2e6",
                    "q[][pacticipant]=Foo&q[][version]=1%2e2%2e3&q[][pacticipant]=Bar&q[][version]=4%2e5%2e6"
                            + "&latestby=cvpv"),
            Map.entry(
                    "latestby=cvpv&q[][latest]=true&q[][pacticipant]=Foo&q[][pacticipant]=Bar&q[][tag]=prod"
                            + "&q[][version]=1%2e2%2e3",
                    "q[][pacticipant]=Foo&q[][version]=1%2e2%2e3&q[][pacticipant]=Bar&q[][latest]=true"
                            + "&q[][tag]=prod&latestby=cvpv"),
            Map.entry(
                    "latestby=cvpv&q[][latest]=true&q[][pacticipant]=Foo&q[][pacticipant]=Bar"
                            + "&q[][version]=1%2e2%2e4",
                    "q[][pacticipant]=Foo&q[][version]=1%2e2%2e4&q[][pacticipant]=Bar&q[][latest]=true"
                            + "&latestby=cvpv"),
            Map.entry(
                    "latestby=cvpv&q[][pacticipant]=Wiffle&q[][pacticipant]=Meep&q[][version]=1%2e2%2e3"
                            + "&q[][version]=9%2e9%2e9",
                    "q[][pacticipant]=Wiffle&q[][version]=1%2e2%2e3&q[][pacticipant]=Meep&q[][version]=9%2e9%2e9"
                            + "&latestby=cvpv"),
            Map.entry(
                    "latestby=cvpv&q[][pacticipant]=Foo&q[][pacticipant]=Bar&q[][version]=1%2e2%2e3"
                            + "&q[][version]=9%2e9%2e9",
                    "q[][pacticipant]=Foo&q[][version]=1%2e2%2e3&q[][pacticipant]=Bar&q[][version]=9%2e9%2e9"
                            + "&latestby=cvpv"),
            Map.entry(
                    "ignore[][pacticipant]=Foo&ignore[][version]=3%2e4%2e5&latestby=cvpv&q[][pacticipant]=Bar"
                            + "&q[][pacticipant]=Foo&q[][tag]=prod&q[][version]=4%2e5%2e6",
                    "q[][pacticipant]=Bar&q[][version]=4%2e5%2e6&q[][pacticipant]=Foo&q[][tag]=prod&latestby=cvpv"
                            + "&ignore[][pacticipant]=Foo&ignore[][version]=3%2e4%2e5"));

    private RecordedRequests() {}

    /**
     * Through a proxy for {@code http://example.org}: some responses expect hrefs on that host exactly (the Pact
     * Broker verifies these contracts with that base URL), and this broker builds its links from the forwarded host.
     */
    static ProviderRequest asExampleOrg(ProviderRequest request) {
        return request.withHeader("X-Forwarded-Host", "example.org").withHeader("X-Forwarded-Proto", "http");
    }

    /** The broker's path for a placeholder path; any other path unchanged. */
    static ProviderRequest realPath(ProviderRequest request) {
        String path = request.path();
        if (!path.contains("PLACEHOLDER")) {
            return request;
        }
        String real = PLACEHOLDER_PATHS.get(path);
        if (real == null) {
            throw new IllegalStateException("no real path known for the placeholder path " + path
                    + " (add it to RecordedRequests.PLACEHOLDER_PATHS)");
        }
        return request.withPath(real);
    }

    /** The client's order for a matrix query the v2 file recorded out of order; any other query unchanged. */
    static ProviderRequest realQuery(ProviderRequest request) {
        String real = RECORDED_QUERIES.get(request.rawQuery());
        return real == null ? request : request.withRawQuery(real);
    }
}
