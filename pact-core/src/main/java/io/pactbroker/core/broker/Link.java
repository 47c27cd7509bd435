package io.pactbroker.core.broker;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A HAL link: an {@code href}, possibly a template ({@code .../pacts/provider/{provider}/latest}), with an optional
 * title and name.
 *
 * <pre>{@code
 * Link latest = index.requireLink("pb:latest-provider-pacts");
 * URI uri = latest.expand(Map.of("provider", "orders"));
 * }</pre>
 *
 * @param href the target or template
 * @param templated whether {@code href} is a URI template
 * @param title the title, if given
 * @param name the name, if given
 */
public record Link(String href, boolean templated, Optional<String> title, Optional<String> name) {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    public Link {
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(name, "name");
    }

    /** A plain link. */
    public static Link of(String href) {
        return new Link(href, false, Optional.empty(), Optional.empty());
    }

    /** The target of a link that is not a template. */
    public URI uri() {
        return expand(Map.of());
    }

    /**
     * The target with the template's variables replaced by the values, percent-encoded ({@code {provider}} with
     * {@code "my orders"} gives {@code my%20orders}).
     *
     * @throws IllegalArgumentException when a variable has no value
     */
    public URI expand(Map<String, ?> values) {
        if (!templated && !href.contains("{")) {
            return URI.create(href);
        }
        Matcher m = VARIABLE.matcher(href);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1);
            Object value = values.get(variable);
            if (value == null) {
                throw new IllegalArgumentException("the link " + href + " needs a value for {" + variable + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(encode(String.valueOf(value))));
        }
        m.appendTail(out);
        return URI.create(out.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
