package io.pactbroker.broker.integrations;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A consumer and provider with at least one pact between them. */
@Entity
@Table(name = "integrations")
public class Integration extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "consumer_id", nullable = false)
    public Long consumerId;

    @Column(name = "provider_id", nullable = false)
    public Long providerId;

    @Column(name = "contract_data_updated_at")
    public OffsetDateTime contractDataUpdatedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
