package cn.duban.supervision.ledger;

import cn.duban.text.Text;

/** A sheet larger than the import takes ({@link SheetLimits}); reading stopped where the limit was passed. */
public class SheetLimitException extends RuntimeException {
    private final Text reason;

    public SheetLimitException(Text reason) {
        super(reason.en());
        this.reason = reason;
    }

    public Text reason() {
        return reason;
    }
}
