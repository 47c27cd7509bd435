package io.pactbroker.broker.pacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.broker.support.ApiTest;
import io.pactbroker.broker.verifications.ProviderScope;
import io.pactbroker.broker.verifications.VerificationService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How long pacts for verification takes against a broker with a long history. Not part of the suite (the class name
 * does not end in Test) and it asserts no timings; run it with
 *
 * <pre>
 * ./mvnw -pl broker-service -am verify -Dtest=PactsForVerificationBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     [-Dbenchmark.consumers=5 -Dbenchmark.versions=3000 -Dbenchmark.providerVersions=3000]
 * </pre>
 *
 * <p>The history is written with SQL (it would take minutes through the API): each consumer has {@code versions}
 * versions, one an hour, nine in ten on {@code main} and every tenth on its own feature branch, every 50th tagged
 * {@code prod}, the content changing every ten versions on main; one deployed to {@code prod} after 100 earlier
 * deployments, two releases supported and 20 ended. The provider has {@code providerVersions} versions on main, each
 * verifying the main content of every consumer current at its time. Every read model is filled as the services fill
 * it. The timed request is what a provider build on main sends: main branches, deployed or released, matching branch,
 * pending and WIP for the last week.
 */
@QuarkusTest
class PactsForVerificationBenchmark extends ApiTest {

    private static final int CONSUMERS = Integer.getInteger("benchmark.consumers", 5);
    private static final int VERSIONS = Integer.getInteger("benchmark.versions", 3000);
    private static final int PROVIDER_VERSIONS = Integer.getInteger("benchmark.providerVersions", 3000);
    private static final int RUNS = Integer.getInteger("benchmark.runs", 30);

    private static final String REQUEST = "{\"providerVersionBranch\": \"main\", \"includePendingStatus\": true,"
            + " \"includeWipPactsSince\": \"%s\", \"consumerVersionSelectors\": [{\"mainBranch\": true},"
            + " {\"deployedOrReleased\": true}, {\"matchingBranch\": true}]}";

    @Test
    void measurePactsForVerification() throws JsonProcessingException {
        long seedStart = System.nanoTime();
        seed();
        long seeded = (System.nanoTime() - seedStart) / 1_000_000;
        String since = java.time.OffsetDateTime.now().minusDays(7).toString();
        String body = String.format(REQUEST, since);

        Response first = json(body).post("/pacts/provider/Bar/for-verification");
        assertThat(first.statusCode()).isEqualTo(200);
        int pacts = first.jsonPath().getList("_embedded.pacts").size();
        int wip = first.jsonPath().getList("_embedded.pacts.verificationProperties.wip").stream()
                .filter(Boolean.TRUE::equals)
                .toList()
                .size();
        for (int i = 0; i < 5; i++) {
            json(body).post("/pacts/provider/Bar/for-verification");
        }
        if (Boolean.getBoolean("benchmark.phases")) {
            phases(body);
        }
        // timed with the JDK's HTTP client, so that the numbers are the broker's, not RestAssured's
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl() + "/pacts/provider/Bar/for-verification"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build();
        List<Long> times = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            java.net.http.HttpResponse<byte[]> response;
            try {
                response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            times.add((System.nanoTime() - start) / 1_000);
            assertThat(response.statusCode()).isEqualTo(200);
            size = response.body().length;
        }
        times.sort(Long::compare);
        System.out.printf(
                "%nBENCHMARK pacts-for-verification: %d consumers x %d versions (%s pact publications), %d provider"
                        + " versions, %s verifications, seeded in %d ms%n"
                        + "BENCHMARK answer: %d pacts (%d WIP, %d bytes); over %d runs: median %.1f ms, p90 %.1f ms, max %.1f ms%n",
                CONSUMERS,
                VERSIONS,
                database.single("SELECT count(*) FROM pact_publications"),
                PROVIDER_VERSIONS,
                database.single("SELECT count(*) FROM verifications"),
                seeded,
                pacts,
                wip,
                size,
                RUNS,
                times.get(times.size() / 2) / 1000.0,
                times.get((int) (times.size() * 0.9)) / 1000.0,
                times.get(times.size() - 1) / 1000.0);
    }

    @Inject
    PactsForVerificationRepository repository;

    @Inject
    PactsForVerificationService service;

    @Inject
    VerificationService verifications;

    @Inject
    PactsForVerificationResource resource;

    @Inject
    ObjectMapper mapper;

    /** Times each query of the answer, the service, and the resource with the JSON writing, in-process. */
    private void phases(String body) throws JsonProcessingException {
        Long bar = Long.valueOf(database.single("SELECT id FROM pacticipants WHERE name = 'Bar'"));
        ObjectNode json = (ObjectNode) mapper.readTree(body);
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            int main = repository
                    .select(bar, ConsumerVersionSelector.forMainBranch())
                    .size();
            long t1 = System.nanoTime();
            int deployed = service.rows(bar, ConsumerVersionSelector.currentlyDeployed(null))
                    .size();
            long t2 = System.nanoTime();
            int released = service.rows(bar, ConsumerVersionSelector.currentlySupported(null))
                    .size();
            long t3 = System.nanoTime();
            List<PactsForVerificationRepository.Row> heads =
                    repository.heads(bar, OffsetDateTime.now().minusDays(7));
            long t4 = System.nanoTime();
            verifications.verifiedSuccessfully(
                    heads.stream().map(r -> r.pact().pactVersionId()).distinct().toList(),
                    bar,
                    ProviderScope.branch("main"),
                    false);
            long t5 = System.nanoTime();
            int found = service.find("Bar", service.parse(json)).size();
            long t6 = System.nanoTime();
            Object entity = resource.post("Bar", "application/json", body.getBytes(StandardCharsets.UTF_8))
                    .getEntity();
            long t7 = System.nanoTime();
            mapper.writeValueAsBytes(entity);
            long t8 = System.nanoTime();
            System.out.printf(
                    "PHASES main branches %d pacts %.1f ms, deployed %d %.1f ms, released %d %.1f ms, WIP candidates"
                            + " %d %.1f ms, verified on main %.1f ms; service %d pacts %.1f ms, resource %.1f ms,"
                            + " JSON %.1f ms%n",
                    main,
                    ms(t0, t1),
                    deployed,
                    ms(t1, t2),
                    released,
                    ms(t2, t3),
                    heads.size(),
                    ms(t3, t4),
                    ms(t4, t5),
                    found,
                    ms(t5, t6),
                    ms(t6, t7),
                    ms(t7, t8));
        }
    }

    private static double ms(long from, long to) {
        return (to - from) / 1e6;
    }

    private void seed() {
        database.update(
                "INSERT INTO pacticipants (name, main_branch)"
                        + " SELECT 'Consumer' || c, 'main' FROM generate_series(1, ?) c",
                CONSUMERS);
        database.update("INSERT INTO pacticipants (name, main_branch) VALUES ('Bar', 'main')");
        // consumer versions, one an hour up to now, in creation order
        database.update(
                "INSERT INTO versions (number, pacticipant_id, created_at, updated_at)"
                        + " SELECT v::text, p.id, now() - make_interval(hours => ? - v),"
                        + " now() - make_interval(hours => ? - v)"
                        + " FROM generate_series(1, ?) v, pacticipants p WHERE p.name LIKE 'Consumer%'"
                        + " ORDER BY v, p.id",
                VERSIONS, VERSIONS, VERSIONS);
        database.update("INSERT INTO branches (name, pacticipant_id) SELECT DISTINCT CASE WHEN v.number::int % 10 = 0"
                + " THEN 'feat-' || v.number ELSE 'main' END, v.pacticipant_id FROM versions v"
                + " JOIN pacticipants p ON p.id = v.pacticipant_id WHERE p.name LIKE 'Consumer%'");
        database.update(
                "INSERT INTO branch_versions (branch_id, version_id, version_order, pacticipant_id, branch_name)"
                        + " SELECT b.id, v.id, v.\"order\", v.pacticipant_id, b.name FROM versions v JOIN branches b"
                        + " ON b.pacticipant_id = v.pacticipant_id AND b.name = CASE WHEN v.number::int % 10 = 0"
                        + " THEN 'feat-' || v.number ELSE 'main' END");
        database.update("INSERT INTO tags (name, version_id, pacticipant_id, version_order)"
                + " SELECT 'prod', v.id, v.pacticipant_id, v.\"order\" FROM versions v"
                + " JOIN pacticipants p ON p.id = v.pacticipant_id WHERE p.name LIKE 'Consumer%'"
                + " AND v.number::int % 50 = 0");
        // contents: main changes every ten versions, each feature branch has its own
        database.update("INSERT INTO pact_versions (consumer_id, provider_id, sha, content, interactions_count)"
                + " SELECT DISTINCT v.pacticipant_id, (SELECT id FROM pacticipants WHERE name = 'Bar'),"
                + " md5(v.pacticipant_id || '-' || CASE WHEN v.number::int % 10 = 0 THEN 'f' || v.number"
                + " ELSE 'm' || (v.number::int / 10) END), '{\"interactions\":[{\"description\":\"x\"}]}', 1"
                + " FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id WHERE p.name LIKE 'Consumer%'");
        database.update("INSERT INTO pact_publications (consumer_version_id, provider_id, consumer_id,"
                + " consumer_version_order, revision_number, pact_version_id, created_at)"
                + " SELECT v.id, pv.provider_id, v.pacticipant_id, v.\"order\", 1, pv.id, v.created_at FROM versions v"
                + " JOIN pact_versions pv ON pv.consumer_id = v.pacticipant_id AND pv.sha = md5(v.pacticipant_id"
                + " || '-' || CASE WHEN v.number::int % 10 = 0 THEN 'f' || v.number"
                + " ELSE 'm' || (v.number::int / 10) END)");
        database.update("INSERT INTO latest_pact_publication_ids_for_consumer_versions (consumer_version_id,"
                + " provider_id, consumer_id, pact_publication_id, pact_version_id, consumer_version_order, created_at)"
                + " SELECT consumer_version_id, provider_id, consumer_id, id, pact_version_id, consumer_version_order,"
                + " created_at FROM pact_publications");
        database.update("INSERT INTO integrations (consumer_id, provider_id, contract_data_updated_at)"
                + " SELECT DISTINCT consumer_id, provider_id, now() FROM pact_publications");
        // the provider: versions on main, each verifying the main content of every consumer current at its time
        database.update(
                "INSERT INTO versions (number, pacticipant_id, created_at, updated_at)"
                        + " SELECT 'p' || v, p.id, now() - make_interval(hours => ? - v),"
                        + " now() - make_interval(hours => ? - v)"
                        + " FROM generate_series(1, ?) v, pacticipants p WHERE p.name = 'Bar' ORDER BY v",
                PROVIDER_VERSIONS,
                PROVIDER_VERSIONS,
                PROVIDER_VERSIONS);
        database.update("INSERT INTO branches (name, pacticipant_id, created_at)"
                + " SELECT 'main', id, now() - interval '10 years' FROM pacticipants WHERE name = 'Bar'");
        database.update(
                "INSERT INTO branch_versions (branch_id, version_id, version_order, pacticipant_id, branch_name)"
                        + " SELECT b.id, v.id, v.\"order\", v.pacticipant_id, 'main' FROM versions v"
                        + " JOIN branches b ON b.pacticipant_id = v.pacticipant_id WHERE b.name = 'main'"
                        + " AND v.pacticipant_id = (SELECT id FROM pacticipants WHERE name = 'Bar')");
        database.update("INSERT INTO branch_heads (branch_id, branch_version_id, version_id, pacticipant_id,"
                + " branch_name) SELECT DISTINCT ON (bv.branch_id) bv.branch_id, bv.id, bv.version_id,"
                + " bv.pacticipant_id, bv.branch_name FROM branch_versions bv"
                + " ORDER BY bv.branch_id, bv.version_order DESC");
        database.update(
                "INSERT INTO verifications (number, success, provider_version_id, provider_id, consumer_id,"
                        + " pact_version_id, execution_date, created_at)"
                        + " SELECT nextval('verification_number_seq'), true, pver.id, pver.pacticipant_id,"
                        + " c.id, pp.pact_version_id, pver.created_at, pver.created_at FROM versions pver"
                        + " JOIN pacticipants p ON p.id = pver.pacticipant_id AND p.name = 'Bar'"
                        + " CROSS JOIN pacticipants c"
                        + " JOIN versions cv ON cv.pacticipant_id = c.id"
                        + " AND cv.number = (greatest(1, (substring(pver.number, 2)::int * ? / ?)"
                        + " / 10 * 10 + 1))::text"
                        + " JOIN pact_publications pp ON pp.consumer_version_id = cv.id"
                        + " WHERE c.name LIKE 'Consumer%'",
                VERSIONS, PROVIDER_VERSIONS);
        database.update("INSERT INTO latest_verification_id_for_pact_version_and_provider_version (pact_version_id,"
                + " provider_version_id, provider_id, consumer_id, verification_id, created_at)"
                + " SELECT DISTINCT ON (pact_version_id, provider_version_id) pact_version_id, provider_version_id,"
                + " provider_id, consumer_id, id, created_at FROM verifications"
                + " ORDER BY pact_version_id, provider_version_id, id DESC");
        // environments: a history of deployments and releases, one live deployment and two supported releases
        database.update("INSERT INTO environments (uuid, name, production) VALUES ('e-prod', 'prod', true),"
                + " ('e-store', 'app-store', true)");
        database.update(
                "INSERT INTO deployed_versions (uuid, version_id, pacticipant_id, environment_id, undeployed_at)"
                        + " SELECT 'd-' || v.id, v.id, v.pacticipant_id, (SELECT id FROM environments WHERE name ="
                        + " 'prod'), CASE WHEN v.number::int = ? - 51 THEN NULL ELSE now() END"
                        + " FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id"
                        + " WHERE p.name LIKE 'Consumer%' AND v.number::int BETWEEN ? - 151 AND ? - 51",
                VERSIONS, VERSIONS, VERSIONS);
        database.update("INSERT INTO currently_deployed_version_ids (pacticipant_id, environment_id, version_id,"
                + " deployed_version_id) SELECT pacticipant_id, environment_id, version_id, id FROM deployed_versions"
                + " WHERE undeployed_at IS NULL");
        database.update(
                "INSERT INTO released_versions (uuid, version_id, pacticipant_id, environment_id, support_ended_at)"
                        + " SELECT 'r-' || v.id, v.id, v.pacticipant_id, (SELECT id FROM environments WHERE name ="
                        + " 'app-store'), CASE WHEN v.number::int > ? - 300 THEN NULL ELSE now() END"
                        + " FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id"
                        + " WHERE p.name LIKE 'Consumer%' AND v.number::int % 100 = 1 AND v.number::int > ? - 2200",
                VERSIONS, VERSIONS);
        database.execute("ANALYZE");
    }
}
