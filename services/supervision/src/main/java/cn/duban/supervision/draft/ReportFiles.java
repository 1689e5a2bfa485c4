package cn.duban.supervision.draft;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A report as the office has it — plain text (UTF-8), a Word document (.docx, Apache POI) or a PDF (Apache PDFBox) —
 * read into plain text, one paragraph a line. The drafts' offsets refer to this text, which the draft keeps.
 */
public final class ReportFiles {
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String PDF = "application/pdf";

    private ReportFiles() {
    }

    /** The report could not be read; the message says why, in Chinese and English. */
    public static final class UnreadableReport extends RuntimeException {
        private final String zh;

        public UnreadableReport(String zh, String en) {
            super(en);
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }

    public static String text(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return normalise(text);
        } catch (CharacterCodingException e) {
            throw new UnreadableReport("文本不是 UTF-8 编码（如为 GBK，请另存为 UTF-8 或直接上传 Word、PDF 文件）",
                    "the text is not UTF-8 (save a GBK file as UTF-8, or send the Word or PDF file)");
        }
    }

    public static String docx(byte[] bytes) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            StringBuilder out = new StringBuilder();
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    out.append(paragraph.getText()).append('\n');
                } else if (element instanceof XWPFTable table) {
                    for (XWPFTableRow row : table.getRows()) {
                        for (XWPFTableCell cell : row.getTableCells()) {
                            cell.getParagraphs().forEach(p -> out.append(p.getText()).append('\n'));
                        }
                    }
                }
            }
            return normalise(out.toString());
        } catch (IOException | RuntimeException e) {
            throw new UnreadableReport("不是可读取的 Word 文档（.docx）；旧版 .doc 请另存为 .docx",
                    "not a readable Word document (.docx); save an old .doc as .docx");
        }
    }

    /** PDF text with lines of one paragraph joined (Chinese needs no space between them), paragraphs one a line. */
    public static String pdf(byte[] bytes) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setLineSeparator("\u2028");
            stripper.setParagraphStart("");
            stripper.setParagraphEnd("\n");
            String text = stripper.getText(document).replace("\u2028", "");
            if (text.isBlank()) {
                throw new UnreadableReport("PDF 中没有文字（扫描件需先识别成文字）",
                        "the PDF holds no text (a scan must be run through text recognition first)");
            }
            return normalise(text);
        } catch (IOException e) {
            throw new UnreadableReport("不是可读取的 PDF 文件", "not a readable PDF file");
        }
    }

    /** Line ends as \n, no blank lines, no byte-order mark, no spaces at the ends of lines. */
    public static String normalise(String text) {
        String unified = text.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(unified.length());
        for (String line : unified.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                out.append(trimmed).append('\n');
            }
        }
        return out.toString();
    }
}
