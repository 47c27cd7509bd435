package io.pactbroker.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request and the response the provider must give to it ({@code Synchronous/HTTP} in V4).
 *
 * <pre>{@code
 * HttpInteraction getOrder = HttpInteraction.of("get order", HttpRequest.of("GET", "/orders/7"), HttpResponse.of(200))
 *     .withProviderStates(List.of(ProviderState.of("order 7 exists")));
 * }</pre>
 *
 * @param description what the interaction is about
 * @param providerStates the states the provider must be in
 * @param request the expected request
 * @param response the expected response
 * @param key the V4 key
 * @param pending whether the interaction is pending (V4)
 * @param comments V4 comments
 * @param id the Pact Broker's {@code _id}
 * @param extensions fields not modelled, kept as found
 */
public record HttpInteraction(
        String description,
        List<ProviderState> providerStates,
        HttpRequest request,
        HttpResponse response,
        Optional<String> key,
        boolean pending,
        Map<String, JsonNode> comments,
        Optional<String> id,
        Map<String, JsonNode> extensions)
        implements Interaction {

    public HttpInteraction {
        Objects.requireNonNull(description, "description");
        providerStates = List.copyOf(providerStates);
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(key, "key");
        comments = Collections.unmodifiableMap(new LinkedHashMap<>(comments));
        Objects.requireNonNull(id, "id");
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** An interaction without provider states, key, comments or extensions. */
    public static HttpInteraction of(String description, HttpRequest request, HttpResponse response) {
        return new HttpInteraction(
                description,
                List.of(),
                request,
                response,
                Optional.empty(),
                false,
                Map.of(),
                Optional.empty(),
                Map.of());
    }

    @Override
    public String type() {
        return "Synchronous/HTTP";
    }

    public HttpInteraction withProviderStates(List<ProviderState> states) {
        return new HttpInteraction(description, states, request, response, key, pending, comments, id, extensions);
    }

    public HttpInteraction withRequest(HttpRequest newRequest) {
        return new HttpInteraction(
                description, providerStates, newRequest, response, key, pending, comments, id, extensions);
    }

    public HttpInteraction withResponse(HttpResponse newResponse) {
        return new HttpInteraction(
                description, providerStates, request, newResponse, key, pending, comments, id, extensions);
    }

    public HttpInteraction withKey(String newKey) {
        return new HttpInteraction(
                description, providerStates, request, response, Optional.of(newKey), pending, comments, id, extensions);
    }

    public HttpInteraction withPending(boolean isPending) {
        return new HttpInteraction(
                description, providerStates, request, response, key, isPending, comments, id, extensions);
    }

    public HttpInteraction withComments(Map<String, JsonNode> newComments) {
        return new HttpInteraction(
                description, providerStates, request, response, key, pending, newComments, id, extensions);
    }
}
