package io.pactbroker.verifier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactbroker.core.internal.Json;
import io.pactbroker.core.matching.Mismatch;
import io.pactbroker.core.model.ProviderState;
import java.util.Locale;

/**
 * The verification report in the formats CI systems read: JUnit XML (one test suite per pact, one test case per
 * interaction; pending failures are skipped tests), JSON and Markdown (for a pull request comment or a job summary).
 * The console report is printed while the verification runs.
 *
 * <pre>{@code
 * Files.writeString(Path.of("target/pact/verification.xml"), Reports.junitXml(result));
 * Files.writeString(Path.of(System.getenv("GITHUB_STEP_SUMMARY")), Reports.markdown(result));
 * }</pre>
 */
public final class Reports {

    private Reports() {}

    /** JUnit XML: a {@code testsuites} document. */
    public static String junitXml(VerificationResult result) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuites name=\"").append(attr("Pact verification of " + result.provider()));
        xml.append("\" tests=\"").append(result.interactions().size());
        xml.append("\" failures=\"").append(result.failedCount());
        xml.append("\" skipped=\"").append(result.pendingFailedCount());
        xml.append("\" time=\"").append(seconds(result.interactions())).append("\">\n");
        for (PactResult pact : result.pacts()) {
            long failures = pact.interactions().stream()
                    .filter(InteractionResult::failsTheRun)
                    .count();
            long skipped = pact.interactions().stream()
                    .filter(r -> !r.passed() && r.pending())
                    .count();
            xml.append("  <testsuite name=\"")
                    .append(attr(pact.consumer() + " › " + pact.provider()))
                    .append("\" tests=\"")
                    .append(pact.interactions().size())
                    .append("\" failures=\"")
                    .append(failures)
                    .append("\" errors=\"0\" skipped=\"")
                    .append(skipped)
                    .append("\" time=\"")
                    .append(seconds(pact.interactions()))
                    .append("\">\n");
            xml.append("    <properties>\n");
            property(xml, "source", pact.source());
            pact.shortDescription().ifPresent(d -> property(xml, "selected", d));
            property(xml, "pending", Boolean.toString(pact.pending()));
            property(xml, "wip", Boolean.toString(pact.wip()));
            xml.append("    </properties>\n");
            for (InteractionResult r : pact.interactions()) {
                xml.append("    <testcase classname=\"")
                        .append(attr(pact.consumer() + "." + pact.provider()))
                        .append("\" name=\"")
                        .append(attr(r.displayName()))
                        .append("\" time=\"")
                        .append(String.format(Locale.ROOT, "%.3f", r.duration().toNanos() / 1e9))
                        .append('"');
                if (r.passed()) {
                    xml.append("/>\n");
                    continue;
                }
                xml.append(">\n");
                String text = r.failureText();
                String firstLine = text.lines().findFirst().orElse("failed");
                if (r.pending()) {
                    xml.append("      <skipped message=\"")
                            .append(attr("pending: " + firstLine))
                            .append("\">")
                            .append(text(text))
                            .append("</skipped>\n");
                } else {
                    xml.append("      <failure message=\"")
                            .append(attr(firstLine))
                            .append("\" type=\"")
                            .append(r.error().isPresent() ? "error" : "mismatch")
                            .append("\">")
                            .append(text(text))
                            .append("</failure>\n");
                }
                xml.append("    </testcase>\n");
            }
            xml.append("  </testsuite>\n");
        }
        return xml.append("</testsuites>\n").toString();
    }

    private static void property(StringBuilder xml, String name, String value) {
        xml.append("      <property name=\"")
                .append(attr(name))
                .append("\" value=\"")
                .append(attr(value))
                .append("\"/>\n");
    }

    private static String seconds(java.util.List<InteractionResult> results) {
        long nanos = results.stream().mapToLong(r -> r.duration().toNanos()).sum();
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    private static String text(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append('?');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String attr(String value) {
        return text(value).replace("\"", "&quot;").replace("\n", "&#10;");
    }

    /** JSON: the provider, the outcome, and every pact with its interactions and mismatches. */
    public static String json(VerificationResult result) {
        ObjectNode root = Json.NODES.objectNode();
        root.put("provider", result.provider());
        root.put("success", result.succeeded());
        root.put("summary", result.summary());
        ArrayNode pacts = root.putArray("pacts");
        for (PactResult pact : result.pacts()) {
            ObjectNode p = pacts.addObject();
            p.put("consumer", pact.consumer());
            p.put("provider", pact.provider());
            p.put("source", pact.source());
            pact.shortDescription().ifPresent(d -> p.put("shortDescription", d));
            p.put("pending", pact.pending());
            p.put("wip", pact.wip());
            p.put("success", pact.passed());
            ArrayNode notices = p.putArray("notices");
            pact.notices()
                    .forEach(n -> notices.addObject().put("when", n.when()).put("text", n.text()));
            ArrayNode interactions = p.putArray("interactions");
            for (InteractionResult r : pact.interactions()) {
                ObjectNode i = interactions.addObject();
                i.put("description", r.interaction().description());
                ArrayNode states = i.putArray("providerStates");
                r.interaction().providerStates().stream()
                        .map(ProviderState::name)
                        .forEach(states::add);
                r.interaction().id().ifPresent(id -> i.put("interactionId", id));
                i.put("success", r.passed());
                i.put("pending", r.pending());
                i.put("durationMillis", r.duration().toMillis());
                r.error().ifPresent(e -> i.put("error", e));
                ArrayNode mismatches = i.putArray("mismatches");
                for (Mismatch m : r.mismatches()) {
                    ObjectNode node = mismatches.addObject();
                    node.put("kind", m.kind().name().toLowerCase(Locale.ROOT));
                    node.put("location", m.location());
                    node.put("expected", m.expected());
                    node.put("actual", m.actual());
                    node.put("description", m.render());
                }
                if (!r.diff().isEmpty()) {
                    ArrayNode diff = i.putArray("diff");
                    r.diff().forEach(diff::add);
                }
                if (!r.warnings().isEmpty()) {
                    ArrayNode warnings = i.putArray("warnings");
                    r.warnings().forEach(warnings::add);
                }
            }
        }
        ArrayNode publications = root.putArray("publications");
        for (VerificationResult.Publication pub : result.publications()) {
            publications
                    .addObject()
                    .put("consumer", pub.consumer())
                    .put("url", pub.url())
                    .put("ok", pub.ok())
                    .put("message", pub.message());
        }
        return Json.pretty(root);
    }

    /** Markdown: a summary line, a table of pacts, and each failure with its mismatches and diff. */
    public static String markdown(VerificationResult result) {
        StringBuilder md = new StringBuilder();
        md.append("## Pact verification of ")
                .append(result.provider())
                .append(": ")
                .append(result.succeeded() ? "passed" : "FAILED")
                .append("\n\n");
        md.append(result.summary()).append("\n\n");
        md.append("| consumer | source | interactions | passed | failed | pending failures |\n");
        md.append("|---|---|---:|---:|---:|---:|\n");
        for (PactResult pact : result.pacts()) {
            long passed = pact.interactions().stream()
                    .filter(InteractionResult::passed)
                    .count();
            long failed = pact.interactions().stream()
                    .filter(InteractionResult::failsTheRun)
                    .count();
            long pending = pact.interactions().stream()
                    .filter(r -> !r.passed() && r.pending())
                    .count();
            md.append("| ")
                    .append(cell(pact.consumer()))
                    .append(pact.wip() ? " (WIP)" : pact.pending() ? " (pending)" : "")
                    .append(" | ")
                    .append(cell(pact.shortDescription().orElse(pact.source())))
                    .append(" | ")
                    .append(pact.interactions().size())
                    .append(" | ")
                    .append(passed)
                    .append(" | ")
                    .append(failed)
                    .append(" | ")
                    .append(pending)
                    .append(" |\n");
        }
        for (InteractionResult r : result.interactions()) {
            if (r.passed()) {
                continue;
            }
            md.append("\n### ")
                    .append(r.pending() ? "Pending: " : "Failed: ")
                    .append(cell(r.displayName()))
                    .append("\n\n```\n")
                    .append(r.failureText())
                    .append("\n```\n");
        }
        return md.toString();
    }

    private static String cell(String value) {
        return value.replace("|", "\\|").replace("\n", " ");
    }
}
