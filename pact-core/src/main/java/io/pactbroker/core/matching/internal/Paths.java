package io.pactbroker.core.matching.internal;

import io.pactbroker.core.model.DocPath;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Caches of parsed rule paths and compiled regular expressions, so that matching a pact many times parses and
 * compiles each only once. Bounded: a cache that grows past its limit is emptied and refilled.
 */
public final class Paths {

    private static final int LIMIT = 10_000;
    private static final ConcurrentMap<String, DocPath> PATHS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<String, Object> PATTERNS = new ConcurrentHashMap<>();

    private Paths() {}

    /** A parsed path; an unparseable expression gives a path that matches nothing. */
    public static DocPath parse(String expression) {
        return cached(PATHS, expression, e -> {
            try {
                return DocPath.parse(e);
            } catch (IllegalArgumentException ex) {
                return DocPath.of(java.util.List.of(new DocPath.Field("\u0000invalid " + e)));
            }
        });
    }

    /**
     * A compiled pattern, or the syntax error as text. A brace that opens no repetition ({@code {n}}, {@code {n,}},
     * {@code {n,m}}) is a literal brace, as in Ruby's and JavaScript's regular expressions, in which many pacts'
     * regexes were written: the Pact Broker client's contracts match hrefs with {@code http:\/\/.*{pacticipant}},
     * which Java alone would refuse.
     */
    public static Object pattern(String regex) {
        return cached(PATTERNS, regex, r -> {
            try {
                return Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                String lenient = literalBraces(r);
                if (lenient.equals(r)) {
                    return e.getDescription() + " at index " + e.getIndex();
                }
                try {
                    return Pattern.compile(lenient);
                } catch (PatternSyntaxException other) {
                    return other.getDescription(); // what is wrong besides the braces (its index is the escaped form's)
                }
            }
        });
    }

    private static final Pattern REPETITION = Pattern.compile("\\{\\d+(,\\d*)?}");

    /** The regex with every brace that opens no repetition escaped (outside character classes). */
    static String literalBraces(String regex) {
        StringBuilder out = new StringBuilder(regex.length() + 8);
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char escaped = regex.charAt(++i);
                out.append(c).append(escaped);
                int close = regex.indexOf('}', i);
                if ("pPxNk".indexOf(escaped) >= 0
                        && i + 1 < regex.length()
                        && regex.charAt(i + 1) == '{'
                        && close > 0) {
                    out.append(regex, i + 1, close + 1); // \p{L}, \x{263A}: the braces are the escape's
                    i = close;
                }
                continue;
            }
            if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '{'
                    && !REPETITION.matcher(regex).region(i, regex.length()).lookingAt()) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static <T> T cached(ConcurrentMap<String, T> cache, String key, Function<String, T> compute) {
        T value = cache.get(key);
        if (value != null) {
            return value;
        }
        if (cache.size() > LIMIT) {
            cache.clear();
        }
        return cache.computeIfAbsent(key, compute);
    }
}
