package cn.duban.sectorkit.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The first answer to a POST that carried an Idempotency-Key, replayed to its retries. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyKey {
    @Id
    public String key;
    public String requestHash;
    public int status;
    public String response;
    public OffsetDateTime createdAt;
}
