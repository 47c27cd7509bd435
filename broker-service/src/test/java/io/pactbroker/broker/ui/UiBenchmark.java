package io.pactbroker.broker.ui;

import io.agroal.api.AgroalDataSource;
import io.pactbroker.broker.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures every UI page on a large broker. Not a test: it asserts nothing about time and only runs with
 * {@code -Dbench=true} (docs/benchmarks.md has the command and the results).
 *
 * <p>Generated in SQL: {@code apps} pacticipants ({@code -Dbench.apps}, 1000) with {@code versions} versions each
 * ({@code -Dbench.versions}, 50; every version on {@code main}, every tenth tagged {@code prod}), each consuming three
 * providers (3000 integrations), a pact per consumer version and provider (new content every tenth version), a
 * verification by every provider version (every 13th failing), live deployments and a history of ended ones in
 * production, releases.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class UiBenchmark extends ApiTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void measure() throws Exception {
        int apps = Integer.getInteger("bench.apps", 1000);
        int versions = Integer.getInteger("bench.versions", 50);
        long start = System.nanoTime();
        generate(apps, versions);
        List<String> report = new ArrayList<>();
        report.add(String.format(
                Locale.ROOT,
                "%d pacticipants x %d versions: %s integrations, %s versions, %s pacts, %s verifications,"
                        + " %s deployments (generated in %d s)",
                apps,
                versions,
                database.count("integrations"),
                database.count("versions"),
                database.count("pact_publications"),
                database.count("verifications"),
                database.count("deployed_versions"),
                (System.nanoTime() - start) / 1_000_000_000L));
        String sha = single("SELECT pv.sha FROM latest_pact_publication_ids_for_consumer_versions l"
                + " JOIN pact_versions pv ON pv.id = l.pact_version_id JOIN versions v ON v.id = l.consumer_version_id"
                + " JOIN pacticipants c ON c.id = l.consumer_id JOIN pacticipants p ON p.id = l.provider_id"
                + " WHERE c.name = 'app-0' AND p.name = 'app-1' AND v.number = '" + versions + "'");
        String number = single("SELECT max(v.number)::text FROM verifications v JOIN pact_versions pv"
                + " ON pv.id = v.pact_version_id WHERE pv.sha = '" + sha + "'");
        String env = single("SELECT uuid FROM environments WHERE name = 'production'");
        String last = String.valueOf(versions);
        report.add(time("dashboard, latest publication first (page 1 of 60)", "/ui"));
        report.add(time("dashboard, by name, page 30", "/ui?sort=name&page=30"));
        report.add(time("dashboard, search 'app-12'", "/ui?q=app-12"));
        report.add(time("dashboard, status failed", "/ui?status=failed"));
        report.add(time("dashboard, live in production, page 2", "/ui?environment=production&page=2"));
        report.add(time("pacticipant app-0 (versions page 1, integrations)", "/ui/pacticipants/app-0"));
        report.add(time("pacticipant app-0, versions page 2", "/ui/pacticipants/app-0?page=2"));
        report.add(time(
                "pact app-0 -> app-1 (documentation, history, diff with previous distinct)",
                "/ui/pacts/provider/app-1/consumer/app-0/version/" + last));
        report.add(time(
                "pact app-0 -> app-1, diff with version 1",
                "/ui/pacts/provider/app-1/consumer/app-0/version/" + last + "?compare=1"));
        report.add(time(
                "verification page",
                "/ui/verifications/provider/app-1/consumer/app-0/pact-version/" + sha + "/" + number));
        report.add(time(
                "can-i-deploy app-0 to production",
                "/ui/matrix?pacticipant=app-0&version=" + last + "&target=environment&environment=production"));
        report.add(time(
                "can-i-deploy app-0 to the main branch heads",
                "/ui/matrix?pacticipant=app-0&version=" + last + "&target=mainBranch"));
        report.add(time("environments (live versions of every environment)", "/ui/environments"));
        report.add(time("environment production (history)", "/ui/environments/" + env));
        report.add(time("network, filtered to 'app-1'", "/ui/network?q=app-1"));
        report.add(time("network, neighbourhood of app-0", "/ui/network?focus=app-0"));
        report.add(time("network, all " + database.count("integrations") + " integrations", "/ui/network"));
        System.out.println("\n==== UI benchmark ====\n" + String.join("\n", report) + "\n");
    }

    /** 20 warm-up requests, then 100 timed ones: median, 95th percentile and maximum, in milliseconds. */
    private static String time(String name, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Accept", "text/html")
                .build();
        for (int i = 0; i < 20; i++) {
            check(CLIENT.send(request, HttpResponse.BodyHandlers.ofString()), path);
        }
        long[] times = new long[100];
        int size = 0;
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            times[i] = System.nanoTime() - start;
            check(response, path);
            size = response.body().length();
        }
        Arrays.sort(times);
        return String.format(
                Locale.ROOT,
                "  %-72s median %7.2f ms  p95 %7.2f ms  max %7.2f ms  (%d kB)",
                name,
                times[times.length / 2] / 1e6,
                times[(int) (times.length * 0.95)] / 1e6,
                times[times.length - 1] / 1e6,
                size / 1024);
    }

    private static void check(HttpResponse<String> response, String path) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private String single(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void generate(int apps, int versions) throws SQLException {
        String[] statements = {
            "INSERT INTO pacticipants (name, display_name, main_branch) SELECT 'app-' || i, 'App ' || i, 'main'"
                    + " FROM generate_series(0, " + (apps - 1) + ") i",
            "INSERT INTO versions (number, pacticipant_id) SELECT j::text, p.id FROM generate_series(1, " + versions
                    + ") j CROSS JOIN pacticipants p ORDER BY j, p.id",
            "INSERT INTO branches (name, pacticipant_id) SELECT 'main', id FROM pacticipants",
            "INSERT INTO branch_versions (branch_id, version_id, version_order, pacticipant_id, branch_name)"
                    + " SELECT b.id, v.id, v.\"order\", v.pacticipant_id, 'main' FROM versions v"
                    + " JOIN branches b ON b.pacticipant_id = v.pacticipant_id",
            "INSERT INTO branch_heads (branch_id, branch_version_id, version_id, pacticipant_id, branch_name)"
                    + " SELECT DISTINCT ON (bv.branch_id) bv.branch_id, bv.id, bv.version_id, bv.pacticipant_id,"
                    + " 'main' FROM branch_versions bv ORDER BY bv.branch_id, bv.version_order DESC",
            "INSERT INTO tags (name, version_id, pacticipant_id, version_order) SELECT 'prod', v.id,"
                    + " v.pacticipant_id, v.\"order\" FROM versions v WHERE v.number::int % 10 = 0",
            "CREATE TEMP TABLE bench_app AS SELECT id, substring(name from 5)::int AS n FROM pacticipants",
            "INSERT INTO integrations (consumer_id, provider_id, contract_data_updated_at) SELECT c.id, p.id,"
                    + " now() - (c.n || ' minutes')::interval FROM bench_app c"
                    + " JOIN generate_series(1, 3) k ON true JOIN bench_app p ON p.n = (c.n + k) % " + apps,
            "INSERT INTO pact_versions (consumer_id, provider_id, sha, content, interactions_count)"
                    + " SELECT i.consumer_id, i.provider_id, md5(i.id || ':' || m), '{\"consumer\":{\"name\":\"c\"},"
                    + "\"provider\":{\"name\":\"p\"},\"interactions\":[{\"description\":\"request ' || m || '\","
                    + "\"request\":{\"method\":\"GET\",\"path\":\"/' || m || '\"},\"response\":{\"status\":200,"
                    + "\"body\":{\"id\":' || m || ',\"name\":\"n\"},\"matchingRules\":{\"body\":{\"$.id\":"
                    + "{\"matchers\":[{\"match\":\"integer\"}]}}}}}],\"metadata\":{\"pactSpecification\":"
                    + "{\"version\":\"3.0.0\"}}}', 1"
                    + " FROM integrations i CROSS JOIN generate_series(0, " + (versions / 10) + ") m",
            "INSERT INTO pact_publications (consumer_version_id, provider_id, consumer_id, consumer_version_order,"
                    + " revision_number, pact_version_id) SELECT v.id, i.provider_id, i.consumer_id, v.\"order\", 1,"
                    + " pv.id FROM versions v JOIN integrations i ON i.consumer_id = v.pacticipant_id"
                    + " JOIN pact_versions pv ON pv.consumer_id = i.consumer_id AND pv.provider_id = i.provider_id"
                    + " AND pv.sha = md5(i.id || ':' || (v.number::int / 10))",
            "INSERT INTO latest_pact_publication_ids_for_consumer_versions (consumer_version_id, provider_id,"
                    + " consumer_id, pact_publication_id, pact_version_id, consumer_version_order, created_at)"
                    + " SELECT consumer_version_id, provider_id, consumer_id, id, pact_version_id,"
                    + " consumer_version_order, created_at FROM pact_publications",
            "INSERT INTO verifications (number, success, provider_version_id, provider_id, consumer_id,"
                    + " pact_version_id, build_url, test_results) SELECT nextval('verification_number_seq'),"
                    + " (v.number::int + i.consumer_id) % 13 <> 0, v.id, i.provider_id, i.consumer_id, pv.id,"
                    + " 'https://ci/' || v.id, '[{\"interactionDescription\":\"request 1\",\"success\":true}]'"
                    + " FROM versions v JOIN integrations i ON i.provider_id = v.pacticipant_id"
                    + " JOIN pact_versions pv ON pv.consumer_id = i.consumer_id AND pv.provider_id = i.provider_id"
                    + " AND pv.sha = md5(i.id || ':' || (v.number::int / 10))",
            "INSERT INTO latest_verification_id_for_pact_version_and_provider_version (pact_version_id,"
                    + " provider_version_id, provider_id, consumer_id, verification_id, created_at)"
                    + " SELECT DISTINCT ON (pact_version_id, provider_version_id) pact_version_id, provider_version_id,"
                    + " provider_id, consumer_id, id, created_at FROM verifications"
                    + " ORDER BY pact_version_id, provider_version_id, id DESC",
            "INSERT INTO environments (uuid, name, display_name, production) VALUES ('prod', 'production',"
                    + " 'Production', true), ('stage', 'staging', 'Staging', false)",
            "INSERT INTO deployed_versions (uuid, version_id, pacticipant_id, environment_id, target,"
                    + " target_for_index, undeployed_at, created_at) SELECT md5(v.id || 'd'), v.id, v.pacticipant_id,"
                    + " e.id, '', '', now(), now() - ((" + versions + " - v.number::int) || ' hours')::interval"
                    + " FROM versions v, environments e WHERE e.name = 'production' AND v.number::int < " + versions,
            "INSERT INTO deployed_versions (uuid, version_id, pacticipant_id, environment_id, target,"
                    + " target_for_index) SELECT md5(v.id || 'live'), v.id, v.pacticipant_id, e.id, '', ''"
                    + " FROM versions v, environments e WHERE e.name = 'production' AND v.number::int = " + versions,
            "INSERT INTO currently_deployed_version_ids (pacticipant_id, environment_id, version_id,"
                    + " deployed_version_id, target_for_index) SELECT pacticipant_id, environment_id, version_id, id,"
                    + " target_for_index FROM deployed_versions WHERE undeployed_at IS NULL",
            "INSERT INTO released_versions (uuid, version_id, pacticipant_id, environment_id, support_ended_at)"
                    + " SELECT md5(v.id || 'r'), v.id, v.pacticipant_id, e.id, CASE WHEN v.number::int >= "
                    + (versions - 10) + " THEN NULL ELSE now() END FROM versions v, environments e"
                    + " WHERE e.name = 'staging' AND v.number::int % 10 = 0",
            "DROP TABLE bench_app",
            "ANALYZE"
        };
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
