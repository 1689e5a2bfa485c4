package cn.duban.supervision.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The spreadsheet formats the ledger import reads, by media type. An Excel workbook is told by its first bytes
 * rather than by the name it was sent under: an .xls sent as .xlsx (or the other way round) is still read.
 */
public enum SheetFormat {
    XLSX(XlsxSheet.MEDIA_TYPE),
    XLS(XlsSheet.MEDIA_TYPE),
    CSV("text/csv");

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    private final String mediaType;

    SheetFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format a {@code type/subtype} names, parameters left out. */
    public static Optional<SheetFormat> ofMediaType(String type) {
        String bare = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.mediaType.equals(bare)).findFirst();
    }

    /**
     * The sheet's rows, up to the limits.
     *
     * @throws UnreadableSheetException if the body cannot be read as this format at all
     * @throws SheetLimitException      if the sheet is larger than the import takes
     */
    public List<SheetRow> read(byte[] body, SheetLimits limits) {
        if (this == CSV) {
            return CsvSheet.read(body, limits);
        }
        if (startsWith(body, OLE2) || (this == XLS && !startsWith(body, ZIP))) {
            return XlsSheet.read(body, limits);
        }
        return XlsxSheet.read(body, limits);
    }

    private static boolean startsWith(byte[] body, byte[] magic) {
        if (body == null || body.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (body[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
