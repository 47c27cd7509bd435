package io.pactbroker.core.generators.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Generates strings that match a regular expression, for the common subset of the syntax: literals and escapes,
 * {@code .}, character classes ({@code [a-z_]}, {@code [^0-9]}, {@code \d \w \s} and their negations), groups
 * (capturing, {@code (?:...)}, {@code (?<name>...)}), alternation and quantifiers ({@code * + ? {n} {n,} {n,m}}, lazy
 * or possessive). Anchors at the ends are accepted. Anything else (look-around, back-references, {@code \b}, Unicode
 * properties) fails with an {@link IllegalArgumentException} naming the construct.
 *
 * <p>Unbounded repetition generates at most {@value #UNBOUNDED_EXTRA} more than the minimum.
 */
public final class RegexGenerator {

    static final int UNBOUNDED_EXTRA = 8;

    /** Printable ASCII, the alphabet for {@code .} and negated classes. */
    private static final char[] PRINTABLE = printable();

    private final String regex;
    private final Pattern pattern;
    private final Node root;

    private RegexGenerator(String regex, Pattern pattern, Node root) {
        this.regex = regex;
        this.pattern = pattern;
        this.root = root;
    }

    /**
     * Parses the expression once; {@link #generate} can then be called many times.
     *
     * @throws IllegalArgumentException when the expression is invalid or uses unsupported syntax
     */
    public static RegexGenerator of(String regex) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "/" + regex + "/ is not a valid regular expression: " + e.getDescription(), e);
        }
        Parser parser = new Parser(regex);
        Node node = parser.parse();
        return new RegexGenerator(regex, pattern, node);
    }

    /** A string matching the expression. */
    public String generate(RandomGenerator random) {
        for (int attempt = 0; attempt < 20; attempt++) {
            StringBuilder out = new StringBuilder();
            root.generate(random, out);
            String value = out.toString();
            if (pattern.matcher(value).matches()) {
                return value;
            }
        }
        throw new IllegalArgumentException("could not generate a string matching /" + regex + "/");
    }

    // ------------------------------------------------------------------------------------------------ syntax tree

    private interface Node {
        void generate(RandomGenerator random, StringBuilder out);
    }

    private record Literal(String text) implements Node {
        @Override
        public void generate(RandomGenerator random, StringBuilder out) {
            out.append(text);
        }
    }

    private record CharSet(char[] choices) implements Node {
        @Override
        public void generate(RandomGenerator random, StringBuilder out) {
            out.append(choices[random.nextInt(choices.length)]);
        }
    }

    private record Sequence(List<Node> nodes) implements Node {
        @Override
        public void generate(RandomGenerator random, StringBuilder out) {
            nodes.forEach(n -> n.generate(random, out));
        }
    }

    private record Alternation(List<Node> options) implements Node {
        @Override
        public void generate(RandomGenerator random, StringBuilder out) {
            options.get(random.nextInt(options.size())).generate(random, out);
        }
    }

    private record Repeat(Node node, int min, int max) implements Node {
        @Override
        public void generate(RandomGenerator random, StringBuilder out) {
            int count = min + random.nextInt(max - min + 1);
            for (int i = 0; i < count; i++) {
                node.generate(random, out);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ parser

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Node parse() {
            if (text.startsWith("^")) {
                pos = 1;
            }
            Node node = alternation();
            if (pos < text.length()) {
                throw unsupported("an unbalanced ')'");
            }
            return node;
        }

        private Node alternation() {
            List<Node> options = new ArrayList<>();
            options.add(sequence());
            while (pos < text.length() && text.charAt(pos) == '|') {
                pos++;
                options.add(sequence());
            }
            return options.size() == 1 ? options.get(0) : new Alternation(options);
        }

        private Node sequence() {
            List<Node> nodes = new ArrayList<>();
            while (pos < text.length() && text.charAt(pos) != '|' && text.charAt(pos) != ')') {
                if (text.charAt(pos) == '$'
                        && (pos == text.length() - 1 || text.charAt(pos + 1) == '|' || text.charAt(pos + 1) == ')')) {
                    pos++;
                    continue;
                }
                if (text.charAt(pos) == '^') {
                    if (nodes.isEmpty()) {
                        pos++;
                        continue;
                    }
                    throw unsupported("'^' in the middle of the expression");
                }
                nodes.add(quantified(atom()));
            }
            return nodes.size() == 1 ? nodes.get(0) : new Sequence(nodes);
        }

        private Node quantified(Node atom) {
            if (pos >= text.length()) {
                return atom;
            }
            char c = text.charAt(pos);
            int min;
            int max;
            if (c == '*') {
                min = 0;
                max = UNBOUNDED_EXTRA;
                pos++;
            } else if (c == '+') {
                min = 1;
                max = 1 + UNBOUNDED_EXTRA;
                pos++;
            } else if (c == '?') {
                min = 0;
                max = 1;
                pos++;
            } else if (c == '{' && isCounted()) {
                pos++;
                int start = pos;
                while (Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                min = Integer.parseInt(text.substring(start, pos));
                if (text.charAt(pos) == ',') {
                    pos++;
                    start = pos;
                    while (Character.isDigit(text.charAt(pos))) {
                        pos++;
                    }
                    max = start == pos ? min + UNBOUNDED_EXTRA : Integer.parseInt(text.substring(start, pos));
                } else {
                    max = min;
                }
                pos++; // '}'
            } else {
                return atom;
            }
            if (pos < text.length() && (text.charAt(pos) == '?' || text.charAt(pos) == '+')) {
                pos++; // lazy or possessive: generation is the same
            }
            return new Repeat(atom, min, max);
        }

        private boolean isCounted() {
            int end = text.indexOf('}', pos);
            return end > pos && text.substring(pos + 1, end).matches("\\d+(,\\d*)?");
        }

        private Node atom() {
            char c = text.charAt(pos);
            switch (c) {
                case '(':
                    return group();
                case '[':
                    return characterClass();
                case '.':
                    pos++;
                    return new CharSet(PRINTABLE);
                case '\\':
                    return escape(false).node();
                case '*':
                case '+':
                case '?':
                    throw unsupported("a quantifier with nothing to repeat");
                default:
                    pos++;
                    return new Literal(String.valueOf(c));
            }
        }

        private Node group() {
            pos++;
            if (text.startsWith("?:", pos)) {
                pos += 2;
            } else if (text.startsWith("?<", pos) && !text.startsWith("?<=", pos) && !text.startsWith("?<!", pos)) {
                int end = text.indexOf('>', pos);
                pos = end + 1;
            } else if (text.startsWith("?", pos)) {
                throw unsupported("look-around or inline flags ('("
                        + text.substring(pos, Math.min(pos + 2, text.length())) + "')");
            }
            Node inner = alternation();
            if (pos >= text.length() || text.charAt(pos) != ')') {
                throw unsupported("an unclosed group");
            }
            pos++;
            return inner;
        }

        /** An escape: the node it stands for and, inside classes, the characters. */
        private record Escaped(Node node, char[] chars) {}

        private Escaped escape(boolean inClass) {
            pos++;
            if (pos >= text.length()) {
                throw unsupported("a trailing backslash");
            }
            char c = text.charAt(pos++);
            switch (c) {
                case 'd':
                    return set(range('0', '9'));
                case 'D':
                    return set(complement(range('0', '9')));
                case 'w':
                    return set(word());
                case 'W':
                    return set(complement(word()));
                case 's':
                    return set(new char[] {' ', '\t'});
                case 'S':
                    return set(complement(new char[] {' ', '\t', '\n', '\r', '\f'}));
                case 't':
                    return literal('\t');
                case 'n':
                    return literal('\n');
                case 'r':
                    return literal('\r');
                case 'f':
                    return literal('\f');
                case 'x': {
                    String hex = text.substring(pos, pos + 2);
                    pos += 2;
                    return literal((char) Integer.parseInt(hex, 16));
                }
                case 'u': {
                    String hex = text.substring(pos, pos + 4);
                    pos += 4;
                    return literal((char) Integer.parseInt(hex, 16));
                }
                case 'b':
                case 'B':
                    if (inClass && c == 'b') {
                        return literal('\b');
                    }
                    throw unsupported("word boundaries (\\" + c + ")");
                case 'p':
                case 'P':
                    throw unsupported("Unicode properties (\\" + c + ")");
                case 'A':
                case 'z':
                case 'Z':
                case 'G':
                    throw unsupported("the anchor \\" + c);
                case 'Q':
                    throw unsupported("quoting with \\Q...\\E");
                default:
                    if (Character.isDigit(c) || c == 'k') {
                        throw unsupported("back-references (\\" + c + ")");
                    }
                    if (Character.isLetter(c)) {
                        throw unsupported("the escape \\" + c);
                    }
                    return literal(c);
            }
        }

        private static Escaped set(char[] chars) {
            return new Escaped(new CharSet(chars), chars);
        }

        private static Escaped literal(char c) {
            return new Escaped(new Literal(String.valueOf(c)), new char[] {c});
        }

        private Node characterClass() {
            pos++;
            boolean negated = false;
            if (pos < text.length() && text.charAt(pos) == '^') {
                negated = true;
                pos++;
            }
            StringBuilder chars = new StringBuilder();
            boolean first = true;
            while (pos < text.length() && (text.charAt(pos) != ']' || first)) {
                first = false;
                char c = text.charAt(pos);
                if (c == '[') {
                    throw unsupported("nested or intersected character classes");
                }
                char[] start;
                if (c == '\\') {
                    start = escape(true).chars();
                } else {
                    pos++;
                    start = new char[] {c};
                }
                if (start.length == 1
                        && pos + 1 < text.length()
                        && text.charAt(pos) == '-'
                        && text.charAt(pos + 1) != ']') {
                    pos++;
                    char end;
                    if (text.charAt(pos) == '\\') {
                        char[] escaped = escape(true).chars();
                        if (escaped.length != 1) {
                            throw unsupported("a range ending in a class");
                        }
                        end = escaped[0];
                    } else {
                        end = text.charAt(pos++);
                    }
                    chars.append(range(start[0], end));
                } else {
                    chars.append(start);
                }
            }
            if (pos >= text.length()) {
                throw unsupported("an unclosed character class");
            }
            pos++;
            char[] set = chars.toString().toCharArray();
            if (negated) {
                set = complement(set);
            }
            if (set.length == 0) {
                throw unsupported("a character class that matches nothing printable");
            }
            return new CharSet(set);
        }

        private IllegalArgumentException unsupported(String what) {
            return new IllegalArgumentException("cannot generate a string for /" + text + "/: " + what
                    + " is not supported (at index " + pos + ")");
        }
    }

    private static char[] range(char from, char to) {
        if (to < from) {
            throw new IllegalArgumentException("invalid range " + from + "-" + to);
        }
        char[] chars = new char[to - from + 1];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (from + i);
        }
        return chars;
    }

    private static char[] word() {
        return (new String(range('a', 'z')) + new String(range('A', 'Z')) + new String(range('0', '9')) + "_")
                .toCharArray();
    }

    private static char[] complement(char[] excluded) {
        String excludedText = new String(excluded);
        StringBuilder out = new StringBuilder();
        for (char c : PRINTABLE) {
            if (excludedText.indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString().toCharArray();
    }

    private static char[] printable() {
        char[] chars = new char[0x7E - 0x20 + 1];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (0x20 + i);
        }
        return chars;
    }
}
