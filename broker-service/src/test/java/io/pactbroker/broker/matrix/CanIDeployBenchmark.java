package io.pactbroker.broker.matrix;

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
 * Measures can-i-deploy and the matrix on a large broker. Not a test: it asserts nothing about time and only runs when
 * asked, with {@code -Dbench=true} (see docs/benchmarks.md for the command and the results).
 *
 * <p>The data is generated in SQL: {@code apps} pacticipants with {@code versions} versions each (every version on
 * {@code main}, every tenth tagged {@code prod}), each consuming four providers, a pact per consumer version and
 * provider (a new content every twentieth version), a verification per provider version, two live deployments and
 * two supported releases per pacticipant in production plus a history of ended ones. It is run at two sizes: the
 * answer must not get slower as history grows.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class CanIDeployBenchmark extends ApiTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void measure() throws Exception {
        int apps = Integer.getInteger("bench.apps", 60);
        List<String> report = new ArrayList<>();
        for (int versions :
                new int[] {Integer.getInteger("bench.small", 200), Integer.getInteger("bench.large", 5000)}) {
            database.clean();
            long start = System.nanoTime();
            generate(apps, versions);
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            report.add(String.format(
                    Locale.ROOT,
                    "%n%d pacticipants x %d versions: %s versions, %s pacts, %s verifications, %s deployments"
                            + " (generated in %d s)",
                    apps,
                    versions,
                    database.count("versions"),
                    database.count("pact_publications"),
                    database.count("verifications"),
                    database.count("deployed_versions"),
                    seconds));
            String latest = String.valueOf(versions);
            report.add(time(
                    "can-i-deploy consumer to environment (4 providers x 4 live versions)",
                    "/can-i-deploy?pacticipant=app-0&version=" + latest + "&environment=production"));
            report.add(time(
                    "can-i-deploy provider to environment (4 consumers x 4 live versions)",
                    "/can-i-deploy?pacticipant=app-4&version=" + latest + "&environment=production"));
            report.add(time(
                    "can-i-deploy to the latest with tag prod",
                    "/can-i-deploy?pacticipant=app-0&version=" + latest + "&to=prod"));
            report.add(time(
                    "matrix to the main branch heads",
                    "/matrix?q%5B%5D%5Bpacticipant%5D=app-0&q%5B%5D%5Bversion%5D=" + latest
                            + "&latestby=cvp&mainBranch=true&latest=true"));
            report.add(time(
                    "matrix of two versions",
                    "/matrix?q%5B%5D%5Bpacticipant%5D=app-0&q%5B%5D%5Bversion%5D=" + latest
                            + "&q%5B%5D%5Bpacticipant%5D=app-1&q%5B%5D%5Bversion%5D=" + latest + "&latestby=cvpv"));
            report.add(time(
                    "matrix browse of an integration (100 newest rows)",
                    "/matrix?q%5B%5D%5Bpacticipant%5D=app-0&q%5B%5D%5Bpacticipant%5D=app-1&latestby=cvpv"));
            if (Boolean.getBoolean("bench.explain")) {
                report.add(plans(versions));
            }
        }
        System.out.println("\n==== can-i-deploy benchmark ====" + String.join("\n", report) + "\n");
    }

    /** 50 warm-up requests, then 200 timed ones: median, 95th percentile and maximum, in milliseconds. */
    private static String time(String name, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Accept", "application/hal+json")
                .build();
        for (int i = 0; i < 50; i++) {
            check(CLIENT.send(request, HttpResponse.BodyHandlers.ofString()), path);
        }
        long[] times = new long[200];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            check(CLIENT.send(request, HttpResponse.BodyHandlers.ofString()), path);
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        return String.format(
                Locale.ROOT,
                "  %-72s median %6.2f ms  p95 %6.2f ms  max %6.2f ms",
                name,
                times[times.length / 2] / 1e6,
                times[(int) (times.length * 0.95)] / 1e6,
                times[times.length - 1] / 1e6);
    }

    private static void check(HttpResponse<String> response, String path) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
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
            "INSERT INTO integrations (consumer_id, provider_id) SELECT c.id, p.id FROM bench_app c"
                    + " JOIN generate_series(1, 4) k ON true JOIN bench_app p ON p.n = (c.n + k) % " + apps,
            "INSERT INTO pact_versions (consumer_id, provider_id, sha, content, interactions_count)"
                    + " SELECT i.consumer_id, i.provider_id, md5(i.id || ':' || m), '{\"consumer\":{\"name\":\"c\"},"
                    + "\"provider\":{\"name\":\"p\"},\"interactions\":[{\"description\":\"request ' || m || '\","
                    + "\"request\":{\"method\":\"GET\",\"path\":\"/' || m || '\"},\"response\":{\"status\":200}}]}', 1"
                    + " FROM integrations i CROSS JOIN generate_series(0, " + (versions / 20) + ") m",
            "INSERT INTO pact_publications (consumer_version_id, provider_id, consumer_id, consumer_version_order,"
                    + " revision_number, pact_version_id) SELECT v.id, i.provider_id, i.consumer_id, v.\"order\", 1,"
                    + " pv.id FROM versions v JOIN integrations i ON i.consumer_id = v.pacticipant_id"
                    + " JOIN pact_versions pv ON pv.consumer_id = i.consumer_id AND pv.provider_id = i.provider_id"
                    + " AND pv.sha = md5(i.id || ':' || (v.number::int / 20))",
            "INSERT INTO latest_pact_publication_ids_for_consumer_versions (consumer_version_id, provider_id,"
                    + " consumer_id, pact_publication_id, pact_version_id, consumer_version_order, created_at)"
                    + " SELECT consumer_version_id, provider_id, consumer_id, id, pact_version_id,"
                    + " consumer_version_order, created_at FROM pact_publications",
            "INSERT INTO verifications (number, success, provider_version_id, provider_id, consumer_id,"
                    + " pact_version_id, build_url) SELECT row_number() OVER (PARTITION BY pv.id ORDER BY v.id), "
                    + " v.number::int % 13 <> 0, v.id, i.provider_id, i.consumer_id, pv.id, 'https://ci/' || v.id"
                    + " FROM versions v JOIN integrations i ON i.provider_id = v.pacticipant_id"
                    + " JOIN pact_versions pv ON pv.consumer_id = i.consumer_id AND pv.provider_id = i.provider_id"
                    + " AND pv.sha = md5(i.id || ':' || (v.number::int / 20))",
            // the latest verification read model, as VerificationService keeps it (one verification per pair here)
            "INSERT INTO latest_verification_id_for_pact_version_and_provider_version (pact_version_id,"
                    + " provider_version_id, provider_id, consumer_id, verification_id, created_at)"
                    + " SELECT DISTINCT ON (pact_version_id, provider_version_id) pact_version_id, provider_version_id,"
                    + " provider_id, consumer_id, id, created_at FROM verifications"
                    + " ORDER BY pact_version_id, provider_version_id, id DESC",
            "INSERT INTO environments (uuid, name, display_name, production) VALUES ('prod', 'production',"
                    + " 'Production', true), ('stage', 'staging', 'Staging', false)",
            "INSERT INTO deployed_versions (uuid, version_id, pacticipant_id, environment_id, target,"
                    + " target_for_index, undeployed_at) SELECT md5(v.id || 'd'), v.id, v.pacticipant_id, e.id,"
                    + " 'a', 'a', now() FROM versions v, environments e WHERE e.name = 'production'"
                    + " AND v.number::int % 10 = 5",
            "INSERT INTO deployed_versions (uuid, version_id, pacticipant_id, environment_id, target,"
                    + " target_for_index) SELECT md5(v.id || 'live'), v.id, v.pacticipant_id, e.id,"
                    + " CASE WHEN v.number::int = " + versions + " THEN 'a' ELSE 'b' END,"
                    + " CASE WHEN v.number::int = " + versions + " THEN 'a' ELSE 'b' END"
                    + " FROM versions v, environments e WHERE e.name = 'production'"
                    + " AND v.number::int >= " + (versions - 1),
            "INSERT INTO currently_deployed_version_ids (pacticipant_id, environment_id, version_id,"
                    + " deployed_version_id, target_for_index) SELECT pacticipant_id, environment_id, version_id, id,"
                    + " target_for_index FROM deployed_versions WHERE undeployed_at IS NULL",
            "INSERT INTO released_versions (uuid, version_id, pacticipant_id, environment_id, support_ended_at)"
                    + " SELECT md5(v.id || 'r'), v.id, v.pacticipant_id, e.id, CASE WHEN v.number::int >= "
                    + (versions - 3) + " THEN NULL ELSE now() END FROM versions v, environments e"
                    + " WHERE e.name = 'production' AND (v.number::int % 7 = 0 OR v.number::int IN (" + (versions - 2)
                    + ", " + (versions - 3) + "))",
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

    /**
     * The plans of the statements can-i-deploy makes, as DeploymentRepository, MatrixRepository and
     * VerificationRepository write them, with real ids.
     */
    private String plans(int versions) throws SQLException {
        String providers = "ARRAY(SELECT id FROM pacticipants WHERE name IN ('app-1', 'app-2', 'app-3', 'app-4'))";
        String production = "(SELECT id FROM environments WHERE name = 'production')";
        String consumerVersion = "(SELECT v.id FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id"
                + " WHERE p.name = 'app-0' AND v.number = '" + versions + "')";
        String liveInProduction = "SELECT c.pacticipant_id, c.version_id, v.number, e.id, e.name, e.production, true,"
                + " dv.target FROM currently_deployed_version_ids c JOIN versions v ON v.id = c.version_id"
                + " JOIN deployed_versions dv ON dv.id = c.deployed_version_id"
                + " JOIN environments e ON e.id = c.environment_id"
                + " WHERE c.pacticipant_id = ANY(" + providers + ") AND c.environment_id = " + production
                + " UNION ALL SELECT rv.pacticipant_id, rv.version_id, v.number, e.id, e.name, e.production, false,"
                + " NULL FROM released_versions rv JOIN versions v ON v.id = rv.version_id"
                + " JOIN environments e ON e.id = rv.environment_id WHERE rv.pacticipant_id = ANY(" + providers
                + ") AND rv.environment_id = " + production + " AND rv.support_ended_at IS NULL";
        String liveIds = "ARRAY(SELECT live.version_id FROM (" + liveInProduction + ") live)";
        String liveOwners = "ARRAY(SELECT live.pacticipant_id FROM (" + liveInProduction + ") live)";
        String liveVersions = "SELECT p.id, x.id FROM pacticipants p CROSS JOIN LATERAL (SELECT v.id, v.number,"
                + " v.\"order\" FROM versions v WHERE v.pacticipant_id = p.id AND v.id IN (SELECT l.version_id FROM"
                + " unnest(" + liveOwners + ", " + liveIds + ") AS l(pacticipant_id, version_id)"
                + " WHERE l.pacticipant_id = p.id) ORDER BY v.\"order\" DESC) x WHERE p.id = ANY(" + providers + ")";
        String latestWithTag = "SELECT p.id, x.id FROM pacticipants p CROSS JOIN LATERAL (SELECT v.id FROM versions v"
                + " WHERE v.pacticipant_id = p.id AND v.id = (SELECT t.version_id FROM tags t WHERE t.pacticipant_id"
                + " = p.id AND t.name = 'prod' ORDER BY t.version_order DESC LIMIT 1) ORDER BY v.\"order\" DESC"
                + " LIMIT 1) x WHERE p.id = ANY(" + providers + ")";
        String pacts = "SELECT p.pact_version_id, p.provider_id FROM latest_pact_publication_ids_for_consumer_versions"
                + " p WHERE p.consumer_version_id = ANY(ARRAY[" + consumerVersion + "])";
        String contents = "ARRAY(" + pacts.replace(", p.provider_id", "") + ")";
        String verifications = "SELECT v.id, v.pact_version_id, v.provider_version_id, pver.number, pver.\"order\","
                + " v.number, v.success, v.execution_date, v.created_at, v.build_url"
                + " FROM latest_verification_id_for_pact_version_and_provider_version lv"
                + " JOIN verifications v ON v.id = lv.verification_id"
                + " JOIN versions pver ON pver.id = lv.provider_version_id WHERE lv.pact_version_id = ANY(" + contents
                + ") AND lv.provider_version_id = ANY(" + liveIds + ") ORDER BY v.id DESC";
        // what the matrix asked before it used the read model, kept to compare the two on the same data
        String formerVerifications = "SELECT vf.id, vf.pact_version_id, vf.provider_version_id, pv.number,"
                + " pv.\"order\", vf.number, vf.success, vf.execution_date, vf.created_at, vf.build_url FROM (SELECT"
                + " DISTINCT ON (vf.pact_version_id, vf.provider_version_id) vf.* FROM verifications vf"
                + " WHERE vf.pact_version_id = ANY(" + contents + ") AND vf.provider_version_id = ANY(" + liveIds + ")"
                + " ORDER BY vf.pact_version_id, vf.provider_version_id, vf.id DESC) vf"
                + " JOIN versions pv ON pv.id = vf.provider_version_id ORDER BY vf.id DESC";
        return "\n-- live versions of 4 providers in production (DeploymentService.liveVersions)\n"
                + explain(liveInProduction)
                + "\n-- those versions as the matrix selects them\n" + explain(liveVersions)
                + "\n-- latest version with tag prod of 4 providers\n" + explain(latestWithTag)
                + "\n-- pacts of a consumer version\n" + explain(pacts)
                + "\n-- newest verification of each (content, live provider version), from the read model\n"
                + explain(verifications)
                + "\n-- the same with DISTINCT ON over verifications (the matrix before the read model), for comparison\n"
                + explain(formerVerifications);
    }

    /** The plan of a statement, for looking at by hand while tuning: of its second run, so the cache is warm. */
    String explain(String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.executeQuery(sql).close();
            try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        }
        return plan.toString();
    }
}
