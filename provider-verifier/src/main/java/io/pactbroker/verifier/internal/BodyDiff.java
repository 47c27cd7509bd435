package io.pactbroker.verifier.internal;

import io.pactbroker.core.internal.Json;
import io.pactbroker.core.model.Body;
import java.util.ArrayList;
import java.util.List;

/**
 * A compact line diff of two bodies: JSON pretty-printed with sorted keys (so key order is no difference), text line
 * by line; only changed lines with one line of context, at most {@value #MAX_LINES} lines. Binary bodies and very
 * long ones get no diff: the mismatch lines say what differs.
 */
public final class BodyDiff {

    static final int MAX_LINES = 40;
    private static final int MAX_INPUT_LINES = 2_000;

    private BodyDiff() {}

    /** The diff lines ({@code -} expected, {@code +} actual, two spaces: context, {@code ...}: skipped). */
    public static List<String> diff(Body expected, Body actual) {
        List<String> a = lines(expected);
        List<String> b = lines(actual);
        if (a == null || b == null || a.size() > MAX_INPUT_LINES || b.size() > MAX_INPUT_LINES) {
            return List.of();
        }
        return diff(a, b);
    }

    static List<String> lines(Body body) {
        if (body instanceof Body.Json json) {
            return List.of(Json.canonical(json.value()).split("\n"));
        }
        if (body instanceof Body.Text text) {
            return List.of(text.value().split("\n", -1));
        }
        if (body instanceof Body.Missing || body instanceof Body.Null) {
            return List.of();
        }
        return null;
    }

    static List<String> diff(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                ops.add("  " + a.get(i));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                ops.add("+ " + b.get(j));
                j++;
            } else {
                ops.add("- " + a.get(i));
                i++;
            }
        }
        boolean[] keep = new boolean[ops.size()];
        boolean changed = false;
        for (int k = 0; k < ops.size(); k++) {
            if (!ops.get(k).startsWith("  ")) {
                changed = true;
                for (int c = Math.max(0, k - 1); c <= Math.min(ops.size() - 1, k + 1); c++) {
                    keep[c] = true;
                }
            }
        }
        if (!changed) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        boolean skipping = false;
        for (int k = 0; k < ops.size(); k++) {
            if (keep[k]) {
                out.add(ops.get(k));
                skipping = false;
            } else if (!skipping) {
                out.add("...");
                skipping = true;
            }
            if (out.size() >= MAX_LINES) {
                out.add("... (diff cut at " + MAX_LINES + " lines)");
                break;
            }
        }
        return out;
    }
}
