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

    /** A compiled pattern, or the syntax error as text. */
    public static Object pattern(String regex) {
        return cached(PATTERNS, regex, r -> {
            try {
                return Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                return e.getDescription() + " at index " + e.getIndex();
            }
        });
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
