package io.pactbroker.core.model;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A media type such as {@code application/json; charset=UTF-8} or {@code application/vnd.api+json}, with the
 * structured-syntax suffix ({@code json}) kept apart from the subtype ({@code vnd.api}).
 *
 * <pre>{@code
 * ContentType type = ContentType.parse("application/hal+json; charset=UTF-8").orElseThrow();
 * type.isJson();      // true
 * type.baseType();    // application/json
 * }</pre>
 *
 * @param type the top-level type, lower case ({@code application})
 * @param subtype the subtype without any suffix, lower case ({@code vnd.api})
 * @param suffix the structured-syntax suffix, lower case ({@code json}), if any
 * @param parameters the parameters (names lower case, values as given), sorted by name
 */
public record ContentType(String type, String subtype, Optional<String> suffix, Map<String, String> parameters) {

    /** {@code application/json} */
    public static final ContentType JSON = new ContentType("application", "json", Optional.empty(), Map.of());
    /** {@code application/xml} */
    public static final ContentType XML = new ContentType("application", "xml", Optional.empty(), Map.of());
    /** {@code text/plain} */
    public static final ContentType TEXT = new ContentType("text", "plain", Optional.empty(), Map.of());
    /** {@code text/html} */
    public static final ContentType HTML = new ContentType("text", "html", Optional.empty(), Map.of());
    /** {@code application/octet-stream} */
    public static final ContentType OCTET_STREAM =
            new ContentType("application", "octet-stream", Optional.empty(), Map.of());
    /** {@code application/x-www-form-urlencoded} */
    public static final ContentType FORM_URLENCODED =
            new ContentType("application", "x-www-form-urlencoded", Optional.empty(), Map.of());

    public ContentType {
        type = type.toLowerCase(Locale.ROOT);
        subtype = subtype.toLowerCase(Locale.ROOT);
        suffix = suffix.map(s -> s.toLowerCase(Locale.ROOT));
        TreeMap<String, String> sorted = new TreeMap<>();
        parameters.forEach((k, v) -> sorted.put(k.toLowerCase(Locale.ROOT), v));
        parameters = Collections.unmodifiableMap(sorted);
    }

    /**
     * Parses a media type as found in a {@code Content-Type} header. Empty when the text is not a media type (no
     * slash, empty parts).
     */
    public static Optional<ContentType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(";");
        String mediaType = parts[0].trim();
        int slash = mediaType.indexOf('/');
        if (slash <= 0 || slash == mediaType.length() - 1 || mediaType.indexOf('/', slash + 1) >= 0) {
            return Optional.empty();
        }
        String type = mediaType.substring(0, slash).trim();
        String subtype = mediaType.substring(slash + 1).trim();
        if (type.isEmpty() || subtype.isEmpty() || type.contains(" ") || subtype.contains(" ")) {
            return Optional.empty();
        }
        Optional<String> suffix = Optional.empty();
        int plus = subtype.lastIndexOf('+');
        if (plus > 0 && plus < subtype.length() - 1) {
            suffix = Optional.of(subtype.substring(plus + 1));
            subtype = subtype.substring(0, plus);
        }
        Map<String, String> parameters = new TreeMap<>();
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int eq = parameter.indexOf('=');
            if (eq > 0) {
                String value = parameter.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                parameters.put(parameter.substring(0, eq).trim(), value);
            }
        }
        return Optional.of(new ContentType(type, subtype, suffix, parameters));
    }

    /** Parses a media type, failing when it is not one. */
    public static ContentType of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a media type"));
    }

    /** JSON: {@code application/json}, {@code application/*+json}, {@code application/json-rpc}, GraphQL. */
    public boolean isJson() {
        return type.equals("application")
                && (subtype.startsWith("json")
                        || suffix.filter("json"::equals).isPresent()
                        || subtype.equals("graphql"));
    }

    /** XML: {@code application/xml}, {@code text/xml} or a {@code +xml} suffix. */
    public boolean isXml() {
        return (type.equals("application") || type.equals("text"))
                && (subtype.equals("xml") || suffix.filter("xml"::equals).isPresent());
    }

    /** Text of any kind: {@code text/*}, JSON, XML and form posts. */
    public boolean isText() {
        return type.equals("text") || isXml() || isJson() || isFormUrlEncoded();
    }

    /** Binary content: images, audio, video, fonts and anything that is not text. */
    public boolean isBinary() {
        return switch (type) {
            case "audio", "font", "image", "video" -> true;
            case "text" -> false;
            default -> !isText();
        };
    }

    /** {@code application/x-www-form-urlencoded} */
    public boolean isFormUrlEncoded() {
        return type.equals("application") && subtype.equals("x-www-form-urlencoded");
    }

    /** {@code multipart/*} */
    public boolean isMultipart() {
        return type.equals("multipart");
    }

    /** The wildcard {@code *}{@code /*}, meaning "unknown". */
    public boolean isUnknown() {
        return type.equals("*") || subtype.equals("*");
    }

    /**
     * The type without parameters, and with a suffix standing in for the subtype: {@code application/hal+json;
     * charset=UTF-8} gives {@code application/json}.
     */
    public ContentType baseType() {
        return new ContentType(type, suffix.orElse(subtype), Optional.empty(), Map.of());
    }

    /** The type without its parameters. */
    public ContentType withoutParameters() {
        return new ContentType(type, subtype, suffix, Map.of());
    }

    /** The {@code charset} parameter, or UTF-8. */
    public Charset charset() {
        String name = parameters.get("charset");
        if (name != null) {
            try {
                return Charset.forName(name);
            } catch (IllegalArgumentException e) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    /**
     * Whether an actual content type satisfies this (expected) one: same type and subtype, and, when this one has
     * parameters, the same parameters (charset compared ignoring case).
     */
    public boolean isEquivalentTo(ContentType other) {
        boolean sameType = type.equals(other.type) && subtype.equals(other.subtype) && suffix.equals(other.suffix);
        if (!sameType) {
            return false;
        }
        if (parameters.isEmpty()) {
            return true;
        }
        if (parameters.size() != other.parameters.size()) {
            return false;
        }
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            String value = other.parameters.get(e.getKey());
            if (value == null || !value.equalsIgnoreCase(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** The media type as written in a header: {@code application/hal+json;charset=UTF-8}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(type).append('/').append(subtype);
        suffix.ifPresent(s -> out.append('+').append(s));
        parameters.forEach((k, v) -> out.append(';').append(k).append('=').append(v));
        return out.toString();
    }
}
