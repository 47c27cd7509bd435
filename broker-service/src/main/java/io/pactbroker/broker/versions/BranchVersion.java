package io.pactbroker.broker.versions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A version on a branch. The branch name and version order are copied here so branch queries need no joins. */
@Entity
@Table(name = "branch_versions")
public class BranchVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "branch_id", nullable = false)
    public Long branchId;

    @Column(name = "version_id", nullable = false)
    public Long versionId;

    @Column(name = "version_order", nullable = false)
    public Long versionOrder;

    @Column(name = "pacticipant_id", nullable = false)
    public Long pacticipantId;

    @Column(name = "branch_name", nullable = false)
    public String branchName;

    @Column(name = "auto_created", nullable = false)
    public boolean autoCreated;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
