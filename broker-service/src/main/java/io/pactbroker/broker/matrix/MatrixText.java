package io.pactbroker.broker.matrix;

import io.pactbroker.broker.common.hal.BrokerUrls;
import io.pactbroker.broker.matrix.Explanation.Problem;
import io.pactbroker.broker.matrix.FailedInteractions.FailedInteraction;
import io.pactbroker.broker.matrix.MatrixService.Answer;
import java.util.ArrayList;
import java.util.List;

/**
 * The matrix as plain text, as the Pact Broker writes it for the can-i-deploy CLI (a table of the rows, then {@code
 * Deployable:} and {@code Reason:}), followed by this broker's explanation.
 */
public final class MatrixText {

    private static final List<String> HEADERS =
            List.of("CONSUMER", "C_VERSION", "REVISION", "PROVIDER", "P_VERSION", "NUMBER", "SUCCESS");

    private MatrixText() {}

    public static String from(Answer answer, BrokerUrls urls) {
        List<MatrixRow> rows = new ArrayList<>(answer.listed());
        rows.addAll(answer.listedIgnored());
        StringBuilder out = new StringBuilder(table(rows));
        Decision d = answer.decision();
        out.append("\n\nDeployable: ")
                .append(d.deployable() == null ? "nil" : d.deployable().toString())
                .append("\nReason: ")
                .append(d.reasonText())
                .append("\n");
        out.append(explanation(d.explanation(), urls));
        return out.toString();
    }

    static String table(List<MatrixRow> rows) {
        if (rows.isEmpty()) {
            return "No data.";
        }
        List<List<String>> cells = new ArrayList<>();
        for (MatrixRow r : rows) {
            cells.add(List.of(
                    r.consumerName(),
                    r.consumerVersionNumber(),
                    String.valueOf(r.pactRevision()),
                    r.providerName(),
                    nullToEmpty(r.providerVersionNumber()),
                    r.verificationNumber() == null ? "" : r.verificationNumber().toString(),
                    r.success() == null ? "" : r.success().toString()));
        }
        int[] widths = new int[HEADERS.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = HEADERS.get(i).length();
            for (List<String> row : cells) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(line(HEADERS, widths, " | "));
        List<String> dashes = new ArrayList<>();
        for (int w : widths) {
            dashes.add("-".repeat(w));
        }
        lines.add(String.join("-|-", dashes));
        cells.forEach(row -> lines.add(line(row, widths, " | ")));
        return String.join("\n", lines);
    }

    private static String line(List<String> values, int[] widths, String separator) {
        List<String> padded = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            padded.add(values.get(i) + " ".repeat(widths[i] - values.get(i).length()));
        }
        return String.join(separator, padded);
    }

    static String explanation(Explanation e, BrokerUrls urls) {
        StringBuilder out =
                new StringBuilder("\nExplanation: ").append(e.summary()).append("\n");
        int n = 1;
        for (Problem p : e.problems()) {
            out.append("\n  ").append(n++).append(". ").append(p.message()).append("\n");
            for (FailedInteraction i : p.failedInteractions()) {
                out.append("     Failed: ").append(i.label()).append("\n");
                for (String mismatch : i.mismatches()) {
                    out.append("       ").append(mismatch).append("\n");
                }
            }
            MatrixRow row = p.row();
            if (row != null) {
                out.append("     Pact: ")
                        .append(urls.pact(row.providerName(), row.consumerName(), row.consumerVersionNumber()))
                        .append("\n");
                if (row.verified()) {
                    out.append("     Verification: ")
                            .append(urls.verification(
                                    row.providerName(), row.consumerName(), row.pactSha(), row.verificationNumber()))
                            .append("\n");
                }
            }
        }
        if (e.omittedProblems() > 0) {
            out.append("\n  (and ").append(e.omittedProblems()).append(" more)\n");
        }
        if (!e.nextSteps().isEmpty()) {
            out.append("\nNext steps:\n");
            e.nextSteps().forEach(step -> out.append("  - ").append(step).append("\n"));
        }
        return out.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
