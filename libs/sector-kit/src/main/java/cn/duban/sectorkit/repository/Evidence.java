package cn.duban.sectorkit.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A file uploaded as evidence on one task; its bytes are in the {@link EvidenceStore} under {@link #sha256}. */
@Entity
@Table(name = "evidence")
public class Evidence {
    /** Every evidence id starts so; a report's evidence entry that does is taken to name one. */
    public static final String ID_PREFIX = "EV-";

    @Id
    public String id;
    public String taskId;
    public String sha256;
    public String name;
    public String contentType;
    public long size;
    public OffsetDateTime takenAt;
    public Double latitude;
    public Double longitude;
    /** Whether a thumbnail is stored under {@link #thumbnailKey()}. */
    public boolean thumbnail;
    public String unit;
    public String uploadedBy;
    public OffsetDateTime uploadedAt;

    public String thumbnailKey() {
        return thumbnailKey(sha256);
    }

    public static String thumbnailKey(String sha256) {
        return sha256 + ".thumbnail.jpg";
    }

    public static boolean looksLikeId(String text) {
        return text != null && text.startsWith(ID_PREFIX);
    }
}
