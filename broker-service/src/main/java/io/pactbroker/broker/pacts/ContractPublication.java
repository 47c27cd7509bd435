package io.pactbroker.broker.pacts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A pact publication and the Pact Broker's events it gives rise to ({@code contract_published},
 * {@code contract_content_changed} or {@code contract_content_unchanged}, each with the Pact Broker's comment). It is
 * fired as a CDI event inside the publishing transaction, so whatever an observer writes (the webhooks feature writes
 * its triggered webhooks) commits or rolls back with the publication. Observers may add the events they detect and
 * notices for the publisher.
 */
public final class ContractPublication {

    public static final String CONTRACT_PUBLISHED = "contract_published";
    public static final String CONTRACT_CONTENT_CHANGED = "contract_content_changed";
    public static final String CONTRACT_CONTENT_UNCHANGED = "contract_content_unchanged";

    /** An event, and the Pact Broker's explanation of why it was detected (or null). */
    public record Event(String name, String comment) {

        /** {@code contract_content_changed (first time untagged pact published)}. */
        public String describe() {
            return comment == null ? name : name + " (" + comment + ")";
        }
    }

    private final PactRow pact;
    private final List<Event> events;
    private final List<String> notices = new ArrayList<>();

    public ContractPublication(PactRow pact, List<Event> events) {
        this.pact = pact;
        this.events = new ArrayList<>(events);
    }

    /** The pact as published (the latest revision of the consumer version's pact for the provider). */
    public PactRow pact() {
        return pact;
    }

    public List<Event> events() {
        return Collections.unmodifiableList(events);
    }

    public boolean detected(String name) {
        return events.stream().anyMatch(e -> e.name().equals(name));
    }

    /** Adds an event right after another one (or at the end when that one was not detected). */
    public void addEventAfter(String after, Event event) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).name().equals(after)) {
                events.add(i + 1, event);
                return;
            }
        }
        events.add(event);
    }

    /** A notice for the publisher (a debug line of the publication's notices). */
    public void addNotice(String text) {
        notices.add(text);
    }

    public List<String> notices() {
        return Collections.unmodifiableList(notices);
    }

    /** {@code contract_published, contract_content_changed (...)}, as the "Events detected" notice lists them. */
    public String describeEvents() {
        return events.stream().map(Event::describe).collect(Collectors.joining(", "));
    }
}
