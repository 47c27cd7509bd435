package io.pactbroker.core.matching;

import io.pactbroker.core.model.HttpInteraction;

/**
 * The interaction that came closest to an actual request that matched none, and how it differs: what a mock server
 * names when it explains an unexpected request.
 *
 * <pre>{@code
 * Matching.closestInteraction(interactions, actual).ifPresent(closest ->
 *     System.out.println("closest: " + closest.interaction().description() + "\n" + closest.result().render()));
 * }</pre>
 *
 * @param interaction the closest interaction
 * @param result how the actual request differs from its request
 */
public record ClosestMatch(HttpInteraction interaction, MatchResult result) {}
