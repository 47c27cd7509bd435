package io.pactbroker.broker.webhooks;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * The hosts webhooks may call ({@code PACT_BROKER_WEBHOOK_HOST_WHITELIST}), matched as the Pact Broker matches them:
 * a host name ({@code github.com}), a domain starting with {@code *} that stands for exactly one label
 * ({@code *.foo.com} allows {@code a.foo.com}, not {@code a.b.foo.com}), an IP address or network
 * ({@code 10.0.0.0/8}, matched against IP addresses written in the URL, never against resolved names), or a regular
 * expression between slashes ({@code /.*\.foo\.com$/}, found anywhere in the host unless anchored).
 */
public final class HostWhitelist {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    /** One entry of the whitelist, as written. */
    public sealed interface Entry {
        /** The entry as the Pact Broker shows it in messages: a regex as {@code /x/}, anything else quoted. */
        String inspect();

        boolean matches(String host);
    }

    record Regex(Pattern pattern) implements Entry {
        public String inspect() {
            return "/" + pattern.pattern() + "/";
        }

        public boolean matches(String host) {
            return pattern.matcher(host).find();
        }
    }

    record Wildcard(String domain) implements Entry {
        public String inspect() {
            return '"' + domain + '"';
        }

        public boolean matches(String host) {
            String suffix = domain.substring(1).toLowerCase(Locale.ROOT);
            String h = host.toLowerCase(Locale.ROOT);
            if (!suffix.startsWith(".") || !h.endsWith(suffix)) {
                return false;
            }
            String label = h.substring(0, h.length() - suffix.length());
            return !label.isEmpty() && !label.contains(".") && !isIpAddress(host);
        }
    }

    record Network(String written, byte[] address, int prefix) implements Entry {
        public String inspect() {
            return '"' + written + '"';
        }

        public boolean matches(String host) {
            byte[] other = parseIp(host);
            if (other == null || other.length != address.length) {
                return false;
            }
            int bits = address.length * 8;
            BigInteger mask = prefix == 0
                    ? BigInteger.ZERO
                    : BigInteger.ONE
                            .shiftLeft(bits)
                            .subtract(BigInteger.ONE)
                            .shiftRight(bits - prefix)
                            .shiftLeft(bits - prefix);
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, other).and(mask));
        }
    }

    record Exact(String name) implements Entry {
        public String inspect() {
            return '"' + name + '"';
        }

        public boolean matches(String host) {
            return name.equalsIgnoreCase(host);
        }
    }

    private final List<Entry> entries;

    private HostWhitelist(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static HostWhitelist of(List<String> written) {
        List<Entry> entries = new ArrayList<>();
        for (String w : written) {
            entries.add(entry(w));
        }
        return new HostWhitelist(entries);
    }

    /** A space-delimited whitelist, as the Pact Broker reads it from its environment variable. */
    public static HostWhitelist parse(String spaceDelimited) {
        return of(WebhookSettings.words(spaceDelimited));
    }

    static Entry entry(String w) {
        if (w.length() > 1 && w.startsWith("/") && w.endsWith("/")) {
            try {
                return new Regex(Pattern.compile(w.substring(1, w.length() - 1)));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("Invalid regular expression in the webhook host whitelist: " + w, e);
            }
        }
        if (w.startsWith("*")) {
            return new Wildcard(w);
        }
        String address = w;
        int prefix = -1;
        int slash = w.indexOf('/');
        if (slash > 0) {
            address = w.substring(0, slash);
            try {
                prefix = Integer.parseInt(w.substring(slash + 1));
            } catch (NumberFormatException e) {
                return new Exact(w);
            }
        }
        byte[] ip = parseIp(address);
        if (ip == null) {
            return new Exact(w);
        }
        int bits = ip.length * 8;
        return new Network(w, ip, prefix < 0 || prefix > bits ? bits : prefix);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Whether the host (of a webhook URL, without brackets around an IPv6 address) is allowed. */
    public boolean allows(String host) {
        if (host == null) {
            return false;
        }
        String h = unbracket(host);
        return entries.stream().anyMatch(e -> e.matches(h));
    }

    /** {@code /foo/, "bar"}: the whitelist as the Pact Broker lists it in its validation message. */
    public String describe() {
        return entries.stream().map(Entry::inspect).collect(Collectors.joining(", "));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HostWhitelist w && w.describe().equals(describe());
    }

    @Override
    public int hashCode() {
        return describe().hashCode();
    }

    @Override
    public String toString() {
        return "[" + describe() + "]";
    }

    static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static boolean isIpAddress(String host) {
        return parseIp(unbracket(host)) != null;
    }

    /** The bytes of an IP address literal, or null for anything else (never a DNS lookup). */
    static byte[] parseIp(String text) {
        String t = unbracket(text);
        if (IPV4.matcher(t).matches()) {
            String[] parts = t.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(parts[i]);
                if (v > 255) {
                    return null;
                }
                bytes[i] = (byte) v;
            }
            return bytes;
        }
        if (IPV6.matcher(t).matches()) {
            try {
                // a literal with a colon is parsed, never looked up
                return InetAddress.getByName("[" + t + "]").getAddress();
            } catch (UnknownHostException | IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
