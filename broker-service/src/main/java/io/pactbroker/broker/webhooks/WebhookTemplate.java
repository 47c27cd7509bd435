package io.pactbroker.broker.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pactbroker.broker.common.json.JsonBodies;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the {@code ${pactbroker.*}} parameters of a webhook's request: URL (values URL-encoded as the Pact Broker's
 * {@code CGI.escape} does), headers, body and credentials. A parameter the broker does not know is left as written.
 * Values are substituted in one pass, so a value that itself looks like a parameter is never expanded.
 */
public final class WebhookTemplate {

    /** A parameter as the Pact Broker recognises one. */
    static final Pattern PARAMETER = Pattern.compile("\\$\\{pactbroker\\.[^}]+\\}");

    private WebhookTemplate() {}

    /** A request with every parameter replaced, ready to send. */
    public record Rendered(
            String method,
            String url,
            List<Webhook.Header> headers,
            String body,
            boolean jsonBody,
            String username,
            String password) {}

    public static boolean includesParameter(String value) {
        return value != null && PARAMETER.matcher(value).find();
    }

    /** The value with every parameter replaced by the placeholder (to validate a templated URL). */
    public static String withPlaceholder(String value, String placeholder) {
        return PARAMETER.matcher(value).replaceAll(Matcher.quoteReplacement(placeholder));
    }

    public static Rendered render(Webhook.Template template, Map<String, String> parameters) {
        List<Webhook.Header> headers = new ArrayList<>();
        for (Webhook.Header h : template.headers()) {
            headers.add(new Webhook.Header(h.name(), render(h.value(), parameters, v -> v)));
        }
        JsonNode body = template.body();
        String renderedBody = null;
        boolean json = false;
        if (body != null && !body.isNull()) {
            if (body.isTextual()) {
                renderedBody = render(body.asText(), parameters, v -> v);
            } else {
                json = true;
                renderedBody = renderJson(body, parameters).toString();
            }
        }
        return new Rendered(
                template.method().toUpperCase(java.util.Locale.ROOT),
                renderUrl(template.url(), parameters),
                headers,
                renderedBody,
                json,
                render(template.username(), parameters, v -> v),
                render(template.password(), parameters, v -> v));
    }

    /** The URL with URL-encoded parameter values. */
    public static String renderUrl(String url, Map<String, String> parameters) {
        return render(url, parameters, WebhookTemplate::cgiEscape);
    }

    /**
     * A JSON body with the parameters replaced inside its strings (names and values), so that the result is valid
     * JSON whatever the values contain (the Pact Broker substitutes into the serialised text).
     */
    public static JsonNode renderJson(JsonNode node, Map<String, String> parameters) {
        if (node.isTextual()) {
            return TextNode.valueOf(render(node.asText(), parameters, v -> v));
        }
        if (node.isArray()) {
            ArrayNode array = JsonBodies.STRICT.createArrayNode();
            node.forEach(e -> array.add(renderJson(e, parameters)));
            return array;
        }
        if (node.isObject()) {
            ObjectNode object = JsonBodies.STRICT.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                object.set(render(f.getKey(), parameters, v -> v), renderJson(f.getValue(), parameters));
            }
            return object;
        }
        return node;
    }

    public static String render(String template, Map<String, String> parameters, UnaryOperator<String> escaper) {
        if (template == null || template.isBlank()) {
            return template;
        }
        Matcher m = PARAMETER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group().substring(2, m.group().length() - 1);
            String value = parameters.get(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : escaper.apply(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Ruby's {@code CGI.escape}: everything but {@code A-Z a-z 0-9 _ . - ~} percent-encoded, a space as {@code +}. */
    static String cgiEscape(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '.'
                    || c == '-'
                    || c == '~') {
                out.append(c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
