package io.pactbroker.verifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.core.internal.Json;
import java.util.Objects;

/**
 * A consumer version selector: which consumer versions' pacts the broker returns for verification. The typed
 * factories cover every selector of the Pact Broker; {@link #raw(String)} passes any JSON through unchanged, for
 * selectors a newer broker knows and this library does not.
 *
 * <pre>{@code
 * List.of(
 *     ConsumerVersionSelector.mainBranch(),
 *     ConsumerVersionSelector.deployedOrReleased(),
 *     ConsumerVersionSelector.matchingBranch(),
 *     ConsumerVersionSelector.branch("feat-x").withFallbackBranch("main").forConsumer("web"),
 *     ConsumerVersionSelector.raw("{\"tag\": \"prod\", \"latest\": true}"));
 * }</pre>
 */
public final class ConsumerVersionSelector {

    private final ObjectNode json;

    private ConsumerVersionSelector(ObjectNode json) {
        this.json = json;
    }

    private static ConsumerVersionSelector of(String field, Object value) {
        ObjectNode node = Json.NODES.objectNode();
        put(node, field, value);
        return new ConsumerVersionSelector(node);
    }

    private static void put(ObjectNode node, String field, Object value) {
        if (value instanceof Boolean b) {
            node.put(field, b);
        } else {
            node.put(field, String.valueOf(value));
        }
    }

    /** The head of each consumer's main branch: {@code {"mainBranch": true}}. */
    public static ConsumerVersionSelector mainBranch() {
        return of("mainBranch", true);
    }

    /** The head of the named branch of each consumer: {@code {"branch": "feat-x"}}. */
    public static ConsumerVersionSelector branch(String name) {
        return of("branch", requireText(name, "branch"));
    }

    /** The head of the consumers' branch named like the provider's branch: {@code {"matchingBranch": true}}. */
    public static ConsumerVersionSelector matchingBranch() {
        return of("matchingBranch", true);
    }

    /** Every version deployed to any environment: {@code {"deployed": true}}. */
    public static ConsumerVersionSelector deployed() {
        return of("deployed", true);
    }

    /** Every released version still supported: {@code {"released": true}}. */
    public static ConsumerVersionSelector released() {
        return of("released", true);
    }

    /** Every deployed or released version: {@code {"deployedOrReleased": true}}. */
    public static ConsumerVersionSelector deployedOrReleased() {
        return of("deployedOrReleased", true);
    }

    /** The versions deployed or released to an environment: {@code {"environment": "production"}}. */
    public static ConsumerVersionSelector environment(String name) {
        return of("environment", requireText(name, "environment"));
    }

    /** Every version with the tag: {@code {"tag": "prod"}}. */
    public static ConsumerVersionSelector tag(String name) {
        return of("tag", requireText(name, "tag"));
    }

    /** The newest version with the tag: {@code {"tag": "prod", "latest": true}}. */
    public static ConsumerVersionSelector latestTag(String name) {
        return tag(name).with("latest", true);
    }

    /** Each consumer's newest pact: {@code {"latest": true}}. */
    public static ConsumerVersionSelector latest() {
        return of("latest", true);
    }

    /**
     * Any selector as JSON, passed to the broker unchanged: {@code {"branch": "main", "consumer": "web"}}.
     *
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    public static ConsumerVersionSelector raw(String json) {
        try {
            JsonNode node = Json.parse(json);
            if (!node.isObject()) {
                throw new IllegalArgumentException(
                        "a consumer version selector must be a JSON object, such as {\"mainBranch\": true}, but was "
                                + json);
            }
            return new ConsumerVersionSelector((ObjectNode) node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "the consumer version selector " + json + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** This selector for one consumer only: {@code "consumer": "web"}. */
    public ConsumerVersionSelector forConsumer(String consumer) {
        return with("consumer", requireText(consumer, "consumer"));
    }

    /** With a branch to fall back to when no consumer has a pact on this selector's branch. */
    public ConsumerVersionSelector withFallbackBranch(String branch) {
        return with("fallbackBranch", requireText(branch, "fallbackBranch"));
    }

    /** With a tag to fall back to when no consumer has a pact with this selector's tag. */
    public ConsumerVersionSelector withFallbackTag(String tag) {
        return with("fallbackTag", requireText(tag, "fallbackTag"));
    }

    /** With {@code "latest": true}. */
    public ConsumerVersionSelector latestOnly() {
        return with("latest", true);
    }

    private ConsumerVersionSelector with(String field, Object value) {
        ObjectNode copy = json.deepCopy();
        put(copy, field, value);
        return new ConsumerVersionSelector(copy);
    }

    /** The selector as the broker receives it (a copy). */
    public ObjectNode toJson() {
        return json.deepCopy();
    }

    private static String requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException("the " + what + " of a consumer version selector must not be blank");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsumerVersionSelector other && other.json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return Json.compact(json);
    }
}
