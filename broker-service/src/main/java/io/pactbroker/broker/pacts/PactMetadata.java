package io.pactbroker.broker.pacts;

import io.pactbroker.broker.common.web.NestedQuery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The selection metadata the Pact Broker puts in pact URLs ({@code .../pact-version/{sha}/metadata/{metadata}}): a
 * Rack nested query, base64url-encoded without padding, with the Pact Broker's short keys. A verifier fetches the pact
 * by that URL and publishes its result to the {@code pb:publish-verification-results} link, which carries the same
 * metadata, so the broker learns which selectors (and consumer versions) the verified pact was selected by, and
 * whether it was pending or work in progress.
 *
 * <table>
 *   <caption>keys</caption>
 *   <tr><td>{@code s}</td><td>the selectors: {@code b} branch, {@code t} tag, {@code l} latest, {@code e}
 *       environment, {@code cv} the consumer version's id</td></tr>
 *   <tr><td>{@code p}</td><td>pending</td></tr>
 *   <tr><td>{@code w}</td><td>work in progress</td></tr>
 *   <tr><td>{@code cv}, {@code cvn}, {@code cvt}</td><td>the consumer version's id, number and tags (links of the
 *       latest pact and of webhooks)</td></tr>
 * </table>
 */
public final class PactMetadata {

    private PactMetadata() {}

    /** A selector as the metadata carries it. */
    public record Selector(String branch, String tag, Boolean latest, String environment, Long consumerVersionId) {}

    /** Decoded metadata; absent keys are null (lists empty). */
    public record Decoded(
            List<Selector> selectors,
            Boolean pending,
            boolean wip,
            Long consumerVersionId,
            String consumerVersionNumber,
            List<String> consumerVersionTags) {

        public static final Decoded EMPTY = new Decoded(List.of(), null, false, null, null, List.of());
    }

    /** The metadata of a verifiable pact: {@code w=true} for a WIP pact, else its selectors and pending status. */
    public static String forVerifiablePact(VerifiablePact pact) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (pact.wip()) {
            metadata.put("w", true);
            return encode(metadata);
        }
        List<Map<String, Object>> selectors = new ArrayList<>();
        for (ResolvedSelector s : pact.selectors()) {
            // cv first: every selector has one, so a reader (Rack's, or ours) starts a new selector at each cv,
            // whatever keys the selectors have (the Pact Broker writes cv last, which merges a tag selector into a
            // preceding branch selector when read back)
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cv", s.consumerVersionId());
            putIfNotNull(m, "b", s.selector().branch());
            putIfNotNull(m, "t", s.selector().tag());
            putIfNotNull(m, "l", s.selector().latest());
            putIfNotNull(m, "e", s.selector().environment());
            selectors.add(m);
        }
        metadata.put("s", selectors);
        putIfNotNull(metadata, "p", pact.pending());
        return encode(metadata);
    }

    /** The metadata of the latest pact (with a tag): the consumer version shown, and the tag it was found by. */
    public static String forLatestPact(Long consumerVersionId, String tag) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (tag != null) {
            metadata.put("cvt", List.of(tag));
        }
        metadata.put("cv", consumerVersionId);
        return encode(metadata);
    }

    /** The metadata naming one consumer version by number (the verification resource's pact link). */
    public static String forConsumerVersionNumber(String number) {
        return encode(Map.of("cvn", number));
    }

    /** The metadata naming WIP, as the Pact Broker's notices link WIP pacts ({@code wip=true}). */
    public static String forWipNotice() {
        return encode(Map.of("wip", true));
    }

    public static String encode(Map<String, ?> metadata) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(NestedQuery.build(metadata).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes metadata leniently: anything that cannot be read counts as no metadata, as in the Pact Broker. */
    public static Decoded decode(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return Decoded.EMPTY;
        }
        String query;
        try {
            query = new String(Base64.getUrlDecoder().decode(stripPadding(encoded)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            try {
                query = new String(Base64.getMimeDecoder().decode(encoded), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e2) {
                return Decoded.EMPTY;
            }
        }
        Map<String, Object> map = NestedQuery.parse(query);
        List<Selector> selectors = new ArrayList<>();
        if (map.get("s") instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof Map<?, ?> s) {
                    selectors.add(new Selector(
                            text(s.get("b")),
                            text(s.get("t")),
                            bool(s.get("l")),
                            text(s.get("e")),
                            number(s.get("cv"))));
                }
            }
        }
        List<String> tags = new ArrayList<>();
        if (map.get("cvt") instanceof List<?> list) {
            list.stream().map(PactMetadata::text).filter(t -> t != null).forEach(tags::add);
        }
        boolean wip = "true".equals(text(map.get("w"))) || "true".equals(text(map.get("wip")));
        return new Decoded(
                List.copyOf(selectors),
                bool(map.get("p")),
                wip,
                number(map.get("cv")),
                text(map.get("cvn")),
                List.copyOf(tags));
    }

    private static String stripPadding(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        return s.substring(0, end);
    }

    private static void putIfNotNull(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }

    private static Boolean bool(Object value) {
        String s = text(value);
        if ("true".equals(s)) {
            return true;
        }
        if ("false".equals(s)) {
            return false;
        }
        return null;
    }

    private static Long number(Object value) {
        String s = text(value);
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
