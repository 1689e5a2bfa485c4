package cn.duban.supervision.service;

import cn.duban.platform.rest.DubanException;
import cn.duban.supervision.config.ImportLimits;
import cn.duban.supervision.ledger.SheetFormat;
import cn.duban.supervision.ledger.SheetLimitException;
import cn.duban.supervision.ledger.SheetLimits;
import cn.duban.supervision.ledger.SheetRow;
import cn.duban.text.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Reads the sheets offices send to the ledger import, within the import's limits: a sheet past them is a 413 that
 * names the limit, read no further than the limit and imported not at all.
 */
@ApplicationScoped
public class LedgerSheets {
    static final Text TOO_LARGE = Text.of("导入内容过大", "Import too large");

    @Inject
    ImportLimits config;

    public SheetLimits limits() {
        return new SheetLimits(config.maxRows(), config.maxXlsBytes().asLongValue(), config.maxUnzippedBytes().asLongValue());
    }

    /**
     * The rows of a sheet sent as {@code contentType}. A CSV sheet's charset is found from its bytes, not taken from the
     * header: clients declare ISO-8859-1 for any text they send.
     *
     * @throws DubanException           413 past a limit
     * @throws cn.duban.supervision.ledger.UnreadableSheetException if it is no sheet of that format
     */
    public List<SheetRow> read(byte[] body, String contentType) {
        SheetFormat format = SheetFormat.ofMediaType(contentType).orElseThrow(() -> DubanException.refused(415,
                "http-415", Text.of("不支持的媒体类型", "Unsupported media type"), Text.of("台账导入接受 .xlsx、.xls、CSV 或 JSON",
                        "the ledger import takes .xlsx, .xls, CSV or JSON")));
        long size = body == null ? 0 : body.length;
        if (size > config.maxBytes().asLongValue()) {
            throw DubanException.refused(413, "too-large", TOO_LARGE, Text.of("表格有 %s 字节，超过了台账导入 %s 字节的上限；没有导入任何内容",
                    "the sheet has %s bytes, more than the ledger import's %s; nothing was imported", size,
                    config.maxBytes().asLongValue()));
        }
        try {
            return format.read(body, limits());
        } catch (SheetLimitException e) {
            throw DubanException.refused(413, "too-large", TOO_LARGE, e.reason());
        }
    }

    /** A ledger of more tasks than the import takes (JSON, or a sheet read another way): 413. */
    public void checkTasks(int tasks) {
        if (tasks > config.maxRows()) {
            throw DubanException.refused(413, "too-large", TOO_LARGE, Text.of("台账有 %s 个任务，超过了一次导入 %s 个的上限；请分成几次导入",
                    "the ledger has %s tasks, more than the %s one import takes: import it in parts", tasks,
                    config.maxRows()));
        }
    }
}
