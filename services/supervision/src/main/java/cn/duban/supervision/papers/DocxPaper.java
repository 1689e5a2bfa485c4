package cn.duban.supervision.papers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHdrFtr;

/**
 * A {@link Paper} as a Word document (.docx, Apache POI), for the office to edit before it prints. Word documents
 * name their fonts rather than carry them: 宋体 for the text and 黑体 for headings, which every Chinese Windows and
 * WPS has (LibreOffice substitutes Noto CJK); the PDF is the version that prints the same everywhere.
 */
public final class DocxPaper implements Paper {
    static final String SONG = "宋体";
    static final String HEI = "黑体";
    private static final String RED = "C8102E";
    /** A4 in twentieths of a point, and 2.5 cm margins. */
    private static final int A4_WIDTH = 11906;
    private static final int A4_HEIGHT = 16838;
    private static final int MARGIN = 1418;

    private final XWPFDocument document = new XWPFDocument();

    public DocxPaper(String documentTitle) {
        document.getProperties().getCoreProperties().setTitle(documentTitle);
        document.getProperties().getCoreProperties().setCreator("Duban 督办");
        CTSectPr section = document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(A4_WIDTH));
        size.setH(BigInteger.valueOf(A4_HEIGHT));
        CTPageMar margins = section.addNewPgMar();
        for (var setter : List.<java.util.function.Consumer<BigInteger>>of(margins::setTop, margins::setBottom,
                margins::setLeft, margins::setRight)) {
            setter.accept(BigInteger.valueOf(MARGIN));
        }
        XWPFFooter footer = new XWPFHeaderFooterPolicy(document).createFooter(STHdrFtr.DEFAULT);
        XWPFParagraph pageNumber = footer.getParagraphArray(0) == null ? footer.createParagraph()
                : footer.getParagraphArray(0);
        pageNumber.setAlignment(ParagraphAlignment.CENTER);
        run(pageNumber, "— 第 ", SONG, 9, false, null);
        pageNumber.getCTP().addNewFldSimple().setInstr("PAGE");
        run(pageNumber, " 页 —", SONG, 9, false, null);
    }

    @Override
    public void masthead(String issuer) {
        XWPFParagraph p = document.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setBorderBottom(Borders.THICK);
        p.getCTPPr().getPBdr().getBottom().setColor(RED);
        run(p, issuer, HEI, 24, true, RED);
    }

    @Override
    public void title(String title) {
        XWPFParagraph p = document.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingBefore(360);
        p.setSpacingAfter(120);
        run(p, title, HEI, 20, true, null);
    }

    @Override
    public void subtitle(String text) {
        XWPFParagraph p = document.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, text, SONG, 12, false, null);
    }

    @Override
    public void heading(String text) {
        XWPFParagraph p = document.createParagraph();
        p.setSpacingBefore(240);
        p.setSpacingAfter(120);
        p.setKeepNext(true);
        run(p, text, HEI, 14, true, null);
    }

    @Override
    public void paragraph(String text) {
        XWPFParagraph p = document.createParagraph();
        p.setIndentationFirstLine(480); // two characters of 12 pt
        p.setSpacingAfter(80);
        run(p, text, SONG, 12, false, null);
    }

    @Override
    public void line(String text, boolean right) {
        XWPFParagraph p = document.createParagraph();
        p.setAlignment(right ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
        run(p, text, SONG, 12, false, null);
    }

    @Override
    public void table(List<String> headers, List<List<String>> rows, float[] widths) {
        XWPFTable table = document.createTable(rows.size() + 1, headers.size());
        table.setWidth("100%");
        table.setWidthType(TableWidthType.PCT);
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        fill(table.getRow(0), headers, widths, total, true);
        table.getRow(0).setRepeatHeader(true);
        for (int r = 0; r < rows.size(); r++) {
            fill(table.getRow(r + 1), rows.get(r), widths, total, false);
        }
        document.createParagraph().setSpacingAfter(0);
    }

    @Override
    public void image(byte[] png, float heightRatio, String caption) {
        XWPFParagraph p = document.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        double widthPoints = (A4_WIDTH - 2 * MARGIN) / 20.0;
        try {
            p.createRun().addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG, "chart.png",
                    Units.toEMU(widthPoints), Units.toEMU(widthPoints * heightRatio));
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException("a chart could not be placed", e);
        }
        XWPFParagraph c = document.createParagraph();
        c.setAlignment(ParagraphAlignment.CENTER);
        run(c, caption, SONG, 9, false, null);
    }

    @Override
    public byte[] finish() {
        try (XWPFDocument doc = document; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("the Word document could not be written", e);
        }
    }

    private static void fill(XWPFTableRow row, List<String> texts, float[] widths, float total, boolean header) {
        for (int c = 0; c < texts.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            cell.setWidth(Math.round(widths[c] * 100 / total) + "%");
            if (header) {
                cell.setColor("EEF1F5");
            }
            XWPFParagraph p = cell.getParagraphs().get(0);
            run(p, texts.get(c) == null ? "" : texts.get(c), header ? HEI : SONG, 9, header, null);
        }
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, int size, boolean bold, String color) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
        run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.hAnsi);
        run.setFontSize(size);
        run.setBold(bold);
        if (color != null) {
            run.setColor(color);
        }
        return run;
    }
}
