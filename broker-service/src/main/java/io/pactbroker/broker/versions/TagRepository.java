package io.pactbroker.broker.versions;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Tags of versions. */
@ApplicationScoped
public class TagRepository {

    public Optional<Tag> find(Long versionId, String name) {
        return Tag.find("versionId = ?1 and name = ?2", versionId, name).firstResultOptional();
    }

    public List<Tag> forVersion(Long versionId) {
        return Tag.list("versionId = ?1 order by createdAt, id", versionId);
    }

    public void persist(Tag tag) {
        tag.persistAndFlush();
    }

    public void delete(Tag tag) {
        tag.delete();
    }
}
