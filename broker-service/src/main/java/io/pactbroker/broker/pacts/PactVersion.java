package io.pactbroker.broker.pacts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The content of a pact, identified per consumer and provider by its sha (see pact-core's ContentHash). */
@Entity
@Table(name = "pact_versions")
public class PactVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "consumer_id", nullable = false)
    public Long consumerId;

    @Column(name = "provider_id", nullable = false)
    public Long providerId;

    @Column(nullable = false)
    public String sha;

    @Column(nullable = false)
    public String content;

    @Column(name = "interactions_count", nullable = false)
    public int interactionsCount;

    @Column(name = "messages_count", nullable = false)
    public int messagesCount;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
