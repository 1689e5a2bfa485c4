package cn.duban.events.progress;

import java.time.OffsetDateTime;

/**
 * 佐证材料: a file a unit uploaded to its sector service and named in a report or claim, as that service read it.
 * {@code id} is what the report's {@code evidence} list names; the bytes are at {@code GET /api/{sector}/evidence/{id}}.
 *
 * @param takenAt           when a photo says it was taken (EXIF), if it says
 * @param place             where a photo says it was taken (EXIF GPS), if it says
 * @param takenBeforePeriod the photo was taken long before the period the report covers: the office should look twice
 */
public record EvidenceFile(String id, String name, String sha256, String contentType, long size,
        OffsetDateTime takenAt, Place place, boolean takenBeforePeriod) {

    /** A point in WGS 84 degrees, as a phone's GPS writes it. */
    public record Place(double latitude, double longitude) {
    }
}
