package io.pactbroker.broker.verifications;

/**
 * Which provider versions a pending or WIP question is about: those on a branch, those with a tag (older clients), or
 * any.
 */
public record ProviderScope(String branch, String tag) {

    public static ProviderScope any() {
        return new ProviderScope(null, null);
    }

    public static ProviderScope branch(String name) {
        return new ProviderScope(name, null);
    }

    public static ProviderScope tag(String name) {
        return new ProviderScope(null, name);
    }
}
