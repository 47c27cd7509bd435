package io.pactbroker.broker.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A pact rendered as documentation: a contents list, then each interaction (HTTP, asynchronous message, V4
 * synchronous message) with its provider states, its request and response (or message contents and metadata), and
 * each matching rule shown beside the value it applies to. Reads every specification version's shapes: V2's flat
 * {@code $.body...} rules, V3/V4's rules by category, V4's {@code {"content", "contentType", "encoded"}} bodies.
 */
final class PactDocument {

    private PactDocument() {}

    /** The kind of an interaction, as a reader names it. */
    static String kind(JsonNode interaction, boolean fromMessages) {
        String type = interaction.path("type").asText("");
        if (type.equals("Synchronous/Messages")) {
            return "Synchronous message";
        }
        if (type.equals("Asynchronous/Messages") || fromMessages) {
            return "Message";
        }
        return "HTTP";
    }

    static String render(JsonNode pact) {
        Html h = new Html();
        List<JsonNode> all = new ArrayList<>();
        List<Boolean> fromMessages = new ArrayList<>();
        for (JsonNode i : pact.path("interactions")) {
            all.add(i);
            fromMessages.add(false);
        }
        for (JsonNode m : pact.path("messages")) {
            all.add(m);
            fromMessages.add(true);
        }
        String spec = specification(pact);
        h.open("p", "class", "pact-meta")
                .text(all.size() + (all.size() == 1 ? " interaction" : " interactions"))
                .text(spec == null ? "" : " · Pact specification " + spec)
                .close("p");
        if (all.isEmpty()) {
            h.el("p", "This pact has no interactions.");
            return h.toString();
        }
        h.raw("<nav aria-label=\"Interactions\" class=\"toc\"><ol>");
        for (int n = 0; n < all.size(); n++) {
            JsonNode i = all.get(n);
            h.raw("<li>")
                    .link("#interaction-" + (n + 1), kind(i, fromMessages.get(n)) + ": " + description(i))
                    .raw("</li>");
        }
        h.raw("</ol></nav>");
        for (int n = 0; n < all.size(); n++) {
            interaction(h, all.get(n), fromMessages.get(n), n + 1);
        }
        return h.toString();
    }

    private static String specification(JsonNode pact) {
        JsonNode meta = pact.path("metadata");
        for (String key : List.of("pactSpecification", "pact-specification")) {
            JsonNode v = meta.path(key).path("version");
            if (v.isTextual()) {
                return v.asText();
            }
        }
        JsonNode v = meta.path("pactSpecificationVersion");
        return v.isTextual() ? v.asText() : null;
    }

    private static String description(JsonNode i) {
        String d = i.path("description").asText("");
        return d.isEmpty() ? "(no description)" : d;
    }

    private static void interaction(Html h, JsonNode i, boolean fromMessages, int n) {
        String kind = kind(i, fromMessages);
        h.open(
                        "section",
                        "class",
                        "interaction",
                        "id",
                        "interaction-" + n,
                        "aria-labelledby",
                        "interaction-" + n + "-h")
                .open("h2", "id", "interaction-" + n + "-h")
                .el(
                        "span",
                        kind,
                        "class",
                        "kind kind-" + kind.toLowerCase(Locale.ROOT).replace(' ', '-'))
                .text(" " + description(i))
                .close("h2");
        states(h, i);
        if (i.path("pending").asBoolean(false)) {
            h.el("p", "Pending: failures of this interaction do not fail the verification.", "class", "note");
        }
        switch (kind) {
            case "HTTP" -> {
                h.raw("<div class=\"exchange\">");
                request(h, i.path("request"), rules(i.path("request")));
                response(h, i.path("response"), rules(i.path("response")));
                h.raw("</div>");
            }
            case "Message" -> {
                h.raw("<div class=\"exchange\"><div class=\"part\">").el("h3", "Message");
                message(h, i);
                h.raw("</div></div>");
            }
            default -> {
                h.raw("<div class=\"exchange\"><div class=\"part\">").el("h3", "Request message");
                message(h, i.path("request"));
                h.raw("</div>");
                int r = 0;
                for (JsonNode response : i.path("response")) {
                    h.raw("<div class=\"part\">").el("h3", "Response message" + (r++ > 0 ? " " + r : ""));
                    message(h, response);
                    h.raw("</div>");
                }
                h.raw("</div>");
            }
        }
        h.close("section");
    }

    private static void states(Html h, JsonNode i) {
        List<String> states = new ArrayList<>();
        if (i.path("providerState").isTextual()) {
            states.add(i.path("providerState").asText());
        }
        for (JsonNode s : i.path("providerStates")) {
            String name = s.path("name").asText("");
            JsonNode params = s.path("params");
            states.add(params.isObject() && params.size() > 0 ? name + " " + params : name);
        }
        if (states.isEmpty()) {
            return;
        }
        h.raw("<p class=\"states\">Given ");
        for (int n = 0; n < states.size(); n++) {
            if (n > 0) {
                h.text(" and ");
            }
            h.el("strong", states.get(n));
        }
        h.raw("</p>");
    }

    private static void request(Html h, JsonNode request, Rules rules) {
        h.raw("<div class=\"part\">").el("h3", "Request");
        h.raw("<p class=\"line\"><code>")
                .text(request.path("method").asText("GET").toUpperCase(Locale.ROOT) + " "
                        + request.path("path").asText("/") + query(request.path("query")))
                .raw("</code>");
        rules.annotate(h, "path", List.of());
        for (String name : rules.names("query")) {
            h.text(" ");
            h.el("span", "query " + name + ": " + String.join(", ", rules.of("query", List.of(name))), "class", "rule");
        }
        h.raw("</p>");
        headers(h, request.path("headers"), rules);
        body(h, request.path("body"), rules, "body");
        h.raw("</div>");
    }

    private static void response(Html h, JsonNode response, Rules rules) {
        h.raw("<div class=\"part\">").el("h3", "Response");
        h.raw("<p class=\"line\">")
                .el("code", "Status " + response.path("status").asText("200"));
        rules.annotate(h, "status", List.of());
        h.raw("</p>");
        headers(h, response.path("headers"), rules);
        body(h, response.path("body"), rules, "body");
        h.raw("</div>");
    }

    private static void message(Html h, JsonNode message) {
        Rules rules = rules(message);
        JsonNode metadata = message.has("metadata") ? message.path("metadata") : message.path("metaData");
        if (metadata.isObject() && metadata.size() > 0) {
            h.raw("<table class=\"kv\"><caption>Metadata</caption><tbody>");
            for (Map.Entry<String, JsonNode> e : fields(metadata)) {
                h.raw("<tr>").el("th", e.getKey(), "scope", "row").raw("<td>");
                h.text(
                        e.getValue().isValueNode()
                                ? e.getValue().asText()
                                : e.getValue().toString());
                rules.annotate(h, "metadata", List.of(e.getKey()));
                h.raw("</td></tr>");
            }
            h.raw("</tbody></table>");
        }
        body(h, message.path("contents"), rules, "body", "content");
    }

    private static String query(JsonNode query) {
        if (query.isTextual()) {
            return query.asText().isEmpty() ? "" : "?" + query.asText();
        }
        if (!query.isObject() || query.size() == 0) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : fields(query)) {
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> pairs.add(e.getKey() + "=" + v.asText()));
            } else {
                pairs.add(e.getKey() + "=" + e.getValue().asText());
            }
        }
        return "?" + String.join("&", pairs);
    }

    private static void headers(Html h, JsonNode headers, Rules rules) {
        if (!headers.isObject() || headers.size() == 0) {
            return;
        }
        h.raw("<table class=\"kv\"><caption>Headers</caption><tbody>");
        for (Map.Entry<String, JsonNode> e : fields(headers)) {
            JsonNode v = e.getValue();
            List<String> values = new ArrayList<>();
            if (v.isArray()) {
                v.forEach(x -> values.add(x.asText()));
            } else {
                values.add(v.asText());
            }
            h.raw("<tr>").el("th", e.getKey(), "scope", "row").raw("<td>").text(String.join(", ", values));
            rules.annotate(h, "header", List.of(e.getKey()));
            h.raw("</td></tr>");
        }
        h.raw("</tbody></table>");
    }

    /** A body: JSON with its rules in place, or text; V4's {@code content}/{@code contentType} wrapper unwrapped. */
    private static void body(Html h, JsonNode body, Rules rules, String... categories) {
        if (body.isMissingNode() || body.isNull()) {
            return;
        }
        String contentType = null;
        if (body.isObject() && body.has("content") && (body.has("contentType") || body.has("encoded"))) {
            contentType = body.path("contentType").asText(null);
            if (body.path("encoded").isTextual() || body.path("encoded").asBoolean(false)) {
                h.el(
                        "p",
                        "Body (" + (contentType == null ? "" : contentType + ", ") + "encoded "
                                + body.path("encoded").asText("base64") + ")");
                h.el("pre", body.path("content").asText(), "class", "body");
                return;
            }
            body = body.path("content");
        }
        h.el("p", contentType == null ? "Body" : "Body (" + contentType + ")", "class", "body-label");
        if (body.isTextual()) {
            h.el("pre", body.asText(), "class", "body");
            return;
        }
        h.raw("<pre class=\"body json\">");
        json(h, body, new ArrayList<>(), null, true, 0, rules, categories);
        h.raw("</pre>");
    }

    private static void json(
            Html h,
            JsonNode node,
            List<String> path,
            String key,
            boolean last,
            int depth,
            Rules rules,
            String[] categories) {
        h.raw("  ".repeat(depth));
        if (key != null) {
            h.el("span", "\"" + key + "\"", "class", "k").text(": ");
        }
        if (node.isObject() || node.isArray()) {
            boolean object = node.isObject();
            h.text(object ? "{" : "[");
            annotate(h, rules, categories, path);
            h.raw("\n");
            int n = 0;
            int size = node.size();
            if (object) {
                for (Map.Entry<String, JsonNode> e : fields(node)) {
                    path.add(e.getKey());
                    json(h, e.getValue(), path, e.getKey(), ++n == size, depth + 1, rules, categories);
                    path.remove(path.size() - 1);
                }
            } else {
                for (JsonNode element : node) {
                    path.add("[" + n + "]");
                    json(h, element, path, null, ++n == size, depth + 1, rules, categories);
                    path.remove(path.size() - 1);
                }
            }
            h.raw("  ".repeat(depth))
                    .text(object ? "}" : "]")
                    .text(last ? "" : ",")
                    .raw("\n");
            return;
        }
        h.el("span", node.toString(), "class", node.isTextual() ? "s" : "v").text(last ? "" : ",");
        annotate(h, rules, categories, path);
        h.raw("\n");
    }

    private static void annotate(Html h, Rules rules, String[] categories, List<String> path) {
        for (String category : categories) {
            rules.annotate(h, category, path);
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        it.forEachRemaining(list::add);
        return list;
    }

    /** Reads the part's matching rules (V2 flat paths, or V3/V4 categories). */
    static Rules rules(JsonNode part) {
        Rules rules = new Rules();
        JsonNode mr = part.path("matchingRules");
        if (!mr.isObject()) {
            return rules;
        }
        for (Map.Entry<String, JsonNode> e : fields(mr)) {
            String key = e.getKey();
            if (key.startsWith("$")) {
                // V2: "$.body.a[0]", "$.headers.Accept", "$.query.q", "$.path"
                String rest = key.substring(1);
                for (String[] c : new String[][] {
                    {".body", "body"}, {".headers.", "header"}, {".header.", "header"}, {".query.", "query"}
                }) {
                    if (rest.startsWith(c[0])) {
                        String tail = rest.substring(c[0].length());
                        if (c[1].equals("body")) {
                            rules.add("body", "$" + tail, List.of(e.getValue()));
                        } else {
                            rules.add(c[1], tail, List.of(e.getValue()));
                        }
                    }
                }
                if (rest.equals(".path")) {
                    rules.add("path", "", List.of(e.getValue()));
                }
                continue;
            }
            JsonNode category = e.getValue();
            if (category.has("matchers")) {
                rules.add(key, "", list(category.path("matchers")));
                continue;
            }
            for (Map.Entry<String, JsonNode> r : fields(category)) {
                JsonNode rule = r.getValue();
                rules.add(
                        key,
                        r.getKey(),
                        rule.has("matchers") ? list(rule.path("matchers")) : List.of(rule),
                        "OR".equalsIgnoreCase(rule.path("combine").asText()));
            }
        }
        return rules;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    /**
     * A matcher in words: "type, min 1", "regex /\d+/", "integer", "eachValue(regex /\d+/)", "arrayContains, 2
     * variants". A matcher this method does not know is named by its {@code match}, so a newer rule still shows.
     */
    static String describe(JsonNode matcher) {
        String match = matcher.path("match").asText(matcher.has("regex") ? "regex" : "type");
        StringBuilder b = new StringBuilder(match);
        switch (match) {
            case "regex" ->
                b.append(" /").append(matcher.path("regex").asText()).append('/');
            case "include" ->
                b.append(" \"").append(matcher.path("value").asText()).append('"');
            case "date", "time", "timestamp", "datetime" -> {
                String format =
                        matcher.path("format").asText(matcher.path(match).asText(""));
                if (!format.isEmpty()) {
                    b.append(" \"").append(format).append('"');
                }
            }
            case "contentType" -> b.append(' ').append(matcher.path("value").asText());
            case "eachKey", "eachValue" -> {
                List<String> nested = new ArrayList<>();
                matcher.path("rules").forEach(rule -> nested.add(describe(rule)));
                if (!nested.isEmpty()) {
                    b.append('(').append(String.join(", ", nested)).append(')');
                }
            }
            case "arrayContains" -> {
                int variants = matcher.path("variants").size();
                b.append(", ").append(variants).append(variants == 1 ? " variant" : " variants");
            }
            case "statusCode" -> b.append(' ').append(matcher.path("status").asText());
            default -> {}
        }
        if (matcher.has("min")) {
            b.append(", min ").append(matcher.path("min").asText());
        }
        if (matcher.has("max")) {
            b.append(", max ").append(matcher.path("max").asText());
        }
        return b.toString();
    }

    /** The rules of one part by category and path, matched against JSON paths with {@code *} wildcards. */
    static final class Rules {
        private final Map<String, Map<List<String>, List<String>>> byCategory = new LinkedHashMap<>();

        void add(String category, String path, List<JsonNode> matchers) {
            add(category, path, matchers, false);
        }

        /** With {@code anyOf} (the V3/V4 {@code "combine": "OR"}), the matchers are one alternative: "integer or null". */
        void add(String category, String path, List<JsonNode> matchers, boolean anyOf) {
            String c = category.equals("headers") ? "header" : category.equals("content") ? "body" : category;
            List<String> tokens = category.equals("body") || category.equals("content")
                    ? tokens(path)
                    : path.isEmpty() || path.equals("$") ? List.of() : List.of(path.toLowerCase(Locale.ROOT));
            List<String> words = byCategory
                    .computeIfAbsent(c, k -> new LinkedHashMap<>())
                    .computeIfAbsent(tokens, k -> new ArrayList<>());
            if (anyOf && matchers.size() > 1) {
                words.add(String.join(
                        " or ", matchers.stream().map(PactDocument::describe).toList()));
            } else {
                matchers.forEach(m -> words.add(describe(m)));
            }
        }

        List<String> names(String category) {
            return byCategory.getOrDefault(category, Map.of()).keySet().stream()
                    .filter(t -> !t.isEmpty())
                    .map(t -> t.get(0))
                    .toList();
        }

        List<String> of(String category, List<String> path) {
            String c = category.equals("content") ? "body" : category;
            List<String> found = new ArrayList<>();
            List<String> wanted = c.equals("body")
                    ? path
                    : path.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
            for (Map.Entry<List<String>, List<String>> e :
                    byCategory.getOrDefault(c, Map.of()).entrySet()) {
                if (matches(e.getKey(), wanted)) {
                    found.addAll(e.getValue());
                }
            }
            return found;
        }

        void annotate(Html h, String category, List<String> path) {
            List<String> words = of(category, path);
            if (!words.isEmpty()) {
                h.text(" ").el("span", String.join("; ", words), "class", "rule", "title", "matching rule");
            }
        }

        private static boolean matches(List<String> rule, List<String> path) {
            if (rule.size() != path.size()) {
                return false;
            }
            for (int i = 0; i < rule.size(); i++) {
                String r = rule.get(i);
                String p = path.get(i);
                boolean index = p.startsWith("[");
                if (r.equals("*") || r.equals("[*]") ? (r.equals("[*]") ? index : true) : r.equals(p)) {
                    continue;
                }
                return false;
            }
            return true;
        }

        /** "$.a[*].b['c d']" to [a, [*], b, c d]; "$" to []. */
        static List<String> tokens(String path) {
            List<String> tokens = new ArrayList<>();
            String p = path.startsWith("$") ? path.substring(1) : path;
            int i = 0;
            while (i < p.length()) {
                char c = p.charAt(i);
                if (c == '.') {
                    int j = i + 1;
                    while (j < p.length() && p.charAt(j) != '.' && p.charAt(j) != '[') {
                        j++;
                    }
                    tokens.add(p.substring(i + 1, j));
                    i = j;
                } else if (c == '[') {
                    int j = p.indexOf(']', i);
                    if (j < 0) {
                        j = p.length() - 1;
                    }
                    String inside = p.substring(i + 1, j);
                    if (inside.startsWith("'") || inside.startsWith("\"")) {
                        tokens.add(inside.substring(1, Math.max(1, inside.length() - 1)));
                    } else {
                        tokens.add("[" + inside + "]");
                    }
                    i = j + 1;
                } else {
                    int j = i;
                    while (j < p.length() && p.charAt(j) != '.' && p.charAt(j) != '[') {
                        j++;
                    }
                    tokens.add(p.substring(i, j));
                    i = j;
                }
            }
            return tokens;
        }
    }
}
