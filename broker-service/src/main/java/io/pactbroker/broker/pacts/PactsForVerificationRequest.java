package io.pactbroker.broker.pacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.broker.common.problem.Errors;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The pacts-for-verification request: the POST body (camelCase JSON) or the deprecated GET query string (snake_case,
 * Rack-nested), validated with the Pact Broker's rules and messages (400 {@code {"errors": {...}}}, selector messages
 * under {@code consumerVersionSelectors} with {@code (at index N)}), and read as the Pact Broker reads it.
 *
 * @param providerVersionBranch the branch of the provider version that will verify (pending and WIP are per branch)
 * @param providerVersionTags the tags of that provider version (older clients, instead of a branch)
 * @param selectors the consumer version selectors ({@code deployedOrReleased} split in two; {@code matchingBranch}
 *     given the provider version branch); empty for the defaults
 * @param includePendingStatus whether to compute pending (the Pact Broker's default is true)
 * @param includeWipPactsSince include work-in-progress pacts published after this time, or null
 * @param deprecated whether the request came by the deprecated GET
 */
public record PactsForVerificationRequest(
        String providerVersionBranch,
        List<String> providerVersionTags,
        List<ConsumerVersionSelector> selectors,
        boolean includePendingStatus,
        OffsetDateTime includeWipPactsSince,
        boolean deprecated) {

    static final String SELECTORS = "consumerVersionSelectors";

    private static final List<String> BRANCH_KEYS =
            List.of("latest", "tag", "fallbackTag", "branch", "fallbackBranch", "matchingBranch", "mainBranch");
    private static final List<String> ENVIRONMENT_KEYS =
            List.of("environment", "deployed", "released", "deployedOrReleased");
    private static final List<String> ALL_KEYS = all();

    private static List<String> all() {
        List<String> keys = new ArrayList<>(BRANCH_KEYS);
        keys.addAll(ENVIRONMENT_KEYS);
        keys.add("consumer");
        return List.copyOf(keys);
    }

    /** The provider version branch when one was given (a blank one counts as none). */
    public String branch() {
        return providerVersionBranch == null || providerVersionBranch.isBlank() ? null : providerVersionBranch;
    }

    /** Reads and validates the POST body; {@code environmentExists} checks the names of environment selectors. */
    public static PactsForVerificationRequest fromJson(ObjectNode body, Predicate<String> environmentExists) {
        Errors errors = new Errors();
        boolean branchOk = true;
        String branch = null;
        JsonNode branchNode = body.get("providerVersionBranch");
        if (branchNode != null && !branchNode.isNull()) {
            if (!branchNode.isTextual()) {
                errors.add("providerVersionBranch", "must be a string");
                branchOk = false;
            } else {
                branch = branchNode.asText();
            }
        }
        List<String> tags = null;
        JsonNode tagsNode = body.get("providerVersionTags");
        if (tagsNode != null && !tagsNode.isNull()) {
            if (!tagsNode.isArray()) {
                errors.add("providerVersionTags", "must be an array");
                branchOk = false;
            } else {
                tags = new ArrayList<>();
                for (JsonNode t : tagsNode) {
                    if (!t.isTextual()) {
                        errors.add("providerVersionTags", "must be an array of strings");
                        branchOk = false;
                        break;
                    }
                    tags.add(t.asText());
                }
            }
        }
        Boolean includePending = null;
        JsonNode pendingNode = body.get("includePendingStatus");
        if (pendingNode != null) {
            if (pendingNode.isNull()) {
                errors.add("includePendingStatus", "must be filled");
                branchOk = false;
            } else if (!pendingNode.isBoolean()) {
                errors.add("includePendingStatus", "must be one of: true, false");
                branchOk = false;
            } else {
                includePending = pendingNode.asBoolean();
            }
        }
        OffsetDateTime wipSince = null;
        JsonNode wipNode = body.get("includeWipPactsSince");
        if (wipNode != null) {
            if (wipNode.isNull()) {
                errors.add("includeWipPactsSince", "must be filled");
                branchOk = false;
            } else {
                wipSince = wipNode.isTextual() ? parseDate(wipNode.asText()) : null;
                if (wipSince == null) {
                    errors.add("includeWipPactsSince", "must be a date");
                    branchOk = false;
                }
            }
        }
        if (branchOk) {
            checkProviderVersionBranch(branch, tags, includePending, wipSince != null, errors);
        }
        List<ObjectNode> selectorNodes = new ArrayList<>();
        JsonNode selectorsNode = body.get(SELECTORS);
        if (selectorsNode != null) {
            if (!selectorsNode.isArray()) {
                errors.add(SELECTORS, "must be an array");
            } else {
                int index = 0;
                for (JsonNode s : selectorsNode) {
                    if (!s.isObject()) {
                        errors.add(SELECTORS, "must be a hash (at index " + index + ")");
                    } else {
                        validateSelector((ObjectNode) s, index, branch, environmentExists, errors);
                        selectorNodes.add((ObjectNode) s);
                    }
                    index++;
                }
            }
        }
        errors.throwIfAny();
        return new PactsForVerificationRequest(
                branch,
                tags == null ? List.of() : List.copyOf(tags),
                readSelectors(selectorNodes, branch),
                includePending == null || includePending,
                wipSince,
                false);
    }

    /**
     * Reads and validates the deprecated GET's query string, already parsed Rack-style ({@code
     * consumer_version_selectors[][tag]=prod&consumer_version_selectors[][latest]=true&provider_version_tags[]=main}).
     * camelCase names are read too.
     */
    public static PactsForVerificationRequest fromQuery(Map<String, Object> query) {
        Errors errors = new Errors();
        Object branchValue = get(query, "provider_version_branch");
        String branch = branchValue instanceof String s ? s : null;
        List<String> tags = List.of();
        Object tagsValue = get(query, "provider_version_tags");
        if (tagsValue != null) {
            if (tagsValue instanceof List<?> list) {
                tags = list.stream().map(String::valueOf).toList();
            } else {
                errors.add("provider_version_tags", "must be an array");
            }
        }
        Boolean includePending = null;
        Object pendingValue = get(query, "include_pending_status");
        if (pendingValue != null) {
            if ("true".equals(pendingValue) || "false".equals(pendingValue)) {
                includePending = "true".equals(pendingValue);
            } else {
                errors.add(
                        "include_pending_status",
                        pendingValue instanceof String s && s.isEmpty()
                                ? "must be filled"
                                : "must be one of: true, false");
            }
        }
        OffsetDateTime wipSince = null;
        Object wipValue = get(query, "include_wip_pacts_since");
        if (wipValue != null) {
            wipSince = wipValue instanceof String s ? parseDate(s) : null;
            if (wipSince == null) {
                errors.add("include_wip_pacts_since", "".equals(wipValue) ? "must be filled" : "must be a date");
            }
        }
        List<ConsumerVersionSelector> selectors = new ArrayList<>();
        Object selectorsValue = get(query, "consumer_version_selectors");
        if (selectorsValue != null) {
            if (!(selectorsValue instanceof List<?> list)) {
                errors.add("consumer_version_selectors", "must be an array");
            } else {
                int index = 0;
                for (Object element : list) {
                    if (!(element instanceof Map<?, ?> map)) {
                        errors.add("consumer_version_selectors", "must be a hash (at index " + index + ")");
                        index++;
                        continue;
                    }
                    String tag = text(get(map, "tag"));
                    Object latest = get(map, "latest");
                    String fallbackTag = text(get(map, "fallback_tag"));
                    String consumer = text(get(map, "consumer"));
                    String at = " (at index " + index + ")";
                    if (!containsKey(map, "tag")) {
                        errors.add("consumer_version_selectors", "tag is missing" + at);
                    } else if (tag == null || tag.isEmpty()) {
                        errors.add("consumer_version_selectors", "tag must be filled" + at);
                    }
                    if (containsKey(map, "latest") && !"true".equals(latest) && !"false".equals(latest)) {
                        errors.add(
                                "consumer_version_selectors",
                                ("".equals(latest) || latest == null
                                                ? "latest must be filled"
                                                : "latest must be one of: true, false")
                                        + at);
                    }
                    if (containsKey(map, "fallback_tag") && (fallbackTag == null || fallbackTag.isEmpty())) {
                        errors.add("consumer_version_selectors", "fallback_tag must be filled" + at);
                    }
                    if (containsKey(map, "consumer") && (consumer == null || consumer.isEmpty())) {
                        errors.add("consumer_version_selectors", "consumer must be filled" + at);
                    }
                    ConsumerVersionSelector s = new ConsumerVersionSelector(
                            false,
                            tag,
                            null,
                            false,
                            false,
                            "true".equals(latest) ? Boolean.TRUE : ("false".equals(latest) ? Boolean.FALSE : null),
                            fallbackTag,
                            null,
                            consumer,
                            null,
                            false,
                            false);
                    selectors.add(s);
                    index++;
                }
            }
        }
        errors.throwIfAny();
        return new PactsForVerificationRequest(
                branch, tags, List.copyOf(selectors), includePending == null || includePending, wipSince, true);
    }

    // validation of the POST body

    private static void checkProviderVersionBranch(
            String branch, List<String> tags, Boolean includePending, boolean wip, Errors errors) {
        if (branch != null && !branch.isEmpty() && branch.isBlank()) {
            errors.add("providerVersionBranch", "cannot be blank");
            return;
        }
        boolean noTags = tags == null || tags.isEmpty();
        if (noTags && (wip || Boolean.TRUE.equals(includePending)) && branch != null && branch.isBlank()) {
            errors.add(
                    "providerVersionBranch",
                    "when pending or WIP pacts are enabled and there are no tags provided, the provider version"
                            + " branch must not be an empty string, as it is used in the calculations for"
                            + " WIP/pending. A value must be provided (recommended), or it must not be set at all.");
        }
    }

    private static void validateSelector(
            ObjectNode s, int index, String providerBranch, Predicate<String> environmentExists, Errors errors) {
        List<String> messages = new ArrayList<>();
        TreeSet<String> failed = new TreeSet<>();
        checkTrue(s, "mainBranch", messages, failed);
        checkString(s, "tag", messages, failed);
        JsonNode branch = s.get("branch");
        if (branch != null) {
            if (branch.isNull() || (branch.isTextual() && branch.asText().isEmpty())) {
                fail("branch", "branch must be filled", messages, failed);
            } else if (!branch.isTextual() && !(branch.isBoolean() && branch.asBoolean())) {
                fail("branch", "branch must be a string or branch must be equal to true", messages, failed);
            }
        }
        checkTrue(s, "matchingBranch", messages, failed);
        JsonNode latest = s.get("latest");
        if (latest != null) {
            if (latest.isNull()) {
                fail("latest", "latest must be filled", messages, failed);
            } else if (!latest.isBoolean()) {
                fail("latest", "latest must be one of: true, false", messages, failed);
            }
        }
        checkString(s, "fallbackTag", messages, failed);
        checkString(s, "fallbackBranch", messages, failed);
        checkString(s, "consumer", messages, failed);
        checkTrue(s, "deployed", messages, failed);
        checkTrue(s, "released", messages, failed);
        checkTrue(s, "deployedOrReleased", messages, failed);
        checkString(s, "environment", messages, failed);

        boolean allKeysOk = ALL_KEYS.stream().noneMatch(failed::contains);
        if (!failed.contains("consumer")
                && s.has("consumer")
                && s.get("consumer").asText().isBlank()) {
            messages.add("consumer cannot be blank");
        }
        if (allKeysOk) {
            if (!provided(s, "mainBranch")
                    && !provided(s, "tag")
                    && !provided(s, "branch")
                    && !provided(s, "environment")
                    && !isTrue(s, "matchingBranch")
                    && !isTrue(s, "deployed")
                    && !isTrue(s, "released")
                    && !isTrue(s, "deployedOrReleased")
                    && !isTrue(s, "latest")) {
                messages.add("must specify a value for environment or tag or branch, or specify mainBranch=true,"
                        + " matchingBranch=true, latest=true, deployed=true, released=true or"
                        + " deployedOrReleased=true");
            }
            if (isTrue(s, "mainBranch") && anyPresent(s, except("consumer", "mainBranch", "latest"))) {
                messages.add("cannot specify mainBranch=true with any other criteria apart from consumer");
            }
        }
        if (ok(failed, "mainBranch", "latest") && isTrue(s, "mainBranch") && isFalse(s, "latest")) {
            messages.add("cannot specify mainBranch=true with latest=false");
        }
        if (allKeysOk) {
            if (isTrue(s, "matchingBranch") && anyPresent(s, except("consumer", "matchingBranch"))) {
                messages.add("cannot specify matchingBranch=true with any other criteria apart from consumer");
            }
            if (isTrue(s, "matchingBranch") && (providerBranch == null || providerBranch.isBlank())) {
                messages.add("the providerVersionBranch must be specified when the selector matchingBranch=true is"
                        + " used");
            }
        }
        if (ok(failed, "tag", "branch") && present(s, "tag") && present(s, "branch")) {
            messages.add("cannot specify both a tag and a branch");
        }
        if (allKeysOk) {
            List<String> branchFields = presentKeys(s, BRANCH_KEYS);
            List<String> environmentFields = presentKeys(s, ENVIRONMENT_KEYS);
            if (!branchFields.isEmpty() && !environmentFields.isEmpty()) {
                messages.add("cannot specify the " + fields(branchFields) + " " + String.join("/", branchFields)
                        + " with the " + fields(environmentFields) + " " + String.join("/", environmentFields));
            }
        }
        if (ok(failed, "fallbackTag", "tag", "latest") && present(s, "fallbackTag")) {
            if (!isTrue(s, "latest")) {
                messages.add("fallbackTag can only be set if latest is true");
            }
            if (!present(s, "tag")) {
                messages.add("a tag must be specified when a fallbackTag is specified");
            }
        }
        if (ok(failed, "fallbackBranch", "branch", "latest") && present(s, "fallbackBranch")) {
            if (!present(s, "branch")) {
                messages.add("a branch must be specified when a fallbackBranch is specified");
            }
            if (isFalse(s, "latest")) {
                messages.add("fallbackBranch can only be set if latest is true");
            }
        }
        if (ok(failed, "branch", "latest") && present(s, "branch") && isFalse(s, "latest")) {
            messages.add("cannot specify a branch with latest=false");
        }
        if (!failed.contains("environment") && provided(s, "environment")) {
            String name = s.get("environment").asText();
            if (!environmentExists.test(name)) {
                messages.add("environment with name '" + name + "' does not exist");
            }
        }
        if (ok(failed, "deployed", "released", "deployedOrReleased")) {
            if (isTrue(s, "deployed") && isTrue(s, "released")) {
                messages.add("cannot specify both deployed=true and released=true");
            }
            if (isTrue(s, "deployed") && isTrue(s, "deployedOrReleased")) {
                messages.add("cannot specify both deployed=true and deployedOrReleased=true");
            }
            if (isTrue(s, "released") && isTrue(s, "deployedOrReleased")) {
                messages.add("cannot specify both released=true and deployedOrReleased=true");
            }
        }
        messages.forEach(m -> errors.add(SELECTORS, m + " (at index " + index + ")"));
    }

    private static void checkTrue(ObjectNode s, String key, List<String> messages, TreeSet<String> failed) {
        JsonNode value = s.get(key);
        if (value == null) {
            return;
        }
        if (value.isNull()) {
            fail(key, key + " must be filled", messages, failed);
        } else if (!(value.isBoolean() && value.asBoolean())) {
            fail(key, key + " must be one of: true", messages, failed);
        }
    }

    private static void checkString(ObjectNode s, String key, List<String> messages, TreeSet<String> failed) {
        JsonNode value = s.get(key);
        if (value == null) {
            return;
        }
        if (value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
            fail(key, key + " must be filled", messages, failed);
        } else if (!value.isTextual()) {
            fail(key, key + " must be a string", messages, failed);
        }
    }

    private static void fail(String key, String message, List<String> messages, TreeSet<String> failed) {
        messages.add(message);
        failed.add(key);
    }

    private static boolean ok(TreeSet<String> failed, String... keys) {
        for (String k : keys) {
            if (failed.contains(k)) {
                return false;
            }
        }
        return true;
    }

    /** Present with a value (the Pact Broker's "provided": a non-blank string, or anything not null). */
    private static boolean provided(ObjectNode s, String key) {
        JsonNode v = s.get(key);
        if (v == null || v.isNull()) {
            return false;
        }
        return !v.isTextual() || !v.asText().isBlank();
    }

    /** Given a truthy value, as a Ruby condition reads it. */
    private static boolean present(ObjectNode s, String key) {
        JsonNode v = s.get(key);
        return v != null && !v.isNull() && !(v.isBoolean() && !v.asBoolean());
    }

    private static boolean isTrue(ObjectNode s, String key) {
        JsonNode v = s.get(key);
        return v != null && v.isBoolean() && v.asBoolean();
    }

    private static boolean isFalse(ObjectNode s, String key) {
        JsonNode v = s.get(key);
        return v != null && v.isBoolean() && !v.asBoolean();
    }

    private static boolean anyPresent(ObjectNode s, List<String> keys) {
        return keys.stream().anyMatch(s::has);
    }

    private static List<String> except(String... keys) {
        List<String> rest = new ArrayList<>(ALL_KEYS);
        rest.removeAll(List.of(keys));
        return rest;
    }

    private static List<String> presentKeys(ObjectNode s, List<String> keys) {
        return keys.stream().filter(s::has).sorted().toList();
    }

    private static String fields(List<String> keys) {
        return keys.size() == 1 ? "field" : "fields";
    }

    // reading

    private static List<ConsumerVersionSelector> readSelectors(List<ObjectNode> nodes, String providerBranch) {
        List<ConsumerVersionSelector> result = new ArrayList<>();
        for (ObjectNode n : nodes) {
            boolean mainBranch = isTrue(n, "mainBranch");
            boolean matchingBranch = isTrue(n, "matchingBranch");
            JsonNode branchNode = n.get("branch");
            boolean allBranches = branchNode != null && branchNode.isBoolean() && branchNode.asBoolean();
            String branch = branchNode != null && branchNode.isTextual() ? branchNode.asText() : null;
            Boolean latest = null;
            if (mainBranch || matchingBranch || branch != null || allBranches) {
                latest = true;
            }
            if (n.has("latest") && n.get("latest").isBoolean()) {
                latest = n.get("latest").asBoolean();
            }
            if (matchingBranch && providerBranch != null) {
                branch = providerBranch;
            }
            boolean deployedOrReleased = isTrue(n, "deployedOrReleased");
            ConsumerVersionSelector selector = new ConsumerVersionSelector(
                    mainBranch,
                    textOf(n, "tag"),
                    branch,
                    allBranches,
                    matchingBranch,
                    latest,
                    textOf(n, "fallbackTag"),
                    textOf(n, "fallbackBranch"),
                    textOf(n, "consumer"),
                    textOf(n, "environment"),
                    isTrue(n, "deployed") || deployedOrReleased,
                    isTrue(n, "released") || deployedOrReleased);
            if (selector.deployed() && selector.released()) {
                result.add(selector.withDeployedAndReleased(true, false));
                result.add(selector.withDeployedAndReleased(false, true));
            } else {
                result.add(selector);
            }
        }
        return List.copyOf(result);
    }

    private static String textOf(ObjectNode n, String key) {
        JsonNode v = n.get(key);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /**
     * A date as the Pact Broker accepts it: an ISO 8601 date-time (with an offset, or UTC when it has none) or a date
     * (midnight UTC). Null when the text is not one.
     */
    static OffsetDateTime parseDate(String text) {
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t);
        } catch (DateTimeParseException e) {
            // try the other forms
        }
        try {
            return LocalDateTime.parse(t).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the other forms
        }
        try {
            return LocalDate.parse(t).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Object get(Map<?, ?> map, String snakeCase) {
        if (map.containsKey(snakeCase)) {
            return map.get(snakeCase);
        }
        return map.get(camelCase(snakeCase));
    }

    private static boolean containsKey(Map<?, ?> map, String snakeCase) {
        return map.containsKey(snakeCase) || map.containsKey(camelCase(snakeCase));
    }

    private static String camelCase(String snakeCase) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : snakeCase.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }
}
