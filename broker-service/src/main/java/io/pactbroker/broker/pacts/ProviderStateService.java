package io.pactbroker.broker.pacts;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactbroker.broker.common.problem.NotFoundException;
import io.pactbroker.broker.environments.Environment;
import io.pactbroker.broker.environments.EnvironmentService;
import io.pactbroker.broker.pacticipants.Pacticipant;
import io.pactbroker.broker.pacticipants.PacticipantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The provider states a provider must support: those of the latest pact from each consumer's main branch (or from a
 * branch, or of the consumer versions in an environment), each with the consumers that use it.
 */
@ApplicationScoped
public class ProviderStateService {

    @Inject
    PactsForVerificationRepository repository;

    @Inject
    PactsForVerificationService pactsForVerification;

    @Inject
    EnvironmentService environments;

    @Inject
    PacticipantService pacticipants;

    /** A provider state (name and parameters) and the consumers whose pacts use it. */
    public record ProviderState(String name, JsonNode params, List<String> consumers) {}

    public List<ProviderState> list(String providerName, String branch, String environmentUuid) {
        Pacticipant provider = pacticipants
                .findByName(providerName)
                .orElseThrow(() -> new NotFoundException("provider", providerName));
        ConsumerVersionSelector selector;
        if (branch != null) {
            selector = ConsumerVersionSelector.latestForBranch(branch);
        } else if (environmentUuid != null) {
            String environment = environments
                    .find(environmentUuid)
                    .map(Environment::name)
                    .orElseThrow(
                            () -> new NotFoundException("No environment with uuid '" + environmentUuid + "' found"));
            selector = new ConsumerVersionSelector(
                    false, null, null, false, false, null, null, null, null, environment, false, false);
        } else {
            selector = ConsumerVersionSelector.forMainBranch();
        }
        List<PactsForVerificationRepository.Row> rows =
                new ArrayList<>(repository.withContent(pactsForVerification.rows(provider.id, selector)));
        rows.sort(Comparator.comparing(r -> r.pact().consumerName().toLowerCase()));
        Map<String, Entry> states = new LinkedHashMap<>();
        for (PactsForVerificationRepository.Row row : rows) {
            JsonNode content = PactService.parse(row.pact().content());
            for (String field : List.of("interactions", "messages")) {
                for (JsonNode interaction : content.path(field)) {
                    for (Map.Entry<String, JsonNode> state : states(interaction)) {
                        String key = state.getKey() + "\u0000" + Objects.toString(state.getValue());
                        states.computeIfAbsent(key, k -> new Entry(state.getKey(), state.getValue()))
                                .consumers
                                .add(row.pact().consumerName());
                    }
                }
            }
        }
        return states.values().stream()
                .map(e -> new ProviderState(e.name, e.params, List.copyOf(e.consumers)))
                .sorted(Comparator.comparing(ProviderState::name))
                .toList();
    }

    private static final class Entry {
        final String name;
        final JsonNode params;
        final LinkedHashSet<String> consumers = new LinkedHashSet<>();

        Entry(String name, JsonNode params) {
            this.name = name;
            this.params = params;
        }
    }

    /** The states of an interaction: V3+ {@code providerStates} (name and params) or V2 {@code providerState}. */
    private static List<Map.Entry<String, JsonNode>> states(JsonNode interaction) {
        List<Map.Entry<String, JsonNode>> result = new ArrayList<>();
        JsonNode list = interaction.get("providerStates");
        if (list != null && list.isArray()) {
            for (JsonNode s : list) {
                if (s.path("name").isTextual()) {
                    JsonNode params = s.get("params");
                    result.add(
                            Map.entry(s.get("name").asText(), params == null || params.isNull() ? missing() : params));
                }
            }
        } else if (interaction.path("providerState").isTextual()) {
            result.add(Map.entry(interaction.get("providerState").asText(), missing()));
        } else if (interaction.path("provider_state").isTextual()) {
            result.add(Map.entry(interaction.get("provider_state").asText(), missing()));
        }
        return result;
    }

    private static JsonNode missing() {
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
