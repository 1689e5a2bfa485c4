package cn.duban.sectorkit.service;

import cn.duban.events.CountyTime;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * What a photo says about itself (EXIF, read by metadata-extractor): when it was taken, where, and which way up.
 * Cameras write the time without a zone unless they also write OffsetTimeOriginal; a time without one is read as
 * Asia/Shanghai, where the county's phones are. Whatever cannot be read is simply absent: a photo without EXIF is
 * still evidence.
 *
 * @param takenAt     null when the photo does not say
 * @param latitude    null when the photo has no GPS position
 * @param orientation EXIF orientation, 1 (upright) when absent
 */
public record PhotoFacts(OffsetDateTime takenAt, Double latitude, Double longitude, int orientation) {
    static final PhotoFacts NONE = new PhotoFacts(null, null, null, 1);
    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    public static PhotoFacts of(byte[] image) {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(image), image.length);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return NONE;
        }
        ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        ExifIFD0Directory main = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        OffsetDateTime takenAt = time(exif, ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL, ExifSubIFDDirectory.TAG_TIME_ZONE_ORIGINAL);
        if (takenAt == null) {
            takenAt = time(main, ExifIFD0Directory.TAG_DATETIME, ExifSubIFDDirectory.TAG_TIME_ZONE);
        }
        Double latitude = null;
        Double longitude = null;
        GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
        GeoLocation location = gps == null ? null : gps.getGeoLocation();
        if (location != null && !location.isZero() && Math.abs(location.getLatitude()) <= 90
                && Math.abs(location.getLongitude()) <= 180) {
            latitude = location.getLatitude();
            longitude = location.getLongitude();
        }
        Integer orientation = main == null ? null : main.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
        return new PhotoFacts(takenAt, latitude, longitude, orientation == null ? 1 : orientation);
    }

    private static OffsetDateTime time(Directory directory, int timeTag, int offsetTag) {
        if (directory == null || directory.getString(timeTag) == null) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(directory.getString(timeTag).trim(), EXIF_TIME);
            String offset = directory.getString(offsetTag);
            return offset != null && offset.matches("[+-]\\d\\d:\\d\\d")
                    ? local.atOffset(ZoneOffset.of(offset)) : local.atZone(CountyTime.ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            return null; // "0000:00:00 00:00:00" and other cameras' ways of saying nothing
        }
    }
}
