package io.pactbroker.broker.versions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A version of a pacticipant. {@link #versionOrder} (column {@code order}) is its place in creation order across the broker. */
@Entity
@Table(name = "versions")
public class Version extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String number;

    @Column(name = "pacticipant_id", nullable = false)
    public Long pacticipantId;

    @Column(name = "`order`", nullable = false)
    public Long versionOrder;

    @Column(name = "build_url")
    public String buildUrl;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
