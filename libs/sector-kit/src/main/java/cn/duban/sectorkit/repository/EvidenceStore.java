package cn.duban.sectorkit.repository;

import java.util.Optional;

/**
 * Where evidence bytes are kept, by content address: PostgreSQL (the default) or S3-compatible object storage
 * ({@code duban.evidence.store}, docs/phone.md). A key is written once; writing it again is a no-op, so the same
 * file uploaded twice is stored once.
 */
public interface EvidenceStore {

    /** Keeps {@code bytes} under {@code key} unless something is kept there already; true if this call stored them. */
    boolean putIfAbsent(String key, String contentType, byte[] bytes);

    Optional<byte[]> get(String key);

    /** How many objects are stored under {@code key}: 0 or 1, for tests and operators. */
    long count(String key);
}
