package io.pactbroker.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A pact written at a specification version: the canonical JSON text, its tree, and a warning for everything the
 * version could not represent.
 *
 * <pre>{@code
 * WriteResult v2 = PactWriter.write(pact, PactSpecification.V2);
 * v2.warnings().forEach(log::warn);
 * Files.writeString(file, v2.json());
 * }</pre>
 *
 * @param json the document as canonical JSON text (sorted keys, two-space indentation, trailing newline)
 * @param tree the document
 * @param warnings what was left out or changed, one sentence each, in document order
 */
public record WriteResult(String json, JsonNode tree, List<String> warnings) {

    public WriteResult {
        warnings = List.copyOf(warnings);
    }

    /** Whether everything could be represented. */
    public boolean isLossless() {
        return warnings.isEmpty();
    }
}
