package io.pactbroker.broker.pacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pactbroker.core.hash.ContentHash;
import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two pacts for people: both are pretty-printed with sorted keys (so key order never shows as a
 * change), then unchanged lines are prefixed with two spaces, removed ones with {@code -} and added ones with
 * {@code +}.
 */
public final class PactDiff {

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Above this many line pairs the middle of the diff is shown as all removed, then all added. */
    private static final long MAX_LCS_CELLS = 4_000_000L;

    private PactDiff() {}

    /** The diff from {@code before} to {@code after}; empty text when they are the same. */
    public static String diff(JsonNode before, JsonNode after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix
                && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        if (prefix == a.size() && prefix == b.size()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < prefix; i++) {
            out.add("  " + a.get(i));
        }
        middle(a.subList(prefix, a.size() - suffix), b.subList(prefix, b.size() - suffix), out);
        for (int i = a.size() - suffix; i < a.size(); i++) {
            out.add("  " + a.get(i));
        }
        return String.join("\n", out) + "\n";
    }

    private static void middle(List<String> a, List<String> b, List<String> out) {
        int n = a.size();
        int m = b.size();
        if ((long) n * m > MAX_LCS_CELLS) {
            a.forEach(line -> out.add("- " + line));
            b.forEach(line -> out.add("+ " + line));
            return;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                out.add("  " + a.get(i));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add("- " + a.get(i++));
            } else {
                out.add("+ " + b.get(j++));
            }
        }
        while (i < n) {
            out.add("- " + a.get(i++));
        }
        while (j < m) {
            out.add("+ " + b.get(j++));
        }
    }

    private static List<String> lines(JsonNode node) {
        try {
            return List.of(PRETTY.writeValueAsString(ContentHash.sortKeys(node)).split("\\R"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed pact can always be written", e);
        }
    }
}
