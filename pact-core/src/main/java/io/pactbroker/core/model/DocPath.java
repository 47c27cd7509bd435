package io.pactbroker.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A path expression into a document, as used for the keys of body matching rules and generators: {@code $},
 * {@code $.lines[0].sku}, {@code $.lines[*].sku}, {@code $.items.*}, {@code $['x-header']}, {@code
 * $.alligator['@name']}, {@code $.a.#text}. Immutable.
 *
 * <pre>{@code
 * DocPath path = DocPath.parse("$.lines[*].sku");
 * path.tokens();    // [Root, Field(lines), StarIndex, Field(sku)]
 * }</pre>
 */
public final class DocPath {

    /** One step of a path. */
    public sealed interface Token permits Root, Field, Index, Star, StarIndex {}

    /** The document root, {@code $}. */
    public record Root() implements Token {}

    /** A named field, {@code .name} or {@code ['name']}. */
    public record Field(String name) implements Token {}

    /** An array index, {@code [3]}. */
    public record Index(int index) implements Token {}

    /** Any field (or element), {@code .*}. */
    public record Star() implements Token {}

    /** Any array element, {@code [*]}. */
    public record StarIndex() implements Token {}

    private static final Pattern IDENTIFIER = Pattern.compile("[_A-Za-z][_A-Za-z0-9]*");
    private static final DocPath ROOT = new DocPath(List.of(new Root()), "$");
    private static final DocPath EMPTY = new DocPath(List.of(), "");

    private final List<Token> tokens;
    private final String expression;

    private DocPath(List<Token> tokens, String expression) {
        this.tokens = tokens;
        this.expression = expression;
    }

    /** {@code $} */
    public static DocPath root() {
        return ROOT;
    }

    /** The empty path, used for rules on the request path, the method and the status. */
    public static DocPath empty() {
        return EMPTY;
    }

    /**
     * Parses a path expression. A path that does not start with {@code $} but with a letter or digit is read as a
     * field of the root ({@code name} is {@code $.name}); the empty string is the empty path.
     *
     * @throws IllegalArgumentException saying what is wrong and at which index
     */
    public static DocPath parse(String expression) {
        return new DocPath(List.copyOf(new Parser(expression).parse()), expression);
    }

    /** A path made of the tokens. */
    public static DocPath of(List<Token> tokens) {
        return new DocPath(List.copyOf(tokens), render(tokens));
    }

    /** This path followed by a field. */
    public DocPath field(String name) {
        List<Token> list = new ArrayList<>(tokens);
        if (list.isEmpty()) {
            list.add(new Root());
        }
        list.add(new Field(name));
        return of(list);
    }

    /** This path followed by an index. */
    public DocPath index(int index) {
        List<Token> list = new ArrayList<>(tokens);
        if (list.isEmpty()) {
            list.add(new Root());
        }
        list.add(new Index(index));
        return of(list);
    }

    public List<Token> tokens() {
        return tokens;
    }

    public int size() {
        return tokens.size();
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** The first named field, which for header and query rules is the header or parameter name. */
    public java.util.Optional<String> firstField() {
        for (Token token : tokens) {
            if (token instanceof Field field) {
                return java.util.Optional.of(field.name());
            }
        }
        return java.util.Optional.empty();
    }

    /** The path as written, {@code $.a['b c'][0]}. */
    public String expression() {
        return expression;
    }

    /** The canonical form of the path (identifiers with dots, other names in quotes). */
    public String canonical() {
        return render(tokens);
    }

    /** Renders tokens as a path expression. */
    public static String render(List<Token> tokens) {
        StringBuilder out = new StringBuilder();
        for (Token token : tokens) {
            if (token instanceof Root) {
                out.append('$');
            } else if (token instanceof Field field) {
                appendField(out, field.name());
            } else if (token instanceof Index index) {
                out.append('[').append(index.index()).append(']');
            } else if (token instanceof Star) {
                out.append(".*");
            } else {
                out.append("[*]");
            }
        }
        return out.toString();
    }

    /** Appends a field to a rendered path: {@code .name} for identifiers, {@code ['x-y']} otherwise. */
    public static void appendField(StringBuilder out, String name) {
        if (IDENTIFIER.matcher(name).matches()) {
            out.append('.').append(name);
        } else {
            out.append("['")
                    .append(name.replace("\\", "\\\\").replace("'", "\\'"))
                    .append("']");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DocPath other && tokens.equals(other.tokens);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tokens);
    }

    @Override
    public String toString() {
        return expression;
    }

    private static final class Parser {
        private final String text;
        private int pos;
        private final List<Token> tokens = new ArrayList<>();

        Parser(String text) {
            this.text = text;
        }

        List<Token> parse() {
            if (text.isEmpty()) {
                return tokens;
            }
            char first = text.charAt(0);
            if (first == '$') {
                tokens.add(new Root());
                pos = 1;
            } else if (Character.isLetterOrDigit(first)) {
                tokens.add(new Root());
                identifier();
            } else {
                throw error("does not start with the root marker \"$\"");
            }
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '.') {
                    pos++;
                    if (pos >= text.length()) {
                        throw error("expected a field name or \"*\" after \".\"");
                    }
                    if (text.charAt(pos) == '*') {
                        tokens.add(new Star());
                        pos++;
                    } else if (isIdentifierChar(text.charAt(pos))) {
                        identifier();
                    } else {
                        throw error("expected a field name or \"*\" after \".\"");
                    }
                } else if (c == '[') {
                    pos++;
                    bracket();
                } else {
                    throw error("expected \".\" or \"[\" but found \"" + c + "\"");
                }
            }
            return tokens;
        }

        private void identifier() {
            int start = pos;
            while (pos < text.length() && isIdentifierChar(text.charAt(pos))) {
                pos++;
            }
            if (pos < text.length() && !(text.charAt(pos) == '.' || text.charAt(pos) == '[')) {
                throw error("\"" + text.charAt(pos) + "\" is not allowed in a field name");
            }
            tokens.add(new Field(text.substring(start, pos)));
        }

        private void bracket() {
            if (pos >= text.length()) {
                throw error("unterminated brackets");
            }
            char c = text.charAt(pos);
            if (c == '\'' || c == '"') {
                char quote = c;
                pos++;
                StringBuilder name = new StringBuilder();
                while (pos < text.length() && text.charAt(pos) != quote) {
                    char ch = text.charAt(pos);
                    if (ch == '\\' && pos + 1 < text.length()) {
                        pos++;
                        ch = text.charAt(pos);
                    }
                    name.append(ch);
                    pos++;
                }
                if (pos >= text.length()) {
                    throw error("unterminated string");
                }
                if (name.length() == 0) {
                    throw error("empty names are not allowed");
                }
                pos++;
                tokens.add(new Field(name.toString()));
            } else if (Character.isDigit(c)) {
                int start = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                try {
                    tokens.add(new Index(Integer.parseInt(text.substring(start, pos))));
                } catch (NumberFormatException e) {
                    throw error("index too large");
                }
            } else if (c == '*') {
                pos++;
                tokens.add(new StarIndex());
            } else if (c == ']') {
                throw error("empty brackets are not allowed");
            } else {
                throw error("an index must be a number, \"*\" or a quoted name, found \"" + c + "\"");
            }
            if (pos >= text.length() || text.charAt(pos) != ']') {
                throw error("unterminated brackets");
            }
            pos++;
        }

        private static boolean isIdentifierChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == ':' || c == '#' || c == '@';
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(
                    "'" + text + "' is not a valid path expression: " + what + " (at index " + pos + ")");
        }
    }
}
