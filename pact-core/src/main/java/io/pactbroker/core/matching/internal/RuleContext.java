package io.pactbroker.core.matching.internal;

import io.pactbroker.core.model.DocPath;
import io.pactbroker.core.model.MatchingRule;
import io.pactbroker.core.model.RuleList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The rules of one category, ready to be looked up by place, and how strict the comparison is.
 *
 * <p>A rule applies to its own path and, cascading, to every path below it. When several rules apply the most specific
 * wins: each step of the rule's path scores 2 when it names the step exactly and 1 when it is a wildcard, the scores
 * multiply, and the product times the number of steps is the rule's weight (as in the Rust implementation the
 * specification test cases are written against). A rule applied below its own path is "cascaded", which switches off
 * the size checks of min/max.
 */
public final class RuleContext {

    /** A rule path and its rules. */
    record Entry(DocPath path, DocPath.Token[] tokens, RuleList rules) {}

    /** The rules chosen for a place and whether they came from a parent. */
    public record Selected(RuleList rules, boolean cascaded) {
        static final Selected NONE = new Selected(new RuleList(List.of(), RuleList.RuleLogic.AND), false);

        boolean isEmpty() {
            return rules.isEmpty();
        }
    }

    private static final RuleContext EMPTY = new RuleContext(List.of(), true, false, false);

    private final List<Entry> entries;
    private final boolean allowUnexpectedKeys;
    private final boolean whole;
    private final boolean lowerCase;

    private RuleContext(List<Entry> entries, boolean allowUnexpectedKeys, boolean whole, boolean lowerCase) {
        this.entries = entries;
        this.allowUnexpectedKeys = allowUnexpectedKeys;
        this.whole = whole;
        this.lowerCase = lowerCase;
    }

    public static RuleContext none() {
        return EMPTY;
    }

    /** Rules keyed by path expression (bodies). */
    public static RuleContext paths(Map<String, RuleList> rules, boolean allowUnexpectedKeys) {
        List<Entry> entries = new ArrayList<>(rules.size());
        rules.forEach((expression, list) -> {
            DocPath path = Paths.parse(expression);
            entries.add(new Entry(path, path.tokens().toArray(new DocPath.Token[0]), list));
        });
        return new RuleContext(entries, allowUnexpectedKeys, false, false);
    }

    /** Rules keyed by name (headers, query parameters, metadata); header names ignore case. */
    public static RuleContext names(Map<String, RuleList> rules, boolean ignoreCase) {
        List<Entry> entries = new ArrayList<>(rules.size());
        rules.forEach((name, list) -> {
            DocPath path = DocPath.root().field(ignoreCase ? name.toLowerCase(Locale.ROOT) : name);
            entries.add(new Entry(path, path.tokens().toArray(new DocPath.Token[0]), list));
        });
        return new RuleContext(entries, true, false, ignoreCase);
    }

    /** The single rule list of the path, method or status. */
    public static RuleContext whole(Map<String, RuleList> rules) {
        List<Entry> entries = new ArrayList<>();
        rules.values().forEach(list -> entries.add(new Entry(DocPath.empty(), new DocPath.Token[0], list)));
        return new RuleContext(entries, true, true, false);
    }

    public boolean allowUnexpectedKeys() {
        return allowUnexpectedKeys;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The same rules, compared strictly or not. */
    public RuleContext withAllowUnexpectedKeys(boolean allow) {
        return new RuleContext(entries, allow, whole, lowerCase);
    }

    /** These rules plus more (which win ties, being more recent). */
    public RuleContext plus(Map<DocPath, RuleList> more) {
        List<Entry> list = new ArrayList<>();
        more.forEach((path, rules) -> list.add(new Entry(path, path.tokens().toArray(new DocPath.Token[0]), rules)));
        list.addAll(entries);
        return new RuleContext(list, allowUnexpectedKeys, whole, lowerCase);
    }

    /** Only the given rules, with this context's strictness. */
    public RuleContext only(Map<String, RuleList> rules) {
        return paths(rules, allowUnexpectedKeys);
    }

    /** The same rules with {@code [*]} steps taken out of their paths (for XML, whose paths have no indexes). */
    public RuleContext withoutIndexWildcards() {
        List<Entry> list = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            List<DocPath.Token> tokens = new ArrayList<>();
            for (DocPath.Token token : entry.tokens) {
                if (!(token instanceof DocPath.StarIndex)) {
                    tokens.add(token);
                }
            }
            list.add(
                    tokens.size() == entry.tokens.length
                            ? entry
                            : new Entry(DocPath.of(tokens), tokens.toArray(new DocPath.Token[0]), entry.rules));
        }
        return new RuleContext(list, allowUnexpectedKeys, whole, lowerCase);
    }

    /** The rules relative to a place: rules under {@code prefix} re-rooted at {@code $}. */
    public RuleContext rerooted(Loc prefix) {
        List<Entry> list = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.tokens.length >= prefix.size() && weight(entry.tokens, prefix.segments, prefix.size()) > 0) {
                List<DocPath.Token> tokens = new ArrayList<>();
                tokens.add(new DocPath.Root());
                for (int i = prefix.size(); i < entry.tokens.length; i++) {
                    tokens.add(entry.tokens[i]);
                }
                DocPath path = DocPath.of(tokens);
                list.add(new Entry(path, tokens.toArray(new DocPath.Token[0]), entry.rules));
            }
        }
        return new RuleContext(list, allowUnexpectedKeys, false, false);
    }

    /** Whether any rule applies at the place (its own or a parent's). */
    public boolean matcherIsDefined(Loc loc) {
        if (whole) {
            return !entries.isEmpty();
        }
        String[] segments = segments(loc);
        for (Entry entry : entries) {
            if (weight(entry.tokens, segments, segments.length) > 0) {
                return true;
            }
        }
        return false;
    }

    /** The most specific rules that apply at the place. */
    public Selected select(Loc loc) {
        if (whole) {
            return entries.isEmpty() ? Selected.NONE : new Selected(entries.get(0).rules, false);
        }
        String[] segments = segments(loc);
        Entry best = null;
        int bestWeight = 0;
        for (Entry entry : entries) {
            int w = weight(entry.tokens, segments, segments.length);
            if (w > 0) {
                int score = w * entry.tokens.length;
                if (best == null || score > bestWeight) {
                    best = entry;
                    bestWeight = score;
                }
            }
        }
        if (best == null) {
            return Selected.NONE;
        }
        return new Selected(best.rules, best.tokens.length != segments.length);
    }

    /** Whether a rule is defined at exactly this place (not inherited) and satisfies the test. */
    public boolean directMatcherDefined(Loc loc, Predicate<MatchingRule> test) {
        String[] segments = segments(loc);
        for (Entry entry : entries) {
            if (entry.tokens.length == segments.length && weight(entry.tokens, segments, segments.length) > 0) {
                for (MatchingRule rule : entry.rules.rules()) {
                    if (test.test(rule)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The rules defined at exactly this place. */
    public Optional<RuleList> direct(Loc loc) {
        String[] segments = segments(loc);
        for (Entry entry : entries) {
            if (entry.tokens.length == segments.length && weight(entry.tokens, segments, segments.length) > 0) {
                return Optional.of(entry.rules);
            }
        }
        return Optional.empty();
    }

    /** Whether a type rule applies at the place (its own or a parent's). */
    public boolean typeMatcherDefined(Loc loc) {
        String[] segments = segments(loc);
        for (Entry entry : entries) {
            if (weight(entry.tokens, segments, segments.length) > 0 && entry.rules.hasTypeRule()) {
                return true;
            }
        }
        return false;
    }

    private String[] segments(Loc loc) {
        if (!lowerCase) {
            return loc.segments;
        }
        String[] lower = new String[loc.segments.length];
        for (int i = 0; i < lower.length; i++) {
            lower[i] = loc.segments[i].toLowerCase(Locale.ROOT);
        }
        return lower;
    }

    private static int weight(DocPath.Token[] tokens, String[] segments, int length) {
        if (tokens.length > length) {
            return 0;
        }
        int weight = 1;
        for (int i = 0; i < tokens.length; i++) {
            int m = matches(tokens[i], segments[i]);
            if (m == 0) {
                return 0;
            }
            weight *= m;
        }
        return weight;
    }

    private static int matches(DocPath.Token token, String segment) {
        if (token instanceof DocPath.Field field) {
            return field.name().equals(segment) ? 2 : 0;
        }
        if (token instanceof DocPath.Root) {
            return segment.equals("$") ? 2 : 0;
        }
        if (token instanceof DocPath.Index index) {
            return isDigits(segment) && segment.equals(Integer.toString(index.index())) ? 2 : 0;
        }
        if (token instanceof DocPath.StarIndex) {
            return isDigits(segment) ? 1 : 0;
        }
        return 1; // Star
    }

    private static boolean isDigits(String segment) {
        if (segment.isEmpty()) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (!Character.isDigit(segment.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
