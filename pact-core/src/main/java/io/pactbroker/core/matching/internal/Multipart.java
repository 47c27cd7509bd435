package io.pactbroker.core.matching.internal;

import io.pactbroker.core.matching.Mismatch;
import io.pactbroker.core.model.Body;
import io.pactbroker.core.model.ContentType;
import io.pactbroker.core.model.Headers;
import io.pactbroker.core.model.MatchingRule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Multipart bodies ({@code multipart/form-data}, {@code multipart/mixed}): each expected part must be in the actual
 * body (by name, or by position when unnamed). Fields are compared as text under the rules at {@code $.name}; files
 * must have an equivalent content type (or pass a {@code contentType} rule at {@code $.name}), and then their
 * contents are compared as bodies of that type with the rules under {@code $.name}.
 */
public final class Multipart {

    private static final Pattern NAME = Pattern.compile("(?i)\\bname\\s*=\\s*(\"([^\"]*)\"|[^;\\s]+)");
    private static final Pattern FILENAME = Pattern.compile("(?i)\\bfilename\\s*=\\s*(\"([^\"]*)\"|[^;\\s]+)");

    private Multipart() {}

    record MimePart(int index, String name, Optional<String> filename, Headers headers, byte[] data) {
        Optional<ContentType> contentType() {
            return headers.contentType();
        }

        String label() {
            return name.isEmpty() ? Integer.toString(index) : name;
        }
    }

    static List<Mismatch> match(ContentType type, Body expected, Body actual, RuleContext rules) {
        Optional<List<MimePart>> expectedParts = parse(expected, type);
        Optional<List<MimePart>> actualParts =
                parse(actual, actual.contentType().orElse(type));
        if (expectedParts.isEmpty() || actualParts.isEmpty()) {
            List<Mismatch> out = new ArrayList<>();
            if (expectedParts.isEmpty()) {
                out.add(Bodies.body(null, "", "", "the expected body is not a valid multipart body"));
            }
            if (actualParts.isEmpty()) {
                out.add(Bodies.body(null, "", "", "the actual body is not a valid multipart body"));
            }
            return out;
        }
        List<Mismatch> out = new ArrayList<>();
        for (MimePart part : expectedParts.get()) {
            Optional<MimePart> match = actualParts.get().stream()
                    .filter(p -> part.name.isEmpty() ? p.index == part.index : p.name.equals(part.name))
                    .findFirst();
            Loc loc = Loc.named(part.label());
            if (match.isEmpty()) {
                out.add(new Mismatch(
                        Mismatch.Kind.BODY,
                        loc.rendered(),
                        Optional.empty(),
                        part.label(),
                        "",
                        "expected a part named " + Describe.quoted(part.label()) + " but it was missing"));
                continue;
            }
            out.addAll(part(loc, part, match.get(), rules));
        }
        return out;
    }

    private static List<Mismatch> part(Loc loc, MimePart expected, MimePart actual, RuleContext rules) {
        if (expected.filename.isEmpty()
                && actual.filename.isEmpty()
                && expected.contentType().isEmpty()) {
            String e = new String(expected.data, StandardCharsets.UTF_8);
            String a = new String(actual.data, StandardCharsets.UTF_8);
            if (rules.matcherIsDefined(loc)) {
                return JsonMatcher.applyRules(loc, rules.select(loc), Parts.text(e), Parts.text(a), true);
            }
            return e.equals(a)
                    ? List.of()
                    : List.of(new Mismatch(
                            Mismatch.Kind.BODY,
                            loc.rendered(),
                            Optional.empty(),
                            e,
                            a,
                            "expected " + Describe.quoted(e) + " but was " + Describe.quoted(a)));
        }
        Optional<MatchingRule> contentTypeRule = rules.direct(loc).flatMap(list -> list.rules().stream()
                .filter(MatchingRule.ContentType.class::isInstance)
                .findFirst());
        if (contentTypeRule.isPresent()) {
            String failure = ValueRules.contentType(
                    ((MatchingRule.ContentType) contentTypeRule.get()).contentType(), actual.data);
            return failure == null
                    ? List.of()
                    : List.of(new Mismatch(Mismatch.Kind.BODY, loc.rendered(), contentTypeRule, "", "", failure));
        }
        ContentType expectedType = expected.contentType().orElse(ContentType.OCTET_STREAM);
        ContentType actualType = actual.contentType().orElse(ContentType.OCTET_STREAM);
        if (!expectedType.isEquivalentTo(actualType) && !expectedType.isEquivalentTo(actualType.baseType())) {
            return List.of(new Mismatch(
                    Mismatch.Kind.BODY,
                    loc.rendered(),
                    Optional.empty(),
                    expectedType.toString(),
                    actualType.toString(),
                    "expected a part of type " + expectedType + " but was " + actualType));
        }
        Body e = Body.fromBytes(expected.data, expectedType.toString());
        Body a = Body.fromBytes(actual.data, actualType.toString());
        List<Mismatch> inner = Bodies.content(expectedType, e, a, rules.rerooted(loc));
        List<Mismatch> out = new ArrayList<>();
        for (Mismatch m : inner) {
            String path = m.path().startsWith("$") ? loc.rendered() + m.path().substring(1) : loc.rendered();
            out.add(new Mismatch(m.kind(), path, m.rule(), m.expected(), m.actual(), m.description()));
        }
        return out;
    }

    /** Splits a multipart body at its boundary (from the content type, else from the first line). */
    static Optional<List<MimePart>> parse(Body body, ContentType type) {
        byte[] data = body.bytes();
        String boundary = type.parameters().get("boundary");
        if (boundary == null) {
            String text = new String(data, StandardCharsets.ISO_8859_1);
            int start = text.indexOf("--");
            int end = text.indexOf("\r\n", start);
            if (start < 0 || end < 0) {
                end = text.indexOf('\n', start);
            }
            if (start < 0 || end < 0) {
                return Optional.empty();
            }
            boundary = text.substring(start + 2, end).trim();
        }
        String text = new String(data, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        List<MimePart> parts = new ArrayList<>();
        int position = text.indexOf(delimiter);
        if (position < 0) {
            return Optional.empty();
        }
        int index = 0;
        while (true) {
            int lineEnd = text.indexOf('\n', position);
            if (text.startsWith(delimiter + "--", position) || lineEnd < 0) {
                break;
            }
            int next = text.indexOf(delimiter, lineEnd);
            if (next < 0) {
                return Optional.empty();
            }
            String part = text.substring(lineEnd + 1, next);
            parts.add(part(index++, part));
            position = next;
        }
        return Optional.of(parts);
    }

    private static MimePart part(int index, String raw) {
        int split = raw.indexOf("\r\n\r\n");
        int skip = 4;
        if (split < 0) {
            split = raw.indexOf("\n\n");
            skip = 2;
        }
        String headerText = split < 0 ? "" : raw.substring(0, split);
        String content = split < 0 ? raw : raw.substring(split + skip);
        if (content.endsWith("\r\n")) {
            content = content.substring(0, content.length() - 2);
        } else if (content.endsWith("\n")) {
            content = content.substring(0, content.length() - 1);
        }
        Headers.Builder headers = Headers.builder();
        for (String line : headerText.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(
                        line.substring(0, colon).trim(),
                        line.substring(colon + 1).trim());
            }
        }
        Headers built = headers.build();
        String disposition = built.first("Content-Disposition").orElse("");
        String name = group(NAME.matcher(disposition)).orElse("");
        Optional<String> filename = group(FILENAME.matcher(disposition));
        byte[] data = content.getBytes(StandardCharsets.ISO_8859_1);
        if (built.first("Content-Transfer-Encoding")
                .map(v -> v.toLowerCase(Locale.ROOT).equals("base64"))
                .orElse(false)) {
            try {
                data = java.util.Base64.getMimeDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                // Not base64 after all: compare as it came.
            }
        }
        return new MimePart(index, name, filename, built, Arrays.copyOf(data, data.length));
    }

    private static Optional<String> group(Matcher matcher) {
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(2) != null ? matcher.group(2) : matcher.group(1));
    }
}
