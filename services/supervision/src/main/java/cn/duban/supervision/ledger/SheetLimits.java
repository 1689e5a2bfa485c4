package cn.duban.supervision.ledger;

import cn.duban.text.Text;

/**
 * How much of a sheet the import reads (docs/ledger.md, "Limits"). A county's ledger has a few hundred rows; the
 * limits leave room for a city's while keeping one import within a small heap.
 *
 * @param maxRows          task rows (non-blank rows under the header); rows past it are not read
 * @param maxXlsBytes      an Excel 97-2003 (.xls) workbook is read whole into memory, so only a small one is
 * @param maxUnzippedBytes the largest part of an .xlsx workbook once unzipped (its sheet, its shared strings), so a
 *                         small zip cannot unpack into gigabytes
 */
public record SheetLimits(int maxRows, long maxXlsBytes, long maxUnzippedBytes) {
    /** The defaults of {@code duban.supervision.ledger.import}. */
    public static final SheetLimits DEFAULT = new SheetLimits(10_000, 2L << 20, 64L << 20);
    /** Columns read from a row; further cells are ignored like any column the import does not know. */
    public static final int MAX_COLUMNS = 100;

    SheetLimitException tooManyRows() {
        return new SheetLimitException(Text.of("表格超过 %s 行任务，没有导入任何内容；请分成几个文件导入",
                "the sheet has more than %s task rows; nothing was imported: import it in parts", maxRows));
    }

    SheetLimitException tooLargeXls(long size) {
        return new SheetLimitException(Text.of("Excel 97-2003（.xls）工作簿有 %s 字节，超过了 %s 字节的上限；请另存为 .xlsx 后导入",
                "the Excel 97-2003 (.xls) workbook has %s bytes, more than %s: save it as .xlsx and import that", size,
                maxXlsBytes));
    }

    SheetLimitException tooLargeUnzipped() {
        return new SheetLimitException(Text.of("工作簿解压后超过 %s 字节的上限（表格或共享字符串过大）",
                "the workbook unzips to more than %s bytes (its sheet or shared strings are too large)", maxUnzippedBytes));
    }
}
