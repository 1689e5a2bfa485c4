package cn.duban.sectorkit.view;

import cn.duban.sectorkit.repository.Evidence;
import java.time.OffsetDateTime;

/**
 * A piece of evidence as the API shows it (DESIGN.md "Public surface": id, sha256, contentType, size, takenAt,
 * place), with where its bytes and thumbnail are.
 */
public record EvidenceView(String id, String sha256, String contentType, long size, OffsetDateTime takenAt,
        Place place, String name, String taskId, String unit, String uploadedBy, OffsetDateTime uploadedAt, String url,
        String thumbnailUrl) {

    /** Where a photo says it was taken: WGS 84 degrees. */
    public record Place(double latitude, double longitude) {
    }

    public static EvidenceView of(Evidence e, String sector) {
        String url = "/api/" + sector + "/evidence/" + e.id;
        return new EvidenceView(e.id, e.sha256, e.contentType, e.size, e.takenAt,
                e.latitude == null ? null : new Place(e.latitude, e.longitude), e.name, e.taskId, e.unit, e.uploadedBy,
                e.uploadedAt, url, e.thumbnail ? url + "/thumbnail" : null);
    }
}
