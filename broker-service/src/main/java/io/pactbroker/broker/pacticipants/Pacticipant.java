package io.pactbroker.broker.pacticipants;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An application that takes part in contracts, as consumer, provider or both. */
@Entity
@Table(name = "pacticipants")
public class Pacticipant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "repository_url")
    public String repositoryUrl;

    @Column(name = "repository_name")
    public String repositoryName;

    @Column(name = "repository_namespace")
    public String repositoryNamespace;

    @Column(name = "main_branch")
    public String mainBranch;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
