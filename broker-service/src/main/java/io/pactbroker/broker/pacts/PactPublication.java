package io.pactbroker.broker.pacts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One publication of a pact by a consumer version for a provider; republishing changed content adds a revision. */
@Entity
@Table(name = "pact_publications")
public class PactPublication extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "consumer_version_id", nullable = false)
    public Long consumerVersionId;

    @Column(name = "provider_id", nullable = false)
    public Long providerId;

    @Column(name = "consumer_id", nullable = false)
    public Long consumerId;

    @Column(name = "consumer_version_order", nullable = false)
    public Long consumerVersionOrder;

    @Column(name = "revision_number", nullable = false)
    public int revisionNumber;

    @Column(name = "pact_version_id", nullable = false)
    public Long pactVersionId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
