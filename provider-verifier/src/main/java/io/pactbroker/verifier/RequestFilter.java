package io.pactbroker.verifier;

/**
 * Changes each request before it is sent to the provider: adds credentials the pact cannot hold, rewrites paths, and
 * the like. Filters run in the order they were added, after generators and provider-state values were applied; they
 * do not apply to state-change or message requests.
 *
 * <pre>{@code
 * ProviderVerifier.forProvider("orders")
 *     .requestFilter(request -> request.withHeader("Authorization", "Bearer " + token))
 *     ...
 * }</pre>
 */
@FunctionalInterface
public interface RequestFilter {

    /** The request to send instead (return the argument unchanged to leave it alone). */
    ProviderRequest filter(ProviderRequest request) throws Exception;
}
