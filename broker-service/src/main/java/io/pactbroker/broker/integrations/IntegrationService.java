package io.pactbroker.broker.integrations;

import io.pactbroker.broker.common.paging.Page;
import io.pactbroker.broker.common.paging.PageRequest;
import io.pactbroker.broker.common.problem.NotFoundException;
import io.pactbroker.broker.pacticipants.Pacticipant;
import io.pactbroker.broker.pacticipants.PacticipantService;
import io.pactbroker.broker.pacts.PactService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Integrations: recorded when pacts are published, listed, and deleted with everything between the pair. */
@ApplicationScoped
public class IntegrationService {

    @Inject
    IntegrationRepository repository;

    @Inject
    PacticipantService pacticipants;

    @Inject
    PactService pacts;

    /** Called in the publishing transaction: creates the integration or marks its contract data as changed. */
    @Transactional
    public void contractPublished(Long consumerId, Long providerId) {
        repository.upsert(consumerId, providerId);
    }

    /** Called when the last pact between the pair is gone. */
    @Transactional
    public void contractsRemoved(Long consumerId, Long providerId) {
        repository.delete(consumerId, providerId);
    }

    public Page<IntegrationRepository.Row> list(String query, PageRequest page) {
        return repository.list(query, page);
    }

    /**
     * Deletes the integration as the Pact Broker does: its pacts, their contents and verifications, its webhooks, the
     * versions nothing refers to any more, and either pacticipant when nothing of it is left.
     */
    @Transactional
    public void delete(String providerName, String consumerName) {
        Pacticipant consumer = pacticipants
                .findByName(consumerName)
                .orElseThrow(() -> new NotFoundException("consumer", consumerName));
        Pacticipant provider = pacticipants
                .findByName(providerName)
                .orElseThrow(() -> new NotFoundException("provider", providerName));
        Long consumerId = consumer.id;
        Long providerId = provider.id;
        pacts.deleteAllBetween(consumerId, providerId);
        repository.deleteWebhooksBetween(consumerId, providerId);
        repository.delete(consumerId, providerId);
        repository.deleteOrphanVersions(consumerId);
        repository.deleteOrphanVersions(providerId);
        repository.deleteIfOrphan(consumerId);
        if (!consumerId.equals(providerId)) {
            repository.deleteIfOrphan(providerId);
        }
    }
}
