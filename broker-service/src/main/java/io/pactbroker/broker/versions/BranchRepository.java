package io.pactbroker.broker.versions;

import io.pactbroker.broker.common.paging.Like;
import io.pactbroker.broker.common.paging.Page;
import io.pactbroker.broker.common.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Branches, the versions on them, and the branch heads read model. */
@ApplicationScoped
public class BranchRepository {

    @Inject
    EntityManager em;

    public Optional<Branch> find(Long pacticipantId, String name) {
        return Branch.find("pacticipantId = ?1 and name = ?2", pacticipantId, name)
                .firstResultOptional();
    }

    public Optional<Branch> findById(Long id) {
        return Optional.ofNullable(Branch.findById(id));
    }

    /** The branches of a pacticipant, newest first, optionally only those whose name contains {@code query}. */
    public Page<Branch> list(Long pacticipantId, String query, PageRequest page) {
        PanacheQuery<Branch> find = query == null || query.isBlank()
                ? Branch.find("pacticipantId = ?1 order by createdAt desc, id desc", pacticipantId)
                : Branch.find(
                        "pacticipantId = ?1 and lower(name) like ?2 escape '\\' order by createdAt desc, id desc",
                        pacticipantId,
                        Like.contains(query));
        long total = find.count();
        List<Branch> items =
                page.paged() ? find.page(page.number() - 1, page.size()).list() : find.list();
        return new Page<>(items, page, total);
    }

    /** Inserts the branch unless the pacticipant has one of that name (also one inserted concurrently). */
    public void insertIfAbsent(Long pacticipantId, String name) {
        em.flush();
        em.createNativeQuery("INSERT INTO branches (name, pacticipant_id) VALUES (?1, ?2)"
                        + " ON CONFLICT (pacticipant_id, name) DO NOTHING")
                .setParameter(1, name)
                .setParameter(2, pacticipantId)
                .executeUpdate();
    }

    /** Adds the version to the branch unless it is on it already. True when this call added it. */
    public boolean insertBranchVersionIfAbsent(Branch branch, Version version, boolean autoCreated) {
        em.flush();
        return em.createNativeQuery("INSERT INTO branch_versions (branch_id, version_id, version_order,"
                                + " pacticipant_id, branch_name, auto_created) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                                + " ON CONFLICT (branch_id, version_id) DO NOTHING")
                        .setParameter(1, branch.id)
                        .setParameter(2, version.id)
                        .setParameter(3, version.versionOrder)
                        .setParameter(4, version.pacticipantId)
                        .setParameter(5, branch.name)
                        .setParameter(6, autoCreated)
                        .executeUpdate()
                > 0;
    }

    public Optional<BranchVersion> findBranchVersion(Long branchId, Long versionId) {
        return BranchVersion.find("branchId = ?1 and versionId = ?2", branchId, versionId)
                .firstResultOptional();
    }

    public List<BranchVersion> branchVersionsOf(Long versionId) {
        return BranchVersion.list("versionId = ?1 order by createdAt, id", versionId);
    }

    public List<BranchVersion> branchVersionsOf(List<Long> versionIds) {
        return versionIds.isEmpty()
                ? List.of()
                : BranchVersion.list("versionId in ?1 order by createdAt, id", versionIds);
    }

    /** The ids of the branch versions, among those of the given versions, that are the heads of their branches. */
    public java.util.Set<Long> headBranchVersionIds(List<Long> versionIds) {
        if (versionIds.isEmpty()) {
            return java.util.Set.of();
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT branch_version_id FROM branch_heads WHERE version_id = ANY(?1)")
                .setParameter(1, versionIds.toArray(Long[]::new))
                .getResultList();
        return ids.stream().map(Number::longValue).collect(java.util.stream.Collectors.toSet());
    }

    public Page<BranchVersion> branchVersions(Long branchId, PageRequest page) {
        PanacheQuery<BranchVersion> find = BranchVersion.find("branchId = ?1 order by versionOrder desc", branchId);
        long total = find.count();
        List<BranchVersion> items =
                page.paged() ? find.page(page.number() - 1, page.size()).list() : find.list();
        return new Page<>(items, page, total);
    }

    /** The version at the head of the branch: the one most recently added to it. */
    public Optional<Long> headVersionId(Long branchId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT version_id FROM branch_heads WHERE branch_id = ?1")
                .setParameter(1, branchId)
                .getResultList();
        return ids.stream().findFirst().map(Number::longValue);
    }

    /** Makes the branch version the head of its branch (read model, same transaction). */
    public void setHead(BranchVersion bv) {
        em.flush();
        em.createNativeQuery("INSERT INTO branch_heads (branch_id, branch_version_id, version_id, pacticipant_id,"
                        + " branch_name) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (branch_id) DO UPDATE SET"
                        + " branch_version_id = EXCLUDED.branch_version_id, version_id = EXCLUDED.version_id")
                .setParameter(1, bv.branchId)
                .setParameter(2, bv.id)
                .setParameter(3, bv.versionId)
                .setParameter(4, bv.pacticipantId)
                .setParameter(5, bv.branchName)
                .executeUpdate();
    }

    /** Recomputes the heads of the branches after versions left them: the newest remaining version, if any. */
    public void refreshHeads(List<Long> branchIds) {
        if (branchIds.isEmpty()) {
            return;
        }
        em.flush();
        Long[] ids = branchIds.toArray(Long[]::new);
        em.createNativeQuery("INSERT INTO branch_heads (branch_id, branch_version_id, version_id, pacticipant_id,"
                        + " branch_name) SELECT DISTINCT ON (branch_id) branch_id, id, version_id, pacticipant_id,"
                        + " branch_name FROM branch_versions WHERE branch_id = ANY(?1)"
                        + " ORDER BY branch_id, version_order DESC ON CONFLICT (branch_id) DO UPDATE SET"
                        + " branch_version_id = EXCLUDED.branch_version_id, version_id = EXCLUDED.version_id")
                .setParameter(1, ids)
                .executeUpdate();
    }

    /** The ids of the branches the version is on. */
    public List<Long> branchIdsOf(Long versionId) {
        return branchVersionsOf(versionId).stream().map(bv -> bv.branchId).toList();
    }

    public void delete(Branch branch) {
        em.flush();
        em.createNativeQuery("DELETE FROM branches WHERE id = ?1")
                .setParameter(1, branch.id)
                .executeUpdate();
        em.clear();
    }

    public void delete(BranchVersion branchVersion) {
        em.flush();
        em.createNativeQuery("DELETE FROM branch_versions WHERE id = ?1")
                .setParameter(1, branchVersion.id)
                .executeUpdate();
        em.clear();
    }
}
