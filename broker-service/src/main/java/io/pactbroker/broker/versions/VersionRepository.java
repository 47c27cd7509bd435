package io.pactbroker.broker.versions;

import io.pactbroker.broker.common.paging.Page;
import io.pactbroker.broker.common.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Versions of pacticipants. */
@ApplicationScoped
public class VersionRepository {

    @Inject
    EntityManager em;

    public Optional<Version> find(Long pacticipantId, String number) {
        return Version.find("pacticipantId = ?1 and number = ?2", pacticipantId, number)
                .firstResultOptional();
    }

    public Optional<Version> findById(Long id) {
        return Optional.ofNullable(Version.findById(id));
    }

    public List<Version> findByIds(List<Long> ids) {
        return ids.isEmpty() ? List.of() : Version.list("id in ?1", ids);
    }

    public Optional<Version> latest(Long pacticipantId) {
        return Version.find("pacticipantId = ?1 order by versionOrder desc", pacticipantId)
                .firstResultOptional();
    }

    /** The newest version carrying the tag: one lookup in the (pacticipant, tag name, version order) index. */
    public Optional<Version> latestWithTag(Long pacticipantId, String tag) {
        return em.createQuery(
                        "select v from Version v, Tag t where t.versionId = v.id and t.pacticipantId = ?1"
                                + " and t.name = ?2 order by t.versionOrder desc",
                        Version.class)
                .setParameter(1, pacticipantId)
                .setParameter(2, tag)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** The latest version of each of the pacticipants, by pacticipant id. */
    public Map<Long, Version> latestOf(List<Long> pacticipantIds) {
        Map<Long, Version> result = new HashMap<>();
        if (pacticipantIds.isEmpty()) {
            return result;
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT DISTINCT ON (pacticipant_id) id FROM versions"
                        + " WHERE pacticipant_id = ANY(?1) ORDER BY pacticipant_id, \"order\" DESC")
                .setParameter(1, pacticipantIds.toArray(Long[]::new))
                .getResultList();
        for (Version v : findByIds(ids.stream().map(Number::longValue).toList())) {
            result.put(v.pacticipantId, v);
        }
        return result;
    }

    public Page<Version> list(Long pacticipantId, PageRequest page) {
        PanacheQuery<Version> query = Version.find("pacticipantId = ?1 order by versionOrder desc", pacticipantId);
        long total = query.count();
        List<Version> items =
                page.paged() ? query.page(page.number() - 1, page.size()).list() : query.list();
        return new Page<>(items, page, total);
    }

    /**
     * Inserts the version (taking the next value of the global order) unless the pacticipant has one of that number,
     * also one being inserted concurrently. True when this call created it.
     */
    public boolean insertIfAbsent(Long pacticipantId, String number) {
        em.flush();
        return em.createNativeQuery("INSERT INTO versions (number, pacticipant_id) VALUES (?1, ?2)"
                                + " ON CONFLICT (pacticipant_id, number) DO NOTHING")
                        .setParameter(1, number)
                        .setParameter(2, pacticipantId)
                        .executeUpdate()
                > 0;
    }

    public void persist(Version version) {
        version.persistAndFlush();
    }

    /** Deletes the version; the database cascades to its tags, branch versions, pacts and verifications. */
    public void delete(Version version) {
        em.flush();
        em.createNativeQuery("DELETE FROM versions WHERE id = ?1")
                .setParameter(1, version.id)
                .executeUpdate();
        em.clear();
    }
}
