package io.pactbroker.broker.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.broker.common.problem.Errors;
import io.pactbroker.broker.pacticipants.Pacticipant;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A webhook as a client sends it ({@code POST /webhooks}, {@code PUT /webhooks/{uuid}}, ...), validated with the
 * Pact Broker's rules and messages: {@code 400 {"errors": {"request.url": ["is missing"]}}} and the like.
 *
 * @param descriptionGiven whether the body had a {@code description} (an update keeps the old one otherwise)
 * @param events the events, or null when the body had none
 * @param enabled whether enabled, or null when the body did not say
 */
public record WebhookRequest(
        String description,
        boolean descriptionGiven,
        Webhook.Side consumer,
        Webhook.Side provider,
        Boolean enabled,
        Webhook.Template request,
        List<String> events) {

    private static final Pattern UUID = Pattern.compile("^[A-Za-z0-9_\\-]{16,}$");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

    /** The HTTP methods the Pact Broker recognises (those its HTTP library has a request class for). */
    static final Set<String> HTTP_METHODS = Set.of(
            "GET",
            "HEAD",
            "POST",
            "PUT",
            "DELETE",
            "OPTIONS",
            "TRACE",
            "PATCH",
            "COPY",
            "LOCK",
            "MKCOL",
            "MOVE",
            "PROPFIND",
            "PROPPATCH",
            "UNLOCK");

    static final String INVALID_UUID =
            "The UUID can only contain the characters A-Z, a-z, 0-9, _ and -, and must be 16" + " or more characters.";
    static final String WHITELIST_DOC = "See /doc/webhooks#whitelist for more information.";

    public static boolean validUuid(String uuid) {
        return uuid != null && UUID.matcher(uuid).matches();
    }

    /**
     * Validates the body, collecting every problem into one {@code ValidationException}.
     *
     * @param uuid the uuid from the path of a {@code PUT}, or null
     * @param pacticipants finds a pacticipant by name
     */
    public static WebhookRequest parse(
            ObjectNode body,
            String uuid,
            Function<String, Optional<Pacticipant>> pacticipants,
            WebhookSettings settings) {
        Errors errors = new Errors();
        if (uuid != null && !validUuid(uuid)) {
            errors.add("uuid", INVALID_UUID);
        }
        String description = null;
        JsonNode d = body.get("description");
        if (d != null && !d.isNull()) {
            if (d.isTextual()) {
                description = d.asText();
            } else {
                errors.add("description", "must be a string");
            }
        }
        Webhook.Side consumer = side(body, "consumer", pacticipants, errors);
        Webhook.Side provider = side(body, "provider", pacticipants, errors);
        Webhook.Template request = request(body, settings, errors);
        List<String> events = events(body, errors);
        Boolean enabled = null;
        JsonNode e = body.get("enabled");
        if (e != null) {
            if (e.isNull()) {
                errors.add("enabled", "must be filled");
            } else if (!e.isBoolean()) {
                errors.add("enabled", "must be boolean");
            } else {
                enabled = e.asBoolean();
            }
        }
        errors.throwIfAny();
        return new WebhookRequest(description, body.has("description"), consumer, provider, enabled, request, events);
    }

    private static Webhook.Side side(
            ObjectNode body, String field, Function<String, Optional<Pacticipant>> pacticipants, Errors errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(field, "must be a hash");
            return null;
        }
        String name = optionalString(node, "name", field + ".name", errors);
        String label = optionalString(node, "label", field + ".label", errors);
        boolean nameGiven = provided(name);
        boolean labelGiven = provided(label);
        if (!nameGiven && !labelGiven) {
            if (!hasError(node, "name") && !hasError(node, "label")) {
                errors.add(field + ".name", "cannot be blank");
            }
            return null;
        }
        if (nameGiven && labelGiven) {
            errors.add(field + ".label", "name and label cannot be provided at the same time");
            return null;
        }
        if (nameGiven) {
            Optional<Pacticipant> p = pacticipants.apply(name);
            if (p.isEmpty()) {
                errors.add(field + ".name", "does not match an existing pacticipant");
                return null;
            }
            return Webhook.Side.pacticipant(p.get().id, p.get().name);
        }
        return Webhook.Side.label(label);
    }

    private static boolean hasError(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull() && !v.isTextual();
    }

    private static Webhook.Template request(ObjectNode body, WebhookSettings settings, Errors errors) {
        JsonNode node = body.get("request");
        if (node == null) {
            errors.add("request", "is missing");
            return null;
        }
        if (node.isNull() || (node.isObject() && node.isEmpty())) {
            errors.add("request", "must be filled");
            return null;
        }
        if (!node.isObject()) {
            errors.add("request", "must be a hash");
            return null;
        }
        String method = requiredString(node, "method", "request.method", errors);
        if (method != null) {
            String upper = method.toUpperCase(Locale.ROOT);
            if (!HTTP_METHODS.contains(upper)) {
                errors.add("request.method", "is not a recognised HTTP method");
            } else if (!settings.httpMethods().contains(upper)) {
                errors.add(
                        "request.method",
                        settings.httpMethods().size() == 1
                                ? "must be " + settings.httpMethods().get(0) + ". " + WHITELIST_DOC
                                : "must be one of " + String.join(", ", settings.httpMethods()) + ". " + WHITELIST_DOC);
            }
        }
        String url = requiredString(node, "url", "request.url", errors);
        if (url != null) {
            urlProblem(url, settings).ifPresent(problem -> errors.add("request.url", problem));
        }
        List<Webhook.Header> headers = headers(node.get("headers"), errors);
        String username = optionalString(node, "username", "request.username", errors);
        String password = optionalString(node, "password", "request.password", errors);
        JsonNode requestBody = node.get("body");
        return new Webhook.Template(
                method,
                url,
                headers,
                requestBody == null || requestBody.isNull() ? null : requestBody,
                username,
                password);
    }

    /**
     * What is wrong with a webhook URL, in the Pact Broker's words, checked in its order: not a URL, a parameter in
     * the host, a scheme or a host that the whitelists do not allow.
     */
    public static Optional<String> urlProblem(String url, WebhookSettings settings) {
        URI uri = parse(WebhookTemplate.withPlaceholder(url, "placeholder"));
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return Optional.of("is not a valid URL eg. http://example.org");
        }
        URI other = parse(WebhookTemplate.withPlaceholder(url, "differentplaceholder"));
        if (other == null || !uri.getHost().equals(other.getHost())) {
            return Optional.of("cannot have a template parameter in the host");
        }
        if (!settings.schemes().contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            return Optional.of("scheme must be " + String.join(", ", settings.schemes()) + ". " + WHITELIST_DOC);
        }
        if (!settings.hosts().isEmpty() && !settings.hosts().allows(uri.getHost())) {
            return Optional.of(
                    "host must be in the whitelist " + settings.hosts().describe() + ". " + WHITELIST_DOC);
        }
        return Optional.empty();
    }

    /** What is wrong with a method, if the whitelist does not allow it. */
    public static Optional<String> methodProblem(String method, WebhookSettings settings) {
        String upper = method.toUpperCase(Locale.ROOT);
        if (!HTTP_METHODS.contains(upper)) {
            return Optional.of("is not a recognised HTTP method");
        }
        return settings.httpMethods().contains(upper)
                ? Optional.empty()
                : Optional.of("must be one of " + String.join(", ", settings.httpMethods()));
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static List<Webhook.Header> headers(JsonNode node, Errors errors) {
        List<Webhook.Header> headers = new ArrayList<>();
        if (node == null || node.isNull()) {
            return headers;
        }
        if (!node.isObject()) {
            errors.add("request.headers", "must be a hash");
            return headers;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode v = f.getValue();
            if (!HEADER_NAME.matcher(f.getKey()).matches()) {
                errors.add("request.headers", "'" + f.getKey() + "' is not a valid header name");
            } else if (v == null || v.isNull() || v.isContainerNode()) {
                errors.add("request.headers", f.getKey() + " must be a string");
            } else if (v.asText().contains("\n") || v.asText().contains("\r")) {
                errors.add("request.headers", f.getKey() + " cannot contain multiple lines");
            } else {
                headers.add(new Webhook.Header(f.getKey(), v.asText()));
            }
        }
        return headers;
    }

    private static List<String> events(ObjectNode body, Errors errors) {
        JsonNode node = body.get("events");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            errors.add("events", "must be an array");
            return null;
        }
        if (node.isEmpty()) {
            errors.add("events", "size cannot be less than 1");
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode event = node.get(i);
            String at = " (at index " + i + ")";
            if (!event.isObject()) {
                errors.add("events", "must be a hash" + at);
                continue;
            }
            JsonNode name = event.get("name");
            if (name == null) {
                errors.add("events", "name is missing" + at);
            } else if (name.isNull() || (name.isTextual() && name.asText().isEmpty())) {
                errors.add("events", "name must be filled" + at);
            } else if (!name.isTextual() || !WebhookEvents.ALL.contains(name.asText())) {
                errors.add("events", "name must be one of: " + String.join(", ", WebhookEvents.ALL) + at);
            } else {
                names.add(name.asText());
            }
        }
        return List.copyOf(names);
    }

    private static String requiredString(JsonNode node, String field, String key, Errors errors) {
        JsonNode v = node.get(field);
        if (v == null) {
            errors.add(key, "is missing");
        } else if (v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
            errors.add(key, "must be filled");
        } else if (!v.isTextual()) {
            errors.add(key, "must be a string");
        } else {
            return v.asText();
        }
        return null;
    }

    private static String optionalString(JsonNode node, String field, String key, Errors errors) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            errors.add(key, "must be a string");
            return null;
        }
        return v.asText();
    }

    private static boolean provided(String value) {
        return value != null && !value.strip().isEmpty();
    }
}
