package cn.duban.supervision.ledger;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads the first sheet of an .xlsx workbook into rows, and writes workbooks (the ledger template, the exports). */
public final class XlsxSheet {
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private XlsxSheet() {
    }

    /** A sheet to write: its tab name, a bold header row, and rows of cells (a date cell where a cell has a date). */
    public record Table(String name, List<String> header, List<List<SheetRow.Cell>> rows) {
    }

    public static List<SheetRow> read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new UnreadableSheetException("the body is empty: send the .xlsx workbook itself");
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new UnreadableSheetException("the workbook has no sheet");
            }
            List<SheetRow> rows = new ArrayList<>();
            for (Row row : workbook.getSheetAt(0)) {
                List<SheetRow.Cell> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    cells.add(cell(row.getCell(c)));
                }
                rows.add(new SheetRow(row.getRowNum() + 1, cells));
            }
            return rows;
        } catch (UnreadableSheetException e) {
            throw e;
        } catch (OLE2NotOfficeXmlFileException e) {
            throw new UnreadableSheetException("this is an Excel 97-2003 (.xls) workbook: save it as .xlsx", e);
        } catch (IOException | RuntimeException e) {
            // POI signals a body that is no workbook with many unchecked types (zip, XML, OPC, POIXML …)
            throw new UnreadableSheetException("the body is not a readable .xlsx workbook", e);
        }
    }

    private static SheetRow.Cell cell(Cell cell) {
        if (cell == null) {
            return SheetRow.Cell.BLANK;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> SheetRow.Cell.of(cell.getStringCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? SheetRow.Cell.of(cell.getLocalDateTimeCellValue().toLocalDate())
                    : SheetRow.Cell.of(BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString());
            case BOOLEAN -> SheetRow.Cell.of(String.valueOf(cell.getBooleanCellValue()).toUpperCase());
            case ERROR -> SheetRow.Cell.of(FormulaError.forInt(cell.getErrorCellValue()).getString());
            default -> SheetRow.Cell.BLANK;
        };
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
