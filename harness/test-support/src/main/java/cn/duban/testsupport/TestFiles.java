package cn.duban.testsupport;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;

/**
 * Files a test uploads as evidence: photos as a phone takes them (a JPEG with EXIF time, offset and GPS position,
 * written here byte by byte, since the JDK writes no EXIF), and the kinds that must be refused.
 */
public final class TestFiles {
    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    private TestFiles() {
    }

    /** A JPEG photo taken at {@code takenAt} at the given place (WGS 84 degrees, north and east); unique pixels. */
    public static byte[] photo(OffsetDateTime takenAt, double latitude, double longitude) {
        byte[] jpeg = image("jpg");
        byte[] exif = exif(takenAt, latitude, longitude);
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + exif.length);
        out.put(jpeg, 0, 2); // SOI
        out.put((byte) 0xff).put((byte) 0xe1).putShort((short) (exif.length + 2)).put(exif);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** A PNG picture without EXIF; unique pixels. */
    public static byte[] png() {
        return image("png");
    }

    public static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> "
                + "endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A Windows program (MZ header, PE signature), whatever name it is sent under. */
    public static byte[] executable() {
        byte[] exe = new byte[1024];
        exe[0] = 'M';
        exe[1] = 'Z';
        ByteBuffer.wrap(exe).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0x3c, 0x80);
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    /** A JPEG-looking file of exactly {@code size} bytes. */
    public static byte[] ofSize(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] = (byte) 0xff;
        bytes[1] = (byte) 0xd8;
        bytes[2] = (byte) 0xff;
        return bytes;
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        g.setColor(new Color(70, 140, 60)); // a field
        g.fillRect(0, 0, 640, 480);
        g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
        g.fillRect(r.nextInt(500), r.nextInt(300), 120, 160);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An APP1 payload: "Exif\0\0", then a big-endian TIFF with IFD0 → Exif IFD (time, offset) and GPS IFD. */
    private static byte[] exif(OffsetDateTime takenAt, double latitude, double longitude) {
        ByteBuffer tiff = ByteBuffer.allocate(198);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        // IFD0 at 8: pointers to the Exif IFD (38) and the GPS IFD (96)
        tiff.putShort((short) 2);
        entry(tiff, 0x8769, 4, 1, 38);
        entry(tiff, 0x8825, 4, 1, 96);
        tiff.putInt(0);
        // Exif IFD at 38: DateTimeOriginal (20 bytes at 68), OffsetTimeOriginal (7 bytes at 88)
        tiff.putShort((short) 2);
        entry(tiff, 0x9003, 2, 20, 68);
        entry(tiff, 0x9011, 2, 7, 88);
        tiff.putInt(0);
        tiff.put((takenAt.format(EXIF_TIME) + "\0").getBytes(StandardCharsets.US_ASCII));
        tiff.put((takenAt.getOffset().getId().replace("Z", "+00:00") + "\0").getBytes(StandardCharsets.US_ASCII));
        tiff.put((byte) 0);
        // GPS IFD at 96: N / latitude (at 150), E / longitude (at 174)
        tiff.putShort((short) 4);
        entry(tiff, 0x0001, 2, 2, 'N' << 24);
        entry(tiff, 0x0002, 5, 3, 150);
        entry(tiff, 0x0003, 2, 2, 'E' << 24);
        entry(tiff, 0x0004, 5, 3, 174);
        tiff.putInt(0);
        degrees(tiff, latitude);
        degrees(tiff, longitude);
        ByteBuffer app1 = ByteBuffer.allocate(6 + tiff.capacity());
        app1.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff.array());
        return app1.array();
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    /** Degrees, minutes and seconds as three rationals, the seconds to 1/1000. */
    private static void degrees(ByteBuffer tiff, double value) {
        int d = (int) value;
        double minutes = (value - d) * 60;
        int m = (int) minutes;
        long s = Math.round((minutes - m) * 60 * 1000);
        tiff.putInt(d).putInt(1).putInt(m).putInt(1).putInt((int) s).putInt(1000);
    }
}
