package cn.duban.supervision.ledger;

/** The body is not a workbook or CSV sheet that can be read at all; no row was looked at. */
public class UnreadableSheetException extends RuntimeException {

    public UnreadableSheetException(String message) {
        super(message);
    }

    public UnreadableSheetException(String message, Throwable cause) {
        super(message, cause);
    }
}
