package cn.duban.supervision.ledger;

import cn.duban.text.Text;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads the first sheet of an Excel 97-2003 (.xls) workbook through POI's {@link WorkbookFactory}. Such a workbook is
 * read whole into memory (there is no streaming reader for it), so only a small one is taken
 * ({@link SheetLimits#maxXlsBytes()}); a larger one is refused with the advice to save it as .xlsx.
 */
public final class XlsSheet {
    public static final String MEDIA_TYPE = "application/vnd.ms-excel";

    private XlsSheet() {
    }

    public static List<SheetRow> read(byte[] body, SheetLimits limits) {
        if (body == null || body.length == 0) {
            throw new UnreadableSheetException(Text.of("请求体为空：请发送 .xls 工作簿本身", "the body is empty: send the .xls workbook itself"));
        }
        if (body.length > limits.maxXlsBytes()) {
            throw limits.tooLargeXls(body.length);
        }
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(body))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new UnreadableSheetException(Text.of("工作簿中没有工作表", "the workbook has no sheet"));
            }
            List<SheetRow> rows = new ArrayList<>();
            int filled = 0;
            for (Row row : workbook.getSheetAt(0)) {
                List<SheetRow.Cell> cells = new ArrayList<>();
                for (int c = 0; c < Math.min(Math.max(row.getLastCellNum(), 0), SheetLimits.MAX_COLUMNS); c++) {
                    cells.add(cell(row.getCell(c)));
                }
                SheetRow sheetRow = new SheetRow(row.getRowNum() + 1, cells);
                if (!sheetRow.isBlank() && ++filled > limits.maxRows() + 1) { // + the header row
                    throw limits.tooManyRows();
                }
                rows.add(sheetRow);
            }
            return rows;
        } catch (UnreadableSheetException | SheetLimitException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableSheetException(Text.of("请求体不是可以读取的 Excel 工作簿", "the body is not a readable Excel workbook"), e);
        }
    }

    /** A cell's value as the import reads it: a date cell as YYYY-MM-DD, a number plain, like the .xlsx reader. */
    private static SheetRow.Cell cell(Cell cell) {
        if (cell == null) {
            return SheetRow.Cell.BLANK;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> SheetRow.Cell.of(cell.getStringCellValue());
            case NUMERIC -> Double.isFinite(cell.getNumericCellValue()) && DateUtil.isCellDateFormatted(cell)
                    ? SheetRow.Cell.of(cell.getLocalDateTimeCellValue().toLocalDate().toString())
                    : SheetRow.Cell.of(XlsxSheet.plain(cell.getNumericCellValue()));
            case BOOLEAN -> SheetRow.Cell.of(String.valueOf(cell.getBooleanCellValue()).toUpperCase());
            case ERROR -> SheetRow.Cell.of(FormulaError.forInt(cell.getErrorCellValue()).getString());
            default -> SheetRow.Cell.BLANK;
        };
    }
}
