package io.pactbroker.core.internal;

import io.pactbroker.core.model.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Works out what content is from the content itself: JSON, XML, HTML or text, and binary formats by magic number. */
public final class ContentSniffer {

    private static final Pattern XML_DECLARATION = Pattern.compile("^\\s*<\\?xml\\s*version.*", Pattern.DOTALL);
    private static final Pattern HTML = Pattern.compile("^\\s*(<!DOCTYPE)|(<HTML>).*", Pattern.DOTALL);
    private static final Pattern XML_ELEMENT =
            Pattern.compile("^\\s*<\\w+\\s*(:\\w+=[\"\u201d][^\"\u201d]+[\"\u201d])?.*", Pattern.DOTALL);
    private static final Pattern JSON =
            Pattern.compile("^\\s*(true|false|null|[0-9]+|\"\\w*|\\{\\s*(}|\"\\w+)|\\[\\s*)", Pattern.DOTALL);

    private ContentSniffer() {}

    /** The content type text looks like: XML, HTML, JSON, or plain text. */
    public static ContentType detect(String text) {
        if (lookingAt(XML_DECLARATION, text)) {
            return ContentType.XML;
        }
        if (lookingAt(HTML, text.toUpperCase(Locale.ROOT))) {
            return ContentType.HTML;
        }
        if (lookingAt(XML_ELEMENT, text)) {
            return ContentType.XML;
        }
        if (lookingAt(JSON, text)) {
            return ContentType.JSON;
        }
        return ContentType.TEXT;
    }

    /** The content type bytes look like: a known binary format by magic number, else as {@link #detect(String)}. */
    public static ContentType detect(byte[] data) {
        Optional<ContentType> magic = magic(data);
        if (magic.isPresent()) {
            return magic.get();
        }
        if (!isProbablyText(data)) {
            return ContentType.OCTET_STREAM;
        }
        int length = Math.min(data.length, 64);
        return detect(new String(data, 0, length, StandardCharsets.UTF_8));
    }

    private static boolean lookingAt(Pattern pattern, String text) {
        return pattern.matcher(text).lookingAt();
    }

    /** Binary formats recognised by their first bytes. */
    public static Optional<ContentType> magic(byte[] d) {
        if (starts(d, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return Optional.of(ContentType.of("application/pdf"));
        }
        if (starts(d, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(ContentType.of("image/png"));
        }
        if (starts(d, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(ContentType.of("image/jpeg"));
        }
        if (starts(d, 0x47, 0x49, 0x46, 0x38)) {
            return Optional.of(ContentType.of("image/gif"));
        }
        if (starts(d, 0x42, 0x4D) && d.length > 14) {
            return Optional.of(ContentType.of("image/bmp"));
        }
        if (d.length >= 12 && starts(d, 0x52, 0x49, 0x46, 0x46) && d[8] == 'W' && d[9] == 'E' && d[10] == 'B') {
            return Optional.of(ContentType.of("image/webp"));
        }
        if (starts(d, 0x49, 0x49, 0x2A, 0x00) || starts(d, 0x4D, 0x4D, 0x00, 0x2A)) {
            return Optional.of(ContentType.of("image/tiff"));
        }
        if (starts(d, 0x50, 0x4B, 0x03, 0x04)) {
            return Optional.of(ContentType.of("application/zip"));
        }
        if (starts(d, 0x1F, 0x8B)) {
            return Optional.of(ContentType.of("application/gzip"));
        }
        if (starts(d, 0x7F, 0x45, 0x4C, 0x46)) {
            return Optional.of(ContentType.of("application/x-executable"));
        }
        if (starts(d, 0x49, 0x44, 0x33) || starts(d, 0xFF, 0xFB)) {
            return Optional.of(ContentType.of("audio/mpeg"));
        }
        if (d.length >= 12 && d[4] == 'f' && d[5] == 't' && d[6] == 'y' && d[7] == 'p') {
            return Optional.of(ContentType.of("video/mp4"));
        }
        if (starts(d, 0x00, 0x61, 0x73, 0x6D)) {
            return Optional.of(ContentType.of("application/wasm"));
        }
        if (starts(d, 0xCA, 0xFE, 0xBA, 0xBE)) {
            return Optional.of(ContentType.of("application/java-vm"));
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** No control characters other than white space, and valid UTF-8, in the first kilobyte. */
    public static boolean isProbablyText(byte[] data) {
        int length = Math.min(data.length, 1024);
        for (int i = 0; i < length; i++) {
            int b = data[i] & 0xFF;
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B) || b == 0x7F) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(data, 0, length));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            // The first kilobyte may end in the middle of a character; accept when only the tail is broken.
            return length < data.length && length > 4 && isProbablyText(java.util.Arrays.copyOf(data, length - 4));
        }
    }
}
