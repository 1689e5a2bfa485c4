package cn.duban.sectorkit.repository;

import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Evidence bytes in the sector's own database (table evidence_blob), written in the upload's transaction: a file is
 * stored if and only if its evidence row is. Simple to run and back up with the rest; fine for the photos and
 * documents of a county's reports (a few GB a year), less so for video, which is what S3 is for.
 */
public class PostgresEvidenceStore implements EvidenceStore {
    private final EntityManager em;

    public PostgresEvidenceStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean putIfAbsent(String key, String contentType, byte[] bytes) {
        // on conflict: a concurrent upload of the same file stored it a moment ago, which is just as good
        int inserted = em.createNativeQuery("""
                insert into evidence_blob (key, content_type, size, bytes, created_at) values (?1, ?2, ?3, ?4, ?5)
                on conflict (key) do nothing""")
                .setParameter(1, key).setParameter(2, contentType).setParameter(3, (long) bytes.length)
                .setParameter(4, bytes).setParameter(5, OffsetDateTime.now()).executeUpdate();
        return inserted == 1;
    }

    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(em.find(EvidenceBlob.class, key)).map(b -> b.bytes);
    }

    @Override
    public long count(String key) {
        return em.createQuery("select count(b) from EvidenceBlob b where b.key = ?1", Long.class).setParameter(1, key)
                .getSingleResult();
    }
}
