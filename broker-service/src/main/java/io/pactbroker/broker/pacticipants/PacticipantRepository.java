package io.pactbroker.broker.pacticipants;

import io.pactbroker.broker.common.paging.Like;
import io.pactbroker.broker.common.paging.Page;
import io.pactbroker.broker.common.paging.PageRequest;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Pacticipants and their labels. */
@ApplicationScoped
public class PacticipantRepository {

    @Inject
    EntityManager em;

    public Optional<Pacticipant> findByName(String name) {
        return Pacticipant.find("name", name).firstResultOptional();
    }

    public Optional<Pacticipant> findById(Long id) {
        return Optional.ofNullable(Pacticipant.findById(id));
    }

    public List<Pacticipant> findByIds(List<Long> ids) {
        return ids.isEmpty() ? List.of() : Pacticipant.list("id in ?1", ids);
    }

    /** Pacticipants by name, optionally only those whose name contains {@code query} (ignoring case). */
    public Page<Pacticipant> list(String query, PageRequest page) {
        var find = query == null || query.isBlank()
                ? Pacticipant.<Pacticipant>findAll(Sort.by("name"))
                : Pacticipant.<Pacticipant>find("lower(name) like ?1 escape '\\' order by name", Like.contains(query));
        long total = find.count();
        List<Pacticipant> items =
                page.paged() ? find.page(page.number() - 1, page.size()).list() : find.list();
        return new Page<>(items, page, total);
    }

    /**
     * Inserts the pacticipant unless one of that name exists (also one being inserted by a concurrent transaction),
     * so concurrent publications for a new pacticipant never collide. True when this call created it.
     */
    public boolean insertIfAbsent(String name, String displayName) {
        em.flush();
        return em.createNativeQuery("INSERT INTO pacticipants (name, display_name) VALUES (?1, ?2)"
                                + " ON CONFLICT (name) DO NOTHING")
                        .setParameter(1, name)
                        .setParameter(2, displayName)
                        .executeUpdate()
                > 0;
    }

    public void persist(Pacticipant pacticipant) {
        pacticipant.persistAndFlush();
    }

    /** Deletes the pacticipant; the database cascades to its versions, pacts, verifications and the rest. */
    public void delete(Pacticipant pacticipant) {
        em.flush();
        em.createNativeQuery("DELETE FROM pacticipants WHERE id = ?1")
                .setParameter(1, pacticipant.id)
                .executeUpdate();
        em.clear();
    }

    public List<Label> labels(Long pacticipantId) {
        return Label.list("pacticipantId = ?1 order by name", pacticipantId);
    }

    public List<Label> labelsOf(List<Long> pacticipantIds) {
        return pacticipantIds.isEmpty() ? List.of() : Label.list("pacticipantId in ?1 order by name", pacticipantIds);
    }

    public Optional<Label> findLabel(Long pacticipantId, String name) {
        return Label.find("pacticipantId = ?1 and name = ?2", pacticipantId, name)
                .firstResultOptional();
    }

    public void persist(Label label) {
        label.persistAndFlush();
    }

    public void delete(Label label) {
        label.delete();
    }

    public List<Pacticipant> withLabel(String label) {
        return Pacticipant.list("id in (select l.pacticipantId from Label l where l.name = ?1) order by name", label);
    }

    public List<String> labelNames() {
        return em.createQuery("select distinct l.name from Label l order by l.name", String.class)
                .getResultList();
    }
}
