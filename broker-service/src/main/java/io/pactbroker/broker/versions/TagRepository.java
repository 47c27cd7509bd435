package io.pactbroker.broker.versions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Tags of versions. */
@ApplicationScoped
public class TagRepository {

    @Inject
    EntityManager em;

    /** Tags the version unless it has the tag already (also one added concurrently). True when this call added it. */
    public boolean insertIfAbsent(Version version, String name) {
        em.flush();
        return em.createNativeQuery("INSERT INTO tags (name, version_id, pacticipant_id, version_order)"
                                + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (version_id, name) DO NOTHING")
                        .setParameter(1, name)
                        .setParameter(2, version.id)
                        .setParameter(3, version.pacticipantId)
                        .setParameter(4, version.versionOrder)
                        .executeUpdate()
                > 0;
    }

    public Optional<Tag> find(Long versionId, String name) {
        return Tag.find("versionId = ?1 and name = ?2", versionId, name).firstResultOptional();
    }

    public List<Tag> forVersions(List<Long> versionIds) {
        return versionIds.isEmpty() ? List.of() : Tag.list("versionId in ?1 order by createdAt, id", versionIds);
    }

    public List<Tag> forVersion(Long versionId) {
        return Tag.list("versionId = ?1 order by createdAt, id", versionId);
    }

    public void delete(Tag tag) {
        tag.delete();
    }
}
