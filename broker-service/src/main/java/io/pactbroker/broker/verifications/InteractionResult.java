package io.pactbroker.broker.verifications;

/**
 * The result of one interaction of a verification, as read from the {@code testResults} the verifier sent.
 *
 * @param position the place of the result in what the verifier sent (0 first)
 * @param interactionId the interaction's {@code _id} in the stored pact, when the verifier echoed it or it could be
 *     found by description and provider state
 * @param success the verdict, or null when the verifier did not give one
 * @param details the result as sent (JSON text): mismatches, exceptions and whatever else the verifier wrote
 */
public record InteractionResult(
        int position,
        String interactionId,
        String description,
        String providerState,
        Boolean success,
        String details) {}
