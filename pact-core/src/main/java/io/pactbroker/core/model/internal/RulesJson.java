package io.pactbroker.core.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.core.PactSpecification;
import io.pactbroker.core.internal.Json;
import io.pactbroker.core.model.DocPath;
import io.pactbroker.core.model.Generator;
import io.pactbroker.core.model.Generators;
import io.pactbroker.core.model.MatchingRule;
import io.pactbroker.core.model.MatchingRules;
import io.pactbroker.core.model.PactReadException;
import io.pactbroker.core.model.RuleList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Reads and writes matching rules and generators in every format the specification versions use. */
public final class RulesJson {

    private static final Set<String> V3_RULES = Set.of(
            "equality",
            "regex",
            "type",
            "include",
            "number",
            "integer",
            "decimal",
            "null",
            "date",
            "time",
            "datetime",
            "contentType",
            "values");

    private RulesJson() {}

    // ------------------------------------------------------------------------------------------------ reading

    /**
     * Reads a {@code matchingRules} object: the V2 flat form ({@code "$.body.a": {...}}) or the V3/V4 form by category
     * (V4 messages call the body category {@code content}; it is read as {@code body}).
     *
     * @param where the location of the node, for error messages
     */
    public static MatchingRules readRules(JsonNode node, String where) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return MatchingRules.empty();
        }
        if (!node.isObject()) {
            throw new PactReadException(where, "matching rules must be an object but were " + kind(node));
        }
        if (node.isEmpty()) {
            return MatchingRules.empty();
        }
        boolean v2 = node.fieldNames().next().startsWith("$");
        MatchingRules.Builder builder = MatchingRules.builder();
        if (v2) {
            node.properties()
                    .forEach(e -> readV2Rule(e.getKey(), e.getValue(), where + "['" + e.getKey() + "']", builder));
        } else {
            node.properties().forEach(e -> readCategory(e.getKey(), e.getValue(), where + "." + e.getKey(), builder));
        }
        return builder.build();
    }

    private static void readV2Rule(String key, JsonNode value, String where, MatchingRules.Builder builder) {
        DocPath path = parsePath(key, where);
        List<DocPath.Token> tokens = path.tokens();
        String category =
                tokens.size() > 1 && tokens.get(1) instanceof DocPath.Field f ? normaliseCategory(f.name()) : "";
        RuleList rules = readRuleList(value, where);
        switch (category) {
            case MatchingRules.BODY -> {
                List<DocPath.Token> rest = new ArrayList<>();
                rest.add(new DocPath.Root());
                rest.addAll(tokens.subList(2, tokens.size()));
                builder.put(MatchingRules.BODY, DocPath.render(rest), rules);
            }
            case MatchingRules.HEADER, MatchingRules.QUERY, MatchingRules.METADATA -> {
                if (tokens.size() < 3 || !(tokens.get(2) instanceof DocPath.Field name)) {
                    throw new PactReadException(where, "'" + key + "' does not name a " + category);
                }
                merge(builder, category, name.name(), rules);
            }
            case MatchingRules.PATH, MatchingRules.METHOD, MatchingRules.STATUS -> merge(builder, category, "", rules);
            default ->
                throw new PactReadException(
                        where,
                        "'" + key + "' is not a V2 matching rule path ($.body..., $.headers..., $.query..., $.path)");
        }
    }

    private static void merge(MatchingRules.Builder builder, String category, String key, RuleList rules) {
        for (MatchingRule rule : rules.rules()) {
            builder.add(category, key, rule);
        }
    }

    private static void readCategory(String name, JsonNode value, String where, MatchingRules.Builder builder) {
        String category = normaliseCategory(name);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isObject()) {
            throw new PactReadException(where, "the rules of a category must be an object but were " + kind(value));
        }
        switch (category) {
            case MatchingRules.PATH, MatchingRules.METHOD, MatchingRules.STATUS -> {
                if (value.has("matchers") || value.has("match")) {
                    builder.put(category, "", readRuleList(value, where));
                } else {
                    // Some writers key the single rule list by "" or "$".
                    value.properties().forEach(e -> builder.put(category, "", readRuleList(e.getValue(), where)));
                }
            }
            case MatchingRules.HEADER, MatchingRules.QUERY, MatchingRules.METADATA ->
                value.properties()
                        .forEach(e -> builder.put(
                                category,
                                nameOf(e.getKey(), where + "['" + e.getKey() + "']"),
                                readRuleList(e.getValue(), where + "['" + e.getKey() + "']")));
            default -> {
                if (value.has("matchers")) {
                    builder.put(category, "$", readRuleList(value, where));
                } else {
                    value.properties().forEach(e -> {
                        String at = where + "['" + e.getKey() + "']";
                        parsePath(e.getKey(), at);
                        builder.put(category, e.getKey(), readRuleList(e.getValue(), at));
                    });
                }
            }
        }
    }

    /** Header, query and metadata keys are names; some writers give them as paths ({@code $['X-Id']}). */
    private static String nameOf(String key, String where) {
        if (key.startsWith("$")) {
            return parsePath(key, where).firstField().orElse(key);
        }
        return key;
    }

    /** The category names writers have used, mapped to ours. */
    public static String normaliseCategory(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "headers", "header" -> MatchingRules.HEADER;
            case "content", "contents", "body" -> MatchingRules.BODY;
            case "metadata" -> MatchingRules.METADATA;
            default -> lower;
        };
    }

    private static DocPath parsePath(String expression, String where) {
        try {
            return DocPath.parse(expression);
        } catch (IllegalArgumentException e) {
            throw new PactReadException(where, e.getMessage(), e);
        }
    }

    /** Reads {@code {"matchers": [...], "combine": "AND"}}, a bare rule, or an array of rules. */
    public static RuleList readRuleList(JsonNode value, String where) {
        if (value.isArray()) {
            List<MatchingRule> rules = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                rules.add(readRule(value.get(i), where + "[" + i + "]"));
            }
            return new RuleList(rules, RuleList.RuleLogic.AND);
        }
        if (!value.isObject()) {
            throw new PactReadException(where, "a rule list must be an object but was " + kind(value));
        }
        if (!value.has("matchers")) {
            return RuleList.of(readRule(value, where));
        }
        JsonNode matchers = value.get("matchers");
        if (!matchers.isArray()) {
            throw new PactReadException(where + ".matchers", "must be an array but was " + kind(matchers));
        }
        RuleList.RuleLogic logic = RuleList.RuleLogic.AND;
        JsonNode combine = value.get("combine");
        if (combine != null && combine.isTextual()) {
            String text = combine.textValue().toUpperCase(Locale.ROOT);
            if (text.equals("OR")) {
                logic = RuleList.RuleLogic.OR;
            } else if (!text.equals("AND")) {
                throw new PactReadException(
                        where + ".combine", "must be AND or OR but was '" + combine.textValue() + "'");
            }
        }
        List<MatchingRule> rules = new ArrayList<>();
        for (int i = 0; i < matchers.size(); i++) {
            rules.add(readRule(matchers.get(i), where + ".matchers[" + i + "]"));
        }
        return new RuleList(rules, logic);
    }

    /** Reads one rule, in the pact file form ({@code "match"}) or the integration form ({@code "pact:matcher:type"}). */
    public static MatchingRule readRule(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new PactReadException(where, "a matching rule must be an object but was " + kind(node));
        }
        JsonNode match = node.has("match") ? node.get("match") : node.get("pact:matcher:type");
        if (match == null || match.isNull()) {
            if (node.has("regex")) {
                return new MatchingRule.Regex(text(node.get("regex")));
            }
            Optional<Integer> min = integer(node.get("min"), where + ".min");
            Optional<Integer> max = integer(node.get("max"), where + ".max");
            if (min.isPresent() || max.isPresent()) {
                return typeRule(min, max);
            }
            if (node.has("timestamp")) {
                return new MatchingRule.DateTime(text(node.get("timestamp")));
            }
            if (node.has("time")) {
                return new MatchingRule.Time(text(node.get("time")));
            }
            if (node.has("date")) {
                return new MatchingRule.Date(text(node.get("date")));
            }
            throw new PactReadException(
                    where, "a matching rule has no 'match' and its kind cannot be told from " + node);
        }
        String type = text(match);
        switch (type) {
            case "equality":
                return new MatchingRule.Equality();
            case "regex":
                if (!node.hasNonNull("regex")) {
                    throw new PactReadException(where, "a regex rule needs 'regex'");
                }
                return new MatchingRule.Regex(text(node.get("regex")));
            case "include":
                if (!node.hasNonNull("value")) {
                    throw new PactReadException(where, "an include rule needs 'value'");
                }
                return new MatchingRule.Include(text(node.get("value")));
            case "type":
                return typeRule(integer(node.get("min"), where + ".min"), integer(node.get("max"), where + ".max"));
            case "min", "min-type":
                return new MatchingRule.MinType(required(integer(node.get("min"), where + ".min"), where, "min"));
            case "max", "max-type":
                return new MatchingRule.MaxType(required(integer(node.get("max"), where + ".max"), where, "max"));
            case "number":
                return new MatchingRule.NumberType();
            case "integer":
                return new MatchingRule.IntegerType();
            case "decimal", "real":
                return new MatchingRule.DecimalType();
            case "boolean":
                return new MatchingRule.BooleanType();
            case "null":
                return new MatchingRule.NullValue();
            case "timestamp", "datetime":
                return new MatchingRule.DateTime(format(node, type));
            case "date":
                return new MatchingRule.Date(format(node, type));
            case "time":
                return new MatchingRule.Time(format(node, type));
            case "contentType", "content-type":
                if (!node.hasNonNull("value")) {
                    throw new PactReadException(where, "a contentType rule needs 'value'");
                }
                return new MatchingRule.ContentType(text(node.get("value")));
            case "values":
                return new MatchingRule.Values();
            case "notEmpty", "not-empty":
                return new MatchingRule.NotEmpty();
            case "semver":
                return new MatchingRule.Semver();
            case "statusCode", "status-code":
                return statusCode(node.get("status"), where + ".status");
            case "arrayContains", "array-contains":
                return arrayContains(node.get("variants"), where + ".variants");
            case "eachKey", "each-key":
                return new MatchingRule.EachKey(subRules(node.get("rules"), where + ".rules"), example(node));
            case "eachValue", "each-value":
                return new MatchingRule.EachValue(subRules(node.get("rules"), where + ".rules"), example(node));
            case "":
                throw new PactReadException(where, "the kind of matching rule ('match') is empty");
            default:
                return new MatchingRule.Unknown(type, node.deepCopy());
        }
    }

    private static MatchingRule typeRule(Optional<Integer> min, Optional<Integer> max) {
        if (min.isPresent() && max.isPresent()) {
            return new MatchingRule.MinMaxType(min.get(), max.get());
        }
        if (min.isPresent()) {
            return new MatchingRule.MinType(min.get());
        }
        if (max.isPresent()) {
            return new MatchingRule.MaxType(max.get());
        }
        return new MatchingRule.Type();
    }

    private static String format(JsonNode node, String type) {
        JsonNode format = node.hasNonNull("format") ? node.get("format") : node.get(type);
        return format == null || format.isNull() ? "" : text(format);
    }

    private static Optional<String> example(JsonNode node) {
        JsonNode value = node.get("value");
        return value == null || value.isNull() ? Optional.empty() : Optional.of(text(value));
    }

    private static List<MatchingRule> subRules(JsonNode rules, String where) {
        if (rules == null || rules.isNull()) {
            return List.of();
        }
        if (!rules.isArray()) {
            throw new PactReadException(where, "must be an array of rules but was " + kind(rules));
        }
        List<MatchingRule> list = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            list.add(readRule(rules.get(i), where + "[" + i + "]"));
        }
        return list;
    }

    private static MatchingRule statusCode(JsonNode status, String where) {
        if (status == null || status.isNull()) {
            return new MatchingRule.StatusCode(Optional.of(MatchingRule.StatusClass.SUCCESS), List.of());
        }
        if (status.isTextual()) {
            return new MatchingRule.StatusCode(
                    Optional.of(MatchingRule.StatusClass.fromJsonName(status.textValue())
                            .orElseThrow(() -> new PactReadException(
                                    where, "'" + status.textValue() + "' is not a class of status"))),
                    List.of());
        }
        if (status.isArray()) {
            List<Integer> codes = new ArrayList<>();
            for (int i = 0; i < status.size(); i++) {
                codes.add(required(integer(status.get(i), where + "[" + i + "]"), where, "status code"));
            }
            return new MatchingRule.StatusCode(Optional.empty(), codes);
        }
        if (status.isNumber()) {
            return new MatchingRule.StatusCode(Optional.empty(), List.of(status.intValue()));
        }
        throw new PactReadException(where, "must be a class of status or an array of codes but was " + kind(status));
    }

    private static MatchingRule arrayContains(JsonNode variants, String where) {
        if (variants == null || !variants.isArray()) {
            throw new PactReadException(where, "an arrayContains rule needs an array of 'variants'");
        }
        List<MatchingRule.Variant> list = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            JsonNode variant = variants.get(i);
            String at = where + "[" + i + "]";
            int index = integer(variant.get("index"), at + ".index").orElse(i);
            Map<String, RuleList> rules = new LinkedHashMap<>();
            JsonNode rulesNode = variant.get("rules");
            if (rulesNode != null && rulesNode.isObject()) {
                rulesNode.properties().forEach(e -> {
                    parsePath(e.getKey(), at + ".rules['" + e.getKey() + "']");
                    rules.put(e.getKey(), readRuleList(e.getValue(), at + ".rules['" + e.getKey() + "']"));
                });
            }
            Map<String, Generator> generators = new LinkedHashMap<>();
            JsonNode generatorsNode = variant.get("generators");
            if (generatorsNode != null && generatorsNode.isObject()) {
                generatorsNode
                        .properties()
                        .forEach(e -> generators.put(
                                e.getKey(), readGenerator(e.getValue(), at + ".generators['" + e.getKey() + "']")));
            }
            list.add(new MatchingRule.Variant(index, rules, generators));
        }
        return new MatchingRule.ArrayContains(list);
    }

    /** Reads a {@code generators} object by category. */
    public static Generators readGenerators(JsonNode node, String where) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Generators.empty();
        }
        if (!node.isObject()) {
            throw new PactReadException(where, "generators must be an object but were " + kind(node));
        }
        Generators.Builder builder = Generators.builder();
        node.properties().forEach(e -> {
            String category = normaliseCategory(e.getKey());
            String at = where + "." + e.getKey();
            JsonNode value = e.getValue();
            if (!value.isObject()) {
                throw new PactReadException(at, "must be an object but was " + kind(value));
            }
            if (value.has("type")) {
                builder.add(category, "", readGenerator(value, at));
            } else {
                value.properties().forEach(g -> {
                    String key = g.getKey();
                    String gat = at + "['" + key + "']";
                    if (category.equals(MatchingRules.HEADER)
                            || category.equals(MatchingRules.QUERY)
                            || category.equals(MatchingRules.METADATA)) {
                        key = nameOf(key, gat);
                    } else {
                        parsePath(key, gat);
                    }
                    builder.add(category, key, readGenerator(g.getValue(), gat));
                });
            }
        });
        return builder.build();
    }

    /** Reads one generator. */
    public static Generator readGenerator(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new PactReadException(where, "a generator must be an object but was " + kind(node));
        }
        JsonNode typeNode = node.has("type") ? node.get("type") : node.get("pact:generator:type");
        if (typeNode == null || !typeNode.isTextual() || typeNode.textValue().isEmpty()) {
            throw new PactReadException(where, "a generator needs a 'type'");
        }
        String type = typeNode.textValue();
        return switch (type) {
            case "RandomInt" ->
                new Generator.RandomInt(
                        integer(node.get("min"), where + ".min").orElse(0),
                        integer(node.get("max"), where + ".max").orElse(10));
            case "RandomDecimal" ->
                new Generator.RandomDecimal(
                        integer(node.get("digits"), where + ".digits").orElse(10));
            case "RandomHexadecimal" ->
                new Generator.RandomHexadecimal(
                        integer(node.get("digits"), where + ".digits").orElse(10));
            case "RandomString" ->
                new Generator.RandomString(
                        integer(node.get("size"), where + ".size").orElse(10));
            case "Regex" -> {
                if (!node.hasNonNull("regex")) {
                    throw new PactReadException(where, "a Regex generator needs 'regex'");
                }
                yield new Generator.Regex(text(node.get("regex")));
            }
            case "Uuid" ->
                new Generator.Uuid(optionalText(node, "format").map(f -> Generator.UuidFormat.fromJsonName(f)
                        .orElseThrow(
                                () -> new PactReadException(where + ".format", "'" + f + "' is not a UUID format"))));
            case "Date" -> new Generator.Date(optionalText(node, "format"), optionalText(node, "expression"));
            case "Time" -> new Generator.Time(optionalText(node, "format"), optionalText(node, "expression"));
            case "DateTime", "Timestamp" ->
                new Generator.DateTime(optionalText(node, "format"), optionalText(node, "expression"));
            case "RandomBoolean" -> new Generator.RandomBoolean();
            case "ProviderState" -> {
                if (!node.hasNonNull("expression")) {
                    throw new PactReadException(where, "a ProviderState generator needs 'expression'");
                }
                yield new Generator.ProviderState(
                        text(node.get("expression")),
                        optionalText(node, "dataType").flatMap(Generator.DataType::fromJsonName));
            }
            case "MockServerURL" ->
                new Generator.MockServerUrl(
                        optionalText(node, "example").orElse(""),
                        optionalText(node, "regex").orElse(""));
            default -> new Generator.Unknown(type, node.deepCopy());
        };
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(text(value));
    }

    private static Optional<Integer> integer(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return Optional.of(node.intValue());
        }
        if (node.isNumber()) {
            return Optional.of((int) node.doubleValue());
        }
        if (node.isTextual()) {
            try {
                return Optional.of(Integer.parseInt(node.textValue().trim()));
            } catch (NumberFormatException e) {
                throw new PactReadException(where, "'" + node.textValue() + "' is not a number");
            }
        }
        throw new PactReadException(where, "must be a number but was " + kind(node));
    }

    private static int required(Optional<Integer> value, String where, String field) {
        return value.orElseThrow(() -> new PactReadException(where, "needs '" + field + "'"));
    }

    /** The text of a node: a string's value, anything else as JSON. */
    public static String text(JsonNode node) {
        return node.isTextual() ? node.textValue() : node.toString();
    }

    /** Describes a node's kind for error messages. */
    public static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }

    // ------------------------------------------------------------------------------------------------ writing

    /**
     * Writes rules in the V3/V4 form. Rules the version cannot express are left out, each with a warning.
     *
     * @param bodyName the name of the body category ({@code body}, or {@code content} for V4 messages)
     */
    public static ObjectNode writeRules(
            MatchingRules rules, PactSpecification version, String bodyName, Consumer<String> warn) {
        ObjectNode out = Json.NODES.objectNode();
        rules.categories().forEach((category, byKey) -> {
            ObjectNode categoryNode = Json.NODES.objectNode();
            boolean single = category.equals(MatchingRules.PATH)
                    || category.equals(MatchingRules.METHOD)
                    || category.equals(MatchingRules.STATUS);
            byKey.forEach((key, list) -> {
                String where = describe(category, key);
                Optional<ObjectNode> written = writeRuleList(list, version, where, warn);
                if (written.isEmpty()) {
                    return;
                }
                if (single) {
                    categoryNode.setAll(written.get());
                } else {
                    categoryNode.set(key, written.get());
                }
            });
            if (!categoryNode.isEmpty()) {
                out.set(category.equals(MatchingRules.BODY) ? bodyName : category, categoryNode);
            }
        });
        return out;
    }

    private static Optional<ObjectNode> writeRuleList(
            RuleList list, PactSpecification version, String where, Consumer<String> warn) {
        ArrayNode matchers = Json.NODES.arrayNode();
        for (MatchingRule rule : list.rules()) {
            if (version == PactSpecification.V3
                    && !V3_RULES.contains(rule.name())
                    && !(rule instanceof MatchingRule.Unknown)) {
                warn.accept(
                        "matching rule '" + rule.name() + "' at " + where + " has no V3 equivalent and was left out");
                continue;
            }
            matchers.add(writeRule(rule, version));
        }
        if (matchers.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode node = Json.NODES.objectNode();
        node.put("combine", list.logic().name());
        node.set("matchers", matchers);
        return Optional.of(node);
    }

    /** One rule in the V3/V4 form. */
    public static ObjectNode writeRule(MatchingRule rule, PactSpecification version) {
        ObjectNode node = Json.NODES.objectNode();
        if (rule instanceof MatchingRule.Regex r) {
            node.put("match", "regex").put("regex", r.regex());
        } else if (rule instanceof MatchingRule.MinType t) {
            node.put("match", "type").put("min", t.min());
        } else if (rule instanceof MatchingRule.MaxType t) {
            node.put("match", "type").put("max", t.max());
        } else if (rule instanceof MatchingRule.MinMaxType t) {
            node.put("match", "type").put("min", t.min()).put("max", t.max());
        } else if (rule instanceof MatchingRule.DateTime d) {
            node.put("match", version == PactSpecification.V4 ? "datetime" : "timestamp");
            putFormat(node, d.format());
        } else if (rule instanceof MatchingRule.Date d) {
            node.put("match", "date");
            putFormat(node, d.format());
        } else if (rule instanceof MatchingRule.Time t) {
            node.put("match", "time");
            putFormat(node, t.format());
        } else if (rule instanceof MatchingRule.Include i) {
            node.put("match", "include").put("value", i.value());
        } else if (rule instanceof MatchingRule.ContentType c) {
            node.put("match", "contentType").put("value", c.contentType());
        } else if (rule instanceof MatchingRule.StatusCode s) {
            node.put("match", "statusCode");
            if (s.statusClass().isPresent()) {
                node.put("status", s.statusClass().get().jsonName());
            } else {
                ArrayNode codes = node.putArray("status");
                s.codes().forEach(codes::add);
            }
        } else if (rule instanceof MatchingRule.ArrayContains a) {
            node.put("match", "arrayContains");
            ArrayNode variants = node.putArray("variants");
            for (MatchingRule.Variant v : a.variants()) {
                ObjectNode variant = variants.addObject();
                variant.put("index", v.index());
                ObjectNode rules = variant.putObject("rules");
                v.rules().forEach((path, list) -> writeRuleList(list, version, path, w -> {})
                        .ifPresent(n -> rules.set(path, n)));
                if (!v.generators().isEmpty()) {
                    ObjectNode generators = variant.putObject("generators");
                    v.generators().forEach((path, g) -> generators.set(path, writeGenerator(g)));
                }
            }
        } else if (rule instanceof MatchingRule.EachKey e) {
            node.put("match", "eachKey");
            ArrayNode rules = node.putArray("rules");
            e.rules().forEach(r -> rules.add(writeRule(r, version)));
            e.example().ifPresent(v -> node.put("value", v));
        } else if (rule instanceof MatchingRule.EachValue e) {
            node.put("match", "eachValue");
            ArrayNode rules = node.putArray("rules");
            e.rules().forEach(r -> rules.add(writeRule(r, version)));
            e.example().ifPresent(v -> node.put("value", v));
        } else if (rule instanceof MatchingRule.Unknown u) {
            return u.definition().isObject() ? ((ObjectNode) u.definition()).deepCopy() : node.put("match", u.name());
        } else {
            node.put("match", rule.name());
        }
        return node;
    }

    private static void putFormat(ObjectNode node, String format) {
        if (!format.isEmpty()) {
            node.put("format", format);
        }
    }

    /**
     * Writes rules in the V2 flat form ({@code "$.body.a": {"match": "type"}}). V2 knows regex and type (with min and
     * max) on the body, headers, query and path; everything else is left out with a warning, as is every rule after
     * the first at a path and an {@code OR} combination.
     */
    public static ObjectNode writeV2Rules(MatchingRules rules, Consumer<String> warn) {
        ObjectNode out = Json.NODES.objectNode();
        rules.categories()
                .forEach((category, byKey) -> byKey.forEach((key, list) -> {
                    String where = describe(category, key);
                    String v2Key =
                            switch (category) {
                                case MatchingRules.BODY -> "$.body" + key.substring(Math.min(1, key.length()));
                                case MatchingRules.HEADER -> v2Name("$.headers", key);
                                case MatchingRules.QUERY -> v2Name("$.query", key);
                                case MatchingRules.PATH -> "$.path";
                                default -> null;
                            };
                    if (v2Key == null) {
                        warn.accept("matching rules on the " + category + " have no V2 equivalent and were left out");
                        return;
                    }
                    if (list.logic() == RuleList.RuleLogic.OR && list.rules().size() > 1) {
                        warn.accept("matching rules at " + where + " are combined with OR, which V2 cannot express;"
                                + " only the first was kept");
                    }
                    boolean written = false;
                    for (MatchingRule rule : list.rules()) {
                        boolean v2Rule = rule instanceof MatchingRule.Regex
                                || rule instanceof MatchingRule.Type
                                || rule instanceof MatchingRule.MinType
                                || rule instanceof MatchingRule.MaxType
                                || rule instanceof MatchingRule.MinMaxType;
                        if (!v2Rule) {
                            warn.accept("matching rule '" + rule.name() + "' at " + where
                                    + " has no V2 equivalent and was left out");
                        } else if (written) {
                            warn.accept("matching rule '" + rule.name() + "' at " + where
                                    + " was left out: V2 allows one rule per path");
                        } else {
                            out.set(v2Key, writeRule(rule, PactSpecification.V2));
                            written = true;
                        }
                    }
                }));
        return out;
    }

    private static String v2Name(String prefix, String name) {
        StringBuilder out = new StringBuilder(prefix);
        DocPath.appendField(out, name);
        return out.toString();
    }

    /** How a rule's place is named in warnings: {@code $.a.b}, {@code header 'Accept'}, {@code the path}. */
    public static String describe(String category, String key) {
        return switch (category) {
            case MatchingRules.BODY -> key;
            case MatchingRules.HEADER -> "header '" + key + "'";
            case MatchingRules.QUERY -> "query parameter '" + key + "'";
            case MatchingRules.METADATA -> "metadata '" + key + "'";
            default -> "the " + category;
        };
    }

    /** Writes generators in the V3/V4 form. */
    public static ObjectNode writeGenerators(
            Generators generators, PactSpecification version, String bodyName, Consumer<String> warn) {
        ObjectNode out = Json.NODES.objectNode();
        generators.categories().forEach((category, byKey) -> {
            boolean single = category.equals(MatchingRules.PATH)
                    || category.equals(MatchingRules.METHOD)
                    || category.equals(MatchingRules.STATUS);
            ObjectNode categoryNode = Json.NODES.objectNode();
            byKey.forEach((key, generator) -> {
                if (version == PactSpecification.V3 && generator instanceof Generator.MockServerUrl) {
                    warn.accept("generator 'MockServerURL' at " + describe(category, key)
                            + " has no V3 equivalent and was left out");
                    return;
                }
                if (single) {
                    categoryNode.setAll(writeGenerator(generator));
                } else {
                    categoryNode.set(key, writeGenerator(generator));
                }
            });
            if (!categoryNode.isEmpty()) {
                out.set(category.equals(MatchingRules.BODY) ? bodyName : category, categoryNode);
            }
        });
        return out;
    }

    /** One generator. */
    public static ObjectNode writeGenerator(Generator generator) {
        ObjectNode node = Json.NODES.objectNode();
        if (generator instanceof Generator.Unknown u && u.definition().isObject()) {
            return ((ObjectNode) u.definition()).deepCopy();
        }
        node.put("type", generator.type());
        if (generator instanceof Generator.RandomInt g) {
            node.put("min", g.min()).put("max", g.max());
        } else if (generator instanceof Generator.RandomDecimal g) {
            node.put("digits", g.digits());
        } else if (generator instanceof Generator.RandomHexadecimal g) {
            node.put("digits", g.digits());
        } else if (generator instanceof Generator.RandomString g) {
            node.put("size", g.size());
        } else if (generator instanceof Generator.Regex g) {
            node.put("regex", g.regex());
        } else if (generator instanceof Generator.Uuid g) {
            g.format().ifPresent(f -> node.put("format", f.jsonName()));
        } else if (generator instanceof Generator.Date g) {
            putFormatAndExpression(node, g.format(), g.expression());
        } else if (generator instanceof Generator.Time g) {
            putFormatAndExpression(node, g.format(), g.expression());
        } else if (generator instanceof Generator.DateTime g) {
            putFormatAndExpression(node, g.format(), g.expression());
        } else if (generator instanceof Generator.ProviderState g) {
            node.put("expression", g.expression());
            g.dataType().ifPresent(t -> node.put("dataType", t.name()));
        } else if (generator instanceof Generator.MockServerUrl g) {
            node.put("example", g.example()).put("regex", g.regex());
        }
        return node;
    }

    private static void putFormatAndExpression(ObjectNode node, Optional<String> format, Optional<String> expression) {
        format.ifPresent(f -> node.put("format", f));
        expression.ifPresent(e -> node.put("expression", e));
    }
}
