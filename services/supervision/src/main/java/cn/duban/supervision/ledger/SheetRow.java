package cn.duban.supervision.ledger;

import java.time.LocalDate;
import java.util.List;

/** One row of a spreadsheet as read, numbered as the office sees it (the header is row 1). */
public record SheetRow(int number, List<Cell> cells) {

    public SheetRow {
        cells = List.copyOf(cells);
    }

    public Cell cell(int column) {
        return column < cells.size() ? cells.get(column) : Cell.BLANK;
    }

    public boolean isBlank() {
        return cells.stream().allMatch(Cell::isBlank);
    }

    /** A cell's text, trimmed; or a date, where a workbook cell holds one. */
    public record Cell(String text, LocalDate date) {
        public static final Cell BLANK = new Cell("", null);

        public Cell {
            text = text == null ? "" : text.strip();
        }

        public static Cell of(String text) {
            return new Cell(text, null);
        }

        public static Cell of(LocalDate date) {
            return new Cell(date.toString(), date);
        }

        public boolean isBlank() {
            return date == null && text.isEmpty();
        }
    }
}
