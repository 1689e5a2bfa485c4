package cn.duban.supervision.ledger;

import java.math.BigDecimal;
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

    /** A cell's text, trimmed; or a date or a number, where a workbook cell holds (or is written with) one. */
    public record Cell(String text, LocalDate date, BigDecimal number) {
        public static final Cell BLANK = new Cell("", null);

        public Cell {
            text = text == null ? "" : text.strip();
        }

        public Cell(String text, LocalDate date) {
            this(text, date, null);
        }

        public static Cell of(String text) {
            return new Cell(text, null);
        }

        public static Cell of(LocalDate date) {
            return new Cell(date.toString(), date);
        }

        /** A numeric cell, so that a sheet can sum and sort it. */
        public static Cell of(long number) {
            return new Cell(Long.toString(number), null, BigDecimal.valueOf(number));
        }

        public static Cell of(BigDecimal number) {
            return new Cell(number.toPlainString(), null, number);
        }

        /** A date cell, or a blank one where there is no date. */
        public static Cell ofNullable(LocalDate date) {
            return date == null ? BLANK : of(date);
        }

        public boolean isBlank() {
            return date == null && number == null && text.isEmpty();
        }
    }
}
