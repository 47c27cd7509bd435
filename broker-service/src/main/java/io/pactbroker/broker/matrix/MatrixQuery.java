package io.pactbroker.broker.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A matrix query: the selectors of the versions asked about, and the options. The target options ({@code latest},
 * {@code tag}, {@code branch}, {@code mainBranch}, {@code environment}) name the versions of the other integrated
 * pacticipants the selected versions are to be deployed with: that makes it a can-i-deploy question.
 *
 * @param latestby {@code cvpv}, {@code cvp}, {@code cp} or null (every revision and every verification)
 * @param limit the most rows to list (the verdict of a query that names versions considers them all)
 * @param success the verification results to keep ({@code true}, {@code false}, null for unverified), or null for all
 * @param selectorColumns the selectors' values by key when their parameters came sorted by name, so that which value
 *     belongs to which pacticipant must be worked out (see {@link MatrixService}); null otherwise
 */
public record MatrixQuery(
        List<Selector> selectors,
        List<Selector> ignore,
        String latestby,
        String limit,
        Boolean latest,
        String tag,
        String branch,
        Boolean mainBranch,
        String environment,
        List<Boolean> success,
        Map<String, List<String>> selectorColumns) {

    public static final int DEFAULT_LIMIT = 100;

    /** The query of {@code GET /matrix}, from its raw query string. */
    public static MatrixQuery parse(String rawQuery) {
        QueryString q = QueryString.parse(rawQuery);
        List<Selector> selectors =
                q.objects("q").stream().map(MatrixQuery::selector).toList();
        List<Selector> ignore =
                q.objects("ignore").stream().map(MatrixQuery::selector).toList();
        List<Boolean> success = null;
        List<String> successValues = q.list("success");
        if (successValues != null) {
            success = new ArrayList<>();
            for (String value : successValues) {
                success.add(value.isEmpty() ? null : "true".equals(value));
            }
        }
        return new MatrixQuery(
                selectors,
                ignore,
                blankToNull(q.value("latestby")),
                blankToNull(q.value("limit")),
                flag(q.value("latest")),
                blankToNull(q.value("tag")),
                blankToNull(q.value("branch")),
                flag(q.value("mainBranch")),
                blankToNull(q.value("environment")),
                success,
                q.ambiguousColumns("q"));
    }

    /** A copy with other selectors and options kept (for the fixed-shape can-i-deploy resources). */
    public MatrixQuery withSelectors(List<Selector> newSelectors) {
        return new MatrixQuery(
                newSelectors, ignore, latestby, limit, latest, tag, branch, mainBranch, environment, success, null);
    }

    /** A query for the given selectors with the given target and nothing else. */
    public static MatrixQuery of(List<Selector> selectors, List<Selector> ignore, String latestby, Target target) {
        return new MatrixQuery(
                selectors,
                ignore,
                latestby,
                null,
                target.latest() ? Boolean.TRUE : null,
                target.tag(),
                target.branch(),
                target.mainBranch() ? Boolean.TRUE : null,
                target.environment(),
                null,
                null);
    }

    /** Where the selected versions are going: at most one of environment, tag, branch, main branch. */
    public record Target(String environment, String tag, String branch, boolean mainBranch, boolean latest) {

        public static Target environment(String name) {
            return new Target(name, null, null, false, false);
        }

        public static Target latestWithTag(String tag) {
            return new Target(null, tag, null, false, true);
        }

        public static Target latestOnMainBranch() {
            return new Target(null, null, null, true, true);
        }
    }

    /** Whether the query names a target, which makes the broker infer the versions of the integrated pacticipants. */
    public boolean hasTarget() {
        return Boolean.TRUE.equals(latest)
                || tag != null
                || branch != null
                || environment != null
                || Boolean.TRUE.equals(mainBranch);
    }

    static Selector selector(Map<String, String> o) {
        return new Selector(
                blankToNull(o.get("pacticipant")),
                blankToNull(o.get("version")),
                blankToNull(o.get("branch")),
                "true".equals(o.get("mainBranch")),
                blankToNull(o.get("tag")),
                "true".equals(o.get("latest")),
                blankToNull(o.get("environment")));
    }

    private static Boolean flag(String value) {
        return value == null || value.isEmpty() ? null : "true".equals(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
