package io.pactbroker.core.matching.internal;

import io.pactbroker.core.model.DocPath;
import java.util.Arrays;

/**
 * A place in an actual document while matching: the segments rule paths are weighed against ({@code $}, field names,
 * indexes as digits) and the path as shown to people ({@code $.lines[0].sku}).
 */
public final class Loc {

    private static final Loc ROOT = new Loc(new String[] {"$"}, "$");
    private static final Loc EMPTY = new Loc(new String[0], "");

    final String[] segments;
    final String rendered;

    private Loc(String[] segments, String rendered) {
        this.segments = segments;
        this.rendered = rendered;
    }

    public static Loc root() {
        return ROOT;
    }

    /** The place of rules on the request path, method and status. */
    public static Loc empty() {
        return EMPTY;
    }

    /** The place of a header, query parameter or metadata key: {@code $.name}. */
    public static Loc named(String name) {
        return ROOT.field(name);
    }

    public Loc field(String name) {
        StringBuilder out = new StringBuilder(rendered);
        DocPath.appendField(out, name);
        return new Loc(append(name), out.toString());
    }

    public Loc index(int index) {
        return new Loc(append(Integer.toString(index)), rendered + "[" + index + "]");
    }

    private String[] append(String segment) {
        String[] copy = Arrays.copyOf(segments, segments.length + 1);
        copy[segments.length] = segment;
        return copy;
    }

    public int size() {
        return segments.length;
    }

    public String rendered() {
        return rendered;
    }

    @Override
    public String toString() {
        return rendered;
    }
}
