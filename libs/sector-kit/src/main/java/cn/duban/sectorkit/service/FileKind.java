package cn.duban.sectorkit.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The kinds of file evidence may be, told from the first bytes of the content, never from the name: a program
 * renamed 现场照片.jpg is still a program. Magic numbers of the few allowed kinds are enough here (Apache Tika would
 * tell a thousand kinds, at many megabytes); the name only chooses among the Office formats that share one container.
 */
public enum FileKind {
    JPEG("image/jpeg", true),
    PNG("image/png", true),
    HEIC("image/heic", true),
    PDF("application/pdf", false),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", false),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", false),
    DOC("application/msword", false),
    XLS("application/vnd.ms-excel", false),
    PPT("application/vnd.ms-powerpoint", false);

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] OLE2_MAGIC = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a,
            (byte) 0xe1};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    // ISO base media brands of HEIF still images (HEIC from phones, and the generic HEIF brands)
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1");

    private final String mediaType;
    private final boolean image;

    FileKind(String mediaType, boolean image) {
        this.mediaType = mediaType;
        this.image = image;
    }

    public String mediaType() {
        return mediaType;
    }

    public boolean image() {
        return image;
    }

    /** The kind of {@code content}, or empty if it is none of the allowed kinds. */
    public static Optional<FileKind> of(byte[] content, String name) {
        if (startsWith(content, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, 0, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (content.length >= 12 && startsWith(content, 4, "ftyp".getBytes(StandardCharsets.US_ASCII))
                && HEIF_BRANDS.contains(new String(content, 8, 4, StandardCharsets.US_ASCII))) {
            return Optional.of(HEIC);
        }
        if (startsWith(content, 0, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(PDF);
        }
        if (startsWith(content, 0, ZIP_MAGIC)) {
            return officeOpenXml(content);
        }
        if (startsWith(content, 0, OLE2_MAGIC)) {
            // WPS Office's .wps, .et and .dps are the same container as Word's, Excel's and PowerPoint's
            return Optional.of(switch (extension(name)) {
                case "xls", "et" -> XLS;
                case "ppt", "dps" -> PPT;
                default -> DOC;
            });
        }
        return Optional.empty();
    }

    /** A ZIP is an Office document when it holds [Content_Types].xml and the part folder of Word, Excel or PowerPoint. */
    private static Optional<FileKind> officeOpenXml(byte[] content) {
        boolean contentTypes = false;
        FileKind kind = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            for (int seen = 0; (entry = zip.getNextEntry()) != null && seen < 2000; seen++) {
                String name = entry.getName();
                contentTypes |= name.equals("[Content_Types].xml");
                if (kind == null) {
                    kind = name.startsWith("word/") ? DOCX : name.startsWith("xl/") ? XLSX : name.startsWith("ppt/") ? PPTX : null;
                }
                if (contentTypes && kind != null) {
                    return Optional.of(kind);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // not a readable ZIP: not an Office document either
        }
        return Optional.empty();
    }

    private static String extension(String name) {
        if (name == null || name.lastIndexOf('.') < 0) {
            return "";
        }
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] content, int offset, byte[] prefix) {
        return content.length >= offset + prefix.length
                && Arrays.equals(content, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
