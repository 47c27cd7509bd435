package io.pactbroker.broker.index;

/**
 * One relation of the HAL index: its name ({@code pb:...}), its path relative to the base URL, its title and whether
 * it is a template, as the Pact Broker declares them.
 */
public record IndexRelation(String rel, String path, String title, boolean templated) {}
