package cn.duban.supervision.ledger;

import cn.duban.text.Text;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV sheet (RFC 4180, Apache Commons CSV): cells separated by commas, a cell in double quotes may hold
 * commas, line breaks and doubled quotes; records end with CRLF, LF or CR. A row's number counts records, not lines,
 * so it is the row number a spreadsheet program shows.
 *
 * <p>The text is what Excel writes on a Chinese Windows: "CSV UTF-8" (with a byte-order mark) or plain "CSV" (GBK,
 * read as GB18030, its superset), or UTF-8 without a mark from any other program. The charset is found from the
 * bytes (a {@code charset} parameter is not trusted: clients declare ISO-8859-1 for any text they send): a UTF-8
 * byte-order mark, else strict UTF-8 — GBK text with Chinese in it is practically never valid UTF-8 — else GB18030.
 */
public final class CsvSheet {
    public static final Charset GB18030 = Charset.forName("GB18030");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private CsvSheet() {
    }

    public static List<SheetRow> read(byte[] body) {
        return read(body, SheetLimits.DEFAULT);
    }

    public static List<SheetRow> read(byte[] body, SheetLimits limits) {
        if (body == null || body.length == 0) {
            throw new UnreadableSheetException(Text.of("请求体为空：请发送 CSV 表格本身", "the body is empty: send the CSV sheet itself"));
        }
        return parse(text(body), limits);
    }

    /** The sheet's text in the charset it was written in, without a byte-order mark. */
    static String text(byte[] body) {
        String utf8 = startsWith(body, UTF8_BOM) ? decode(body, UTF8_BOM.length, StandardCharsets.UTF_8) : null;
        if (utf8 != null) {
            return utf8;
        }
        utf8 = decode(body, 0, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return utf8;
        }
        String gb = decode(body, 0, GB18030);
        if (gb != null) {
            return stripBom(gb);
        }
        throw new UnreadableSheetException(Text.of("CSV 表格既不是 UTF-8 也不是 GBK/GB18030 编码的文本：请在 Excel 中另存为"
                + "“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”，或直接发送 .xlsx 工作簿",
                "the CSV sheet is neither UTF-8 nor GBK/GB18030 text: save it from Excel as \"CSV UTF-8\" or \"CSV\", "
                        + "or send the .xlsx workbook"));
    }

    static List<SheetRow> parse(String text, SheetLimits limits) {
        List<SheetRow> rows = new ArrayList<>();
        int tasks = 0;
        long last = 0;
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                last = record.getRecordNumber();
                List<SheetRow.Cell> cells = new ArrayList<>(Math.min(record.size(), SheetLimits.MAX_COLUMNS));
                for (int c = 0; c < record.size() && c < SheetLimits.MAX_COLUMNS; c++) {
                    cells.add(SheetRow.Cell.of(record.get(c)));
                }
                SheetRow row = new SheetRow((int) last, cells);
                if (!row.isBlank() && ++tasks > limits.maxRows() + 1) { // + the header row
                    throw limits.tooManyRows();
                }
                rows.add(row);
            }
        } catch (UncheckedIOException | IOException e) {
            throw quoting(last + 1, e);
        } catch (IllegalStateException e) {
            throw quoting(last + 1, e); // the parser's own word for a malformed record
        }
        return rows;
    }

    private static UnreadableSheetException quoting(long row, Exception e) {
        String cause = String.valueOf(e.getMessage());
        if (cause.contains("EOF")) {
            return new UnreadableSheetException(Text.of("第 %s 行：带引号的单元格没有闭合的引号", "row %s: a quoted cell is not closed",
                    row), e);
        }
        return new UnreadableSheetException(Text.of("第 %s 行：单元格的右引号后还有文字（带引号的单元格中的引号应写作 \"\"）",
                "row %s: text after the closing quote of a cell (a quote inside a quoted cell is written \"\")", row), e);
    }

    /** Strict decoding: null if the bytes are not text in {@code charset}. */
    private static String decode(byte[] body, int offset, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, offset, body.length - offset)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    private static boolean startsWith(byte[] body, byte[] prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
