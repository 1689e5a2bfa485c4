package cn.duban.supervision.ledger;

import cn.duban.text.Text;

/** The body is not a workbook or CSV sheet that can be read at all; no row was looked at. */
public class UnreadableSheetException extends RuntimeException {
    private final Text reason;

    public UnreadableSheetException(Text reason) {
        this(reason, null);
    }

    public UnreadableSheetException(Text reason, Throwable cause) {
        super(reason.en(), cause);
        this.reason = reason;
    }

    /** Why, in the office's language and in English. */
    public Text reason() {
        return reason;
    }
}
