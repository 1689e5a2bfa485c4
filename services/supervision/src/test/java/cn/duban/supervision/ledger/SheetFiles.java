package cn.duban.supervision.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Spreadsheets a test writes the way an office would: a workbook with POI, or CSV text. */
public final class SheetFiles {
    /** The header row in Chinese, as the template has it. */
    public static final List<Object> HEADER = List.of("任务编号", "领域", "任务名称", "原文", "章节", "牵头单位", "配合单位",
            "责任领导", "目标", "时间节点", "完成时限", "标识", "报送周期", "任务类型");

    private SheetFiles() {
    }

    /** A workbook whose first sheet has these rows; a LocalDate becomes a date cell, anything else text. */
    public static byte[] xlsx(List<List<Object>> rows) {
        return workbook(new XSSFWorkbook(), rows);
    }

    /** The same as an Excel 97-2003 (.xls) workbook. */
    public static byte[] xls(List<List<Object>> rows) {
        return workbook(new HSSFWorkbook(), rows);
    }

    private static byte[] workbook(Workbook book, List<List<Object>> rows) {
        try (Workbook workbook = book; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            Sheet sheet = workbook.createSheet("台账");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof LocalDate d) {
                        row.createCell(c).setCellValue(d);
                        row.getCell(c).setCellStyle(date);
                    } else if (value instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CSV as Excel writes it: every cell quoted where it must be, CRLF line ends, with a byte-order mark. */
    public static byte[] csv(List<List<Object>> rows) {
        String text = rows.stream().map(row -> row.stream().map(SheetFiles::quoted).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\r\n", "\uFEFF", "\r\n"));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(Object value) {
        String text = value == null ? "" : value.toString();
        return text.matches(".*[\",\r\n].*") || text.contains("\n") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
