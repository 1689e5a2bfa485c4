package cn.duban.supervision.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV sheet (RFC 4180): UTF-8 with or without a byte-order mark, cells separated by commas, a cell
 * in double quotes may hold commas, line breaks and doubled quotes. Records end with CRLF, LF or CR. A row's
 * number counts records, not lines, so it is the row number a spreadsheet program shows.
 */
public final class CsvSheet {
    private static final char BOM = '\uFEFF';

    private CsvSheet() {
    }

    public static List<SheetRow> read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new UnreadableSheetException("the body is empty: send the CSV sheet itself");
        }
        String text = utf8(body);
        return parse(text.charAt(0) == BOM ? text.substring(1) : text);
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            // Excel's plain "CSV" on a Chinese Windows writes GBK; only "CSV UTF-8" is readable here.
            throw new UnreadableSheetException("the CSV sheet is not UTF-8 text: save it as \"CSV UTF-8\" "
                    + "(Excel: CSV UTF-8 (逗号分隔)), or send the .xlsx workbook", e);
        }
    }

    static List<SheetRow> parse(String text) {
        List<SheetRow> rows = new ArrayList<>();
        List<SheetRow.Cell> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int row = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (text.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new UnreadableSheetException("row " + row + ": a quoted cell is not closed");
                    }
                    char c = text.charAt(i++);
                    if (c == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cell.append(c);
                    }
                }
                if (i < n && !isDelimiter(text.charAt(i))) {
                    throw new UnreadableSheetException("row " + row
                            + ": text after the closing quote of a cell (a quote inside a quoted cell is written \"\")");
                }
            } else {
                while (i < n && !isDelimiter(text.charAt(i))) {
                    cell.append(text.charAt(i++));
                }
            }
            cells.add(SheetRow.Cell.of(cell.toString()));
            cell.setLength(0);
            if (i >= n) {
                break;
            }
            char delimiter = text.charAt(i++);
            if (delimiter == ',') {
                if (i >= n) {
                    cells.add(SheetRow.Cell.BLANK);
                }
                continue;
            }
            if (delimiter == '\r' && i < n && text.charAt(i) == '\n') {
                i++;
            }
            rows.add(new SheetRow(row++, cells));
            cells = new ArrayList<>();
        }
        if (!cells.isEmpty()) {
            rows.add(new SheetRow(row, cells));
        }
        return rows;
    }

    private static boolean isDelimiter(char c) {
        return c == ',' || c == '\n' || c == '\r';
    }
}
