package io.pactbroker.broker.index;

/**
 * One relation of the HAL index: its name ({@code pb:...}), its path relative to the base URL, its title and whether
 * it is a template, as the Pact Broker declares them; {@code name} is the link's {@code name} where the Pact Broker
 * gives one (the {@code beta:} relations).
 */
public record IndexRelation(String rel, String path, String title, boolean templated, String name) {

    public IndexRelation(String rel, String path, String title, boolean templated) {
        this(rel, path, title, templated, null);
    }
}
