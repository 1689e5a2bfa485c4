package cn.duban.supervision.ledger;

import cn.duban.text.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/** Reads the first sheet of an .xlsx workbook into rows, and writes workbooks (the ledger template, the exports). */
public final class XlsxSheet {
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final Text NOT_A_WORKBOOK = Text.of("请求体不是可以读取的 .xlsx 工作簿", "the body is not a readable .xlsx workbook");

    private XlsxSheet() {
    }

    /** A sheet to write: its tab name, a bold header row, and rows of cells (a date cell where a cell has a date). */
    public record Table(String name, List<String> header, List<List<SheetRow.Cell>> rows) {
    }

    public static List<SheetRow> read(byte[] body) {
        return read(body, SheetLimits.DEFAULT);
    }

    /**
     * Streams the first sheet (POI's XSSF event API): the workbook is opened from a temporary file and its sheet read
     * by SAX one row at a time, so the memory an import takes does not grow with the sheet (only the shared strings,
     * bounded by {@link SheetLimits#maxUnzippedBytes()}, are held). Reading stops at the row limit.
     */
    public static List<SheetRow> read(byte[] body, SheetLimits limits) {
        if (body == null || body.length == 0) {
            throw new UnreadableSheetException(Text.of("请求体为空：请发送 .xlsx 工作簿本身", "the body is empty: send the .xlsx workbook itself"));
        }
        Path file = null;
        try {
            file = Files.createTempFile("duban-ledger-", ".xlsx");
            Files.write(file, body);
            // POI's zip-bomb guard is process-wide; the import's limit is the one supervision reads workbooks under.
            ZipSecureFile.setMaxEntrySize(limits.maxUnzippedBytes());
            try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                return firstSheet(workbook, limits);
            }
        } catch (UnreadableSheetException | SheetLimitException e) {
            throw e;
        } catch (IOException | SAXException | OpenXML4JException | ParserConfigurationException | RuntimeException e) {
            if (tooLarge(e)) {
                throw limits.tooLargeUnzipped();
            }
            // POI signals a body that is no workbook with many types (zip, XML, OPC, POIXML …)
            throw new UnreadableSheetException(NOT_A_WORKBOOK, e);
        } finally {
            delete(file);
        }
    }

    private static List<SheetRow> firstSheet(OPCPackage workbook, SheetLimits limits)
            throws IOException, SAXException, OpenXML4JException, ParserConfigurationException {
        XSSFReader reader = new XSSFReader(workbook);
        Iterator<InputStream> sheets = reader.getSheetsData();
        if (!sheets.hasNext()) {
            throw new UnreadableSheetException(Text.of("工作簿中没有工作表", "the workbook has no sheet"));
        }
        Rows rows = new Rows(limits);
        try (InputStream sheet = sheets.next()) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                    new ReadOnlySharedStringsTable(workbook, false), rows, new PlainFormatter(), false));
            parser.parse(new InputSource(sheet));
        }
        return rows.rows;
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }

    /** Whether POI refused a part for its unzipped size (its zip-bomb guard), anywhere among the causes. */
    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SheetLimitException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("Zip bomb") || message.contains("MAX_ENTRY_SIZE"))) {
                return true;
            }
        }
        return false;
    }

    /** The rows of a sheet as SAX reports them, with blank cells where a row skips columns. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        final List<SheetRow> rows = new ArrayList<>();
        final SheetLimits limits;
        List<SheetRow.Cell> cells = new ArrayList<>();
        int next;
        int filled;

        Rows(SheetLimits limits) {
            this.limits = limits;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
            next = 0;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? next : new CellReference(reference).getCol();
            next = column + 1;
            if (column >= SheetLimits.MAX_COLUMNS) {
                return;
            }
            while (cells.size() < column) {
                cells.add(SheetRow.Cell.BLANK);
            }
            cells.add(SheetRow.Cell.of(value));
        }

        @Override
        public void endRow(int rowNum) {
            SheetRow row = new SheetRow(rowNum + 1, cells);
            if (!row.isBlank() && ++filled > limits.maxRows() + 1) { // + the header row
                throw limits.tooManyRows();
            }
            rows.add(row);
        }
    }

    /**
     * Cell values as the import reads them, whatever their display format: a date cell as {@code YYYY-MM-DD}, a number
     * as its plain value (what Excel shows may be rounded or grouped). A number no double holds (a cell written
     * {@code 1E+999999999}) reads as {@code Infinity}, which {@link cn.duban.events.Quantities} refuses as too large.
     */
    private static final class PlainFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (Double.isFinite(value) && DateUtil.isADateFormat(formatIndex, formatString)
                    && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            return plain(value);
        }
    }

    /** A double as the number it holds: 60000, not 60000.0 or 6E+4; {@code Infinity} or {@code NaN} as such. */
    static String plain(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : Double.toString(value);
    }

    public static byte[] write(List<Table> tables) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFFont bold = workbook.createFont();
            bold.setBold(true);
            CellStyle headerStyle = workbook.createCellStyle();
            headerStyle.setFont(bold);
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (Table table : tables) {
                writeTable(workbook, table, headerStyle, dateStyle);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a workbook", e);
        }
    }

    private static void writeTable(Workbook workbook, Table table, CellStyle headerStyle, CellStyle dateStyle) {
        Sheet sheet = workbook.createSheet(table.name());
        Row header = sheet.createRow(0);
        int[] widths = new int[table.header().size()];
        for (int c = 0; c < table.header().size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(table.header().get(c));
            cell.setCellStyle(headerStyle);
            widths[c] = width(table.header().get(c));
        }
        for (int r = 0; r < table.rows().size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<SheetRow.Cell> cells = table.rows().get(r);
            for (int c = 0; c < cells.size(); c++) {
                Cell cell = row.createCell(c);
                SheetRow.Cell value = cells.get(c);
                if (value.date() != null) {
                    cell.setCellValue(value.date());
                    cell.setCellStyle(dateStyle);
                } else if (value.number() != null) {
                    cell.setCellValue(value.number().doubleValue());
                } else {
                    cell.setCellValue(value.text());
                }
                if (c < widths.length) {
                    widths[c] = Math.max(widths[c], width(value.text()));
                }
            }
        }
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, Math.min(widths[c] + 2, 60) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    /** Characters wide as Excel counts them: a Chinese character takes two. */
    private static int width(String text) {
        return text.codePoints().map(cp -> cp > 0x2E80 ? 2 : 1).sum();
    }
}
