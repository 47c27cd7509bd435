package io.pactbroker.core.matching;

import io.pactbroker.core.model.Interaction;
import io.pactbroker.core.model.MatchingRule;
import io.pactbroker.core.model.ProviderState;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One way an actual request, response or message differs from the expected one.
 *
 * <pre>{@code
 * mismatch.render();
 * // $.lines[0].sku: expected a string matching /[A-Z]\d/ but was "a1"
 * mismatch.render(interaction);
 * // $.lines[0].sku: expected a string matching /[A-Z]\d/ but was "a1" (interaction "get order", given "order 7 exists")
 * }</pre>
 *
 * @param kind what part of the message differs
 * @param path where: a JSON path for bodies ({@code $.lines[0].sku}), the header name, the query parameter or metadata
 *     key; {@code ""} for the method, path, status and body type
 * @param rule the rule that failed, if a rule (rather than equality) decided
 * @param expected the expected value as text (JSON values as JSON, {@code ""} when there is none)
 * @param actual the actual value as text ({@code ""} when it is missing)
 * @param description what went wrong, in the form {@code expected ... but was ...}
 */
public record Mismatch(
        Kind kind, String path, Optional<MatchingRule> rule, String expected, String actual, String description) {

    /** The part of a request, response or message a mismatch is in. */
    public enum Kind {
        METHOD,
        PATH,
        QUERY,
        HEADER,
        STATUS,
        BODY_TYPE,
        BODY,
        METADATA
    }

    public Mismatch {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(description, "description");
    }

    /** Where the mismatch is, for people: {@code $.a.b}, {@code header 'Accept'}, {@code status}. */
    public String location() {
        return switch (kind) {
            case METHOD -> "method";
            case PATH -> "path";
            case STATUS -> "status";
            case BODY_TYPE -> "body";
            case BODY -> path.isEmpty() ? "body" : path;
            case HEADER -> "header '" + path + "'";
            case QUERY -> path.isEmpty() ? "query" : "query parameter '" + path + "'";
            case METADATA -> "metadata '" + path + "'";
        };
    }

    /** One line: {@code location: description}. */
    public String render() {
        return location() + ": " + description;
    }

    /** One line with the interaction and its provider states: {@code ... (interaction "x", given "y")}. */
    public String render(Interaction interaction) {
        StringBuilder out = new StringBuilder(render())
                .append(" (interaction \"")
                .append(interaction.description())
                .append('"');
        if (!interaction.providerStates().isEmpty()) {
            out.append(", given ")
                    .append(interaction.providerStates().stream()
                            .map(ProviderState::name)
                            .map(name -> "\"" + name + "\"")
                            .collect(Collectors.joining(" and ")));
        }
        return out.append(')').toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
