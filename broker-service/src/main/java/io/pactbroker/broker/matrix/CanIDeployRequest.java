package io.pactbroker.broker.matrix;

import io.pactbroker.broker.common.problem.Errors;
import io.pactbroker.broker.environments.EnvironmentService;
import io.pactbroker.broker.pacticipants.PacticipantService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The query of {@code GET /can-i-deploy}: {@code pacticipant}, {@code version}, and either {@code environment} or
 * {@code to} (a tag); {@code ignore[]=Name} or {@code ignore[][pacticipant]=Name&ignore[][version]=1} to leave
 * integrations out of the verdict.
 */
public record CanIDeployRequest(
        String pacticipant, String version, String environment, String to, List<Selector> ignore) {

    public static CanIDeployRequest parse(String rawQuery) {
        QueryString q = QueryString.parse(rawQuery);
        List<Selector> ignore = new ArrayList<>();
        List<String> names = q.list("ignore");
        if (names != null) {
            names.stream().filter(n -> !n.isEmpty()).forEach(n -> ignore.add(Selector.pacticipant(n)));
        }
        for (Map<String, String> o : q.objects("ignore")) {
            String name = o.get("pacticipant");
            if (name != null && !name.isEmpty()) {
                String version = o.get("version");
                ignore.add(
                        version == null || version.isEmpty()
                                ? Selector.pacticipant(name)
                                : Selector.version(name, version));
            }
        }
        return new CanIDeployRequest(
                q.value("pacticipant"), q.value("version"), q.value("environment"), q.value("to"), List.copyOf(ignore));
    }

    /** The Pact Broker's checks, in its words (400 with the problems per field; "" for the whole query). */
    void validate(PacticipantService pacticipants, EnvironmentService environments) {
        Errors errors = new Errors();
        required(errors, "pacticipant", pacticipant);
        required(errors, "version", version);
        if (to != null && to.isEmpty()) {
            errors.add("to", "can't be blank");
        }
        if (environment != null && environment.isEmpty()) {
            errors.add("environment", "can't be blank");
        }
        if (pacticipant != null
                && !pacticipant.isEmpty()
                && pacticipants.findByName(pacticipant).isEmpty()) {
            errors.add("pacticipant", "does not match an existing pacticipant");
        }
        if (environment != null
                && !environment.isEmpty()
                && environments.findByName(environment).isEmpty()) {
            errors.add("environment", "with name '" + environment + "' does not exist");
        }
        if (provided(to) && provided(environment)) {
            errors.add("", "Cannot specify both a 'to' tag and an environment.");
        }
        if (!provided(to) && !provided(environment)) {
            errors.add("", "Must specify either an environment or a 'to' tag.");
        }
        errors.throwIfAny();
    }

    private static void required(Errors errors, String field, String value) {
        if (value == null) {
            errors.add(field, "is missing");
        } else if (value.isBlank()) {
            errors.add(field, "can't be blank");
        }
    }

    private static boolean provided(String value) {
        return value != null && !value.isBlank();
    }
}
