package cn.duban.sectorkit.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Bytes kept in PostgreSQL by {@link PostgresEvidenceStore}, once per content address. */
@Entity
@Table(name = "evidence_blob")
public class EvidenceBlob {
    @Id
    public String key;
    public String contentType;
    public long size;
    public byte[] bytes;
    public OffsetDateTime createdAt;
}
