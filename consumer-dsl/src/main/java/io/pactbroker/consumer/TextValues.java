package io.pactbroker.consumer;

import com.fasterxml.jackson.databind.JsonNode;

/** Text values of headers, query parameters, paths and form fields. */
final class TextValues {

    private TextValues() {}

    /** The example of a matcher used where only text goes: strings as they are, numbers and booleans as written. */
    static String text(Matcher matcher, String where) {
        JsonNode example = matcher.exampleNode();
        if (matcher.isNested() || !example.isValueNode() || example.isNull()) {
            throw new IllegalArgumentException(
                    where + ": only text goes here, not " + example + "; use a matcher of a single value");
        }
        return example.isTextual() ? example.textValue() : example.asText();
    }
}
