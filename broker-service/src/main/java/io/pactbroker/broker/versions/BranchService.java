package io.pactbroker.broker.versions;

import io.pactbroker.broker.common.paging.Page;
import io.pactbroker.broker.common.paging.PageRequest;
import io.pactbroker.broker.common.problem.NotFoundException;
import io.pactbroker.broker.pacticipants.Pacticipant;
import io.pactbroker.broker.pacticipants.PacticipantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Branches and the versions on them. Adding a version to a branch makes it the branch head (the "latest on a
 * branch"), in the same transaction; removing versions moves the head back to the newest one left.
 */
@ApplicationScoped
public class BranchService {

    @Inject
    BranchRepository repository;

    @Inject
    PacticipantService pacticipants;

    @Inject
    VersionService versions;

    /** A branch version, and whether this call created it. */
    public record Added(BranchVersion branchVersion, boolean created) {}

    public Optional<Branch> find(Long pacticipantId, String name) {
        return repository.find(pacticipantId, name);
    }

    public Branch get(String pacticipantName, String branchName) {
        Pacticipant p = pacticipants.getByName(pacticipantName);
        return repository
                .find(p.id, branchName)
                .orElseThrow(() -> new NotFoundException(
                        "No branch with name '" + branchName + "' found for pacticipant '" + pacticipantName + "'"));
    }

    public Page<Branch> list(String pacticipantName, String query, PageRequest page) {
        return repository.list(pacticipants.getByName(pacticipantName).id, query, page);
    }

    /** Adds the version to the branch (creating the branch), making it the branch head when newly added. */
    @Transactional
    public Added addVersion(Version version, String branchName, boolean autoCreated) {
        PacticipantService.requireName("branch", branchName);
        Optional<Branch> found = repository.find(version.pacticipantId, branchName);
        if (found.isEmpty()) {
            repository.insertIfAbsent(version.pacticipantId, branchName);
        }
        Branch branch = found.orElseGet(
                () -> repository.find(version.pacticipantId, branchName).orElseThrow());
        pacticipants.maybeSetMainBranch(version.pacticipantId, branchName);
        Optional<BranchVersion> existing = repository.findBranchVersion(branch.id, version.id);
        if (existing.isPresent()) {
            return new Added(existing.get(), false);
        }
        boolean created = repository.insertBranchVersionIfAbsent(branch, version, autoCreated);
        BranchVersion bv = repository.findBranchVersion(branch.id, version.id).orElseThrow();
        if (created) {
            repository.setHead(bv);
            branch.updatedAt = OffsetDateTime.now();
        }
        return new Added(bv, created);
    }

    /** PUT /pacticipants/{p}/branches/{b}/versions/{v}: creates pacticipant, version and branch as needed. */
    @Transactional
    public Added addVersion(String pacticipantName, String branchName, String versionNumber) {
        PacticipantService.requireName("branch", branchName);
        Version version = versions.findOrCreate(pacticipantName, versionNumber).version();
        return addVersion(version, branchName, false);
    }

    public BranchVersion getBranchVersion(String pacticipantName, String branchName, String versionNumber) {
        Branch branch = get(pacticipantName, branchName);
        Version version = versions.get(pacticipantName, versionNumber);
        return repository
                .findBranchVersion(branch.id, version.id)
                .orElseThrow(() -> new NotFoundException("Version '" + versionNumber + "' of pacticipant '"
                        + pacticipantName + "' is not on branch '" + branchName + "'"));
    }

    @Transactional
    public void removeVersion(String pacticipantName, String branchName, String versionNumber) {
        BranchVersion bv = getBranchVersion(pacticipantName, branchName, versionNumber);
        repository.delete(bv);
        repository.refreshHeads(List.of(bv.branchId));
    }

    /** The version most recently added to the branch. */
    public Version latestVersion(String pacticipantName, String branchName) {
        Branch branch = get(pacticipantName, branchName);
        return repository
                .headVersionId(branch.id)
                .flatMap(versions::findById)
                .orElseThrow(() -> new NotFoundException(
                        "No versions found on branch '" + branchName + "' of pacticipant '" + pacticipantName + "'"));
    }

    public Optional<Long> headVersionId(Long branchId) {
        return repository.headVersionId(branchId);
    }

    public Page<BranchVersion> branchVersions(Branch branch, PageRequest page) {
        return repository.branchVersions(branch.id, page);
    }

    /** Deletes the branch and its branch versions; the versions themselves stay. */
    @Transactional
    public void delete(String pacticipantName, String branchName) {
        repository.delete(get(pacticipantName, branchName));
    }

    /** The branches each version is on (by version id), with whether the version is each branch's head. */
    public Map<Long, List<BranchVersionView>> branchVersionsOf(List<Version> versions) {
        List<Long> ids = versions.stream().map(v -> v.id).toList();
        Set<Long> heads = repository.headBranchVersionIds(ids);
        Map<Long, List<BranchVersionView>> result = new HashMap<>();
        for (BranchVersion bv : repository.branchVersionsOf(ids)) {
            result.computeIfAbsent(bv.versionId, id -> new ArrayList<>())
                    .add(new BranchVersionView(bv, heads.contains(bv.id)));
        }
        return result;
    }

    public List<Long> branchIdsOf(Version version) {
        return repository.branchIdsOf(version.id);
    }

    public void refreshHeads(List<Long> branchIds) {
        repository.refreshHeads(branchIds);
    }

    /** A branch version and whether its version is the head of the branch. */
    public record BranchVersionView(BranchVersion branchVersion, boolean latest) {}
}
