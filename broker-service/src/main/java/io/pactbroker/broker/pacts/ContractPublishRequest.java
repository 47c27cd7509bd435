package io.pactbroker.broker.pacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.broker.common.json.JsonBodies;
import io.pactbroker.broker.common.problem.Errors;
import io.pactbroker.broker.pacticipants.PacticipantService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The body of {@code POST /contracts/publish}, validated as the Pact Broker validates it, with its messages: every
 * problem is reported at once, per field, and contract problems name the contract's index.
 */
public record ContractPublishRequest(
        String pacticipantName,
        String pacticipantVersionNumber,
        String branch,
        List<String> tags,
        String buildUrl,
        List<Contract> contracts) {

    /** One contract to publish, with its content decoded and parsed. */
    public record Contract(
            String consumerName,
            String providerName,
            String specification,
            String contentType,
            String onConflict,
            ObjectNode content) {

        public boolean merge() {
            return "merge".equals(onConflict);
        }
    }

    /** Validates and decodes the body, throwing a {@code ValidationException} with every problem found. */
    public static ContractPublishRequest parse(ObjectNode body) {
        Errors errors = new Errors();
        String pacticipantName = requiredText(body, "pacticipantName", errors);
        String versionNumber = requiredText(body, "pacticipantVersionNumber", errors);
        String branch = optionalText(body, "branch", errors, true);
        String buildUrl = optionalText(body, "buildUrl", errors, false);
        List<String> tags = new ArrayList<>();
        JsonNode tagsNode = body.get("tags");
        if (tagsNode != null && !tagsNode.isNull()) {
            if (!tagsNode.isArray()) {
                errors.add("tags", "must be an array");
            } else {
                for (int i = 0; i < tagsNode.size(); i++) {
                    JsonNode tag = tagsNode.get(i);
                    if (!tag.isTextual() || tag.asText().isBlank()) {
                        errors.add("tags", "must be filled (at index " + i + ")");
                    } else if (PacticipantService.hasControlCharacter(tag.asText())) {
                        errors.add("tags", "cannot contain line breaks or control characters (at index " + i + ")");
                    } else if (!tags.contains(tag.asText())) {
                        tags.add(tag.asText());
                    }
                }
            }
        }
        List<Contract> contracts = new ArrayList<>();
        JsonNode contractsNode = body.get("contracts");
        if (contractsNode == null || contractsNode.isNull()) {
            errors.add("contracts", "is missing");
        } else if (!contractsNode.isArray()) {
            errors.add("contracts", "must be an array");
        } else {
            for (int i = 0; i < contractsNode.size(); i++) {
                contract(contractsNode.get(i), i, pacticipantName, errors).ifPresent(contracts::add);
            }
        }
        errors.throwIfAny();
        return new ContractPublishRequest(pacticipantName, versionNumber, branch, tags, buildUrl, contracts);
    }

    private static Optional<Contract> contract(JsonNode node, int index, String pacticipantName, Errors errors) {
        String at = " (at index " + index + ")";
        if (!node.isObject()) {
            errors.add("contracts", "must be a hash" + at);
            return Optional.empty();
        }
        boolean ok = true;
        List<String> missing = new ArrayList<>();
        String consumerName = contractText(node, "consumerName", missing);
        String providerName = contractText(node, "providerName", missing);
        String content = contractText(node, "content", missing);
        String contentType = contractText(node, "contentType", missing);
        String specification = contractText(node, "specification", missing);
        for (String field : missing) {
            errors.add("contracts", field + (node.has(field) ? " must be filled" : " is missing") + at);
            ok = false;
        }
        if (contentType != null && !contentType.equals("application/json")) {
            errors.add("contracts", "contentType must be one of: application/json" + at);
            ok = false;
        }
        if (specification != null && !specification.equals("pact")) {
            errors.add("contracts", "specification must be one of: pact" + at);
            ok = false;
        }
        JsonNode onConflictNode = node.get("onConflict");
        String onConflict = onConflictNode == null || onConflictNode.isNull() ? "overwrite" : onConflictNode.asText();
        if (!onConflict.equals("overwrite") && !onConflict.equals("merge")) {
            errors.add("contracts", "onConflict must be one of: overwrite, merge" + at);
            ok = false;
        }
        if (consumerName != null && pacticipantName != null && !consumerName.equals(pacticipantName)) {
            errors.add(
                    "contracts",
                    "consumerName ('" + consumerName + "') must match pacticipantName ('" + pacticipantName + "')"
                            + at);
            ok = false;
        }
        ObjectNode parsed = null;
        if (content != null) {
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(content.getBytes(StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                decoded = null;
            }
            if (decoded == null) {
                errors.add(
                        "contracts",
                        "content is not valid Base64: encode the pact file with standard Base64"
                                + " (RFC 4648, with padding)" + at);
                ok = false;
            } else {
                Optional<String> text = JsonBodies.utf8(decoded);
                if (text.isEmpty()) {
                    errors.add("contracts", JsonBodies.nonUtf8Message("contract content", decoded) + at);
                    ok = false;
                } else {
                    Optional<JsonNode> json = JsonBodies.parse(text.get());
                    if (json.isEmpty()) {
                        errors.add("contracts", "content could not be parsed as application/json" + at);
                        ok = false;
                    } else if (!json.get().isObject()) {
                        errors.add(
                                "contracts",
                                "parsed content was expected to be a Hash but was "
                                        + JsonBodies.describe(json.get()).replaceFirst("^an? ", "a ")
                                        + at);
                        ok = false;
                    } else {
                        parsed = (ObjectNode) json.get();
                        ok &= checkName(parsed, "consumer", consumerName, at, errors);
                        ok &= checkName(parsed, "provider", providerName, at, errors);
                    }
                }
            }
        }
        return ok && parsed != null
                ? Optional.of(new Contract(consumerName, providerName, specification, contentType, onConflict, parsed))
                : Optional.empty();
    }

    private static boolean checkName(ObjectNode pact, String role, String expected, String at, Errors errors) {
        JsonNode participant = pact.get(role);
        JsonNode name = participant != null && participant.isObject() ? participant.get("name") : null;
        if (name != null && !name.isNull() && expected != null && !name.asText().equals(expected)) {
            String param = role + "Name";
            errors.add(
                    "contracts",
                    role + " name in contract content ('" + name.asText() + "') must match " + param
                            + " in contract params ('" + expected + "')" + at);
            return false;
        }
        return true;
    }

    private static String contractText(JsonNode node, String field, List<String> missing) {
        JsonNode value = node.get(field);
        if (value == null
                || value.isNull()
                || !value.isTextual()
                || value.asText().isBlank()) {
            missing.add(field);
            return null;
        }
        return value.asText();
    }

    private static String requiredText(ObjectNode body, String field, Errors errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            errors.add(field, "is missing");
            return null;
        }
        if (!value.isTextual()) {
            errors.add(field, "must be a string");
            return null;
        }
        if (value.asText().isBlank()) {
            errors.add(field, "can't be blank");
            return null;
        }
        if (value.asText().contains("\n")) {
            errors.add(field, "cannot contain multiple lines");
            return null;
        }
        if (PacticipantService.hasControlCharacter(value.asText())) {
            errors.add(field, "cannot contain control characters");
            return null;
        }
        return value.asText();
    }

    private static String optionalText(ObjectNode body, String field, Errors errors, boolean notBlank) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(field, "must be a string");
            return null;
        }
        if (notBlank && value.asText().isBlank()) {
            errors.add(field, "can't be blank");
            return null;
        }
        if (value.asText().contains("\n")) {
            errors.add(field, "cannot contain multiple lines");
            return null;
        }
        if (PacticipantService.hasControlCharacter(value.asText())) {
            errors.add(field, "cannot contain control characters");
            return null;
        }
        return value.asText();
    }
}
