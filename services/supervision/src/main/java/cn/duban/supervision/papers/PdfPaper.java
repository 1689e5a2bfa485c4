package cn.duban.supervision.papers;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/** A {@link Paper} as PDF (A4, OpenPDF), every glyph from {@link PaperFonts}, embedded as a subset. */
public final class PdfPaper implements Paper {
    static final Color RED = new Color(0xC8, 0x10, 0x2E);
    private static final Color HEADER_FILL = new Color(0xEE, 0xF1, 0xF5);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Document document = new Document(PageSize.A4, 56, 56, 60, 60);
    private final Font body;
    private final Font small;
    private final Font smallBold;
    private final Font headingFont;
    private final Font titleFont;
    private final Font mastheadFont;

    public PdfPaper(PaperFonts fonts, String documentTitle) {
        body = new Font(fonts.serif(), 11.5f);
        small = new Font(fonts.sans(), 8.5f);
        smallBold = new Font(fonts.sansBold(), 8.5f);
        headingFont = new Font(fonts.sansBold(), 13f);
        titleFont = new Font(fonts.sansBold(), 20f);
        mastheadFont = new Font(fonts.sansBold(), 24f, Font.NORMAL, RED);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPdfVersion(PdfWriter.VERSION_1_7);
        document.addTitle(documentTitle);
        document.addCreator("Duban 督办");
        HeaderFooter footer = new HeaderFooter(new Phrase("— 第 ", small), new Phrase(" 页 —", small));
        footer.setAlignment(Element.ALIGN_CENTER);
        footer.setBorder(0);
        document.setFooter(footer);
        document.open();
    }

    @Override
    public void masthead(String issuer) {
        add(paragraphOf(issuer, mastheadFont, Element.ALIGN_CENTER, 0, 4));
        add(new Chunk(new LineSeparator(1.6f, 100, RED, Element.ALIGN_CENTER, -2)));
    }

    @Override
    public void title(String title) {
        add(paragraphOf(title, titleFont, Element.ALIGN_CENTER, 18, 6));
    }

    @Override
    public void subtitle(String text) {
        add(paragraphOf(text, body, Element.ALIGN_CENTER, 0, 4));
    }

    @Override
    public void heading(String text) {
        Paragraph p = paragraphOf(text, headingFont, Element.ALIGN_UNDEFINED, 12, 6);
        p.setKeepTogether(true);
        add(p);
    }

    @Override
    public void paragraph(String text) {
        Paragraph p = paragraphOf(text, body, Element.ALIGN_UNDEFINED, 0, 4);
        p.setFirstLineIndent(23);
        p.setLeading(19);
        add(p);
    }

    @Override
    public void line(String text, boolean right) {
        Paragraph p = paragraphOf(text, body, right ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT, 0, 0);
        p.setLeading(19);
        add(p);
    }

    @Override
    public void table(List<String> headers, List<List<String>> rows, float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(4);
        table.setSpacingAfter(8);
        for (String h : headers) {
            PdfPCell cell = cell(h, smallBold);
            cell.setBackgroundColor(HEADER_FILL);
            table.addCell(cell);
        }
        for (List<String> row : rows) {
            row.forEach(text -> table.addCell(cell(text, small)));
        }
        add(table);
    }

    @Override
    public void image(byte[] png, float heightRatio, String caption) {
        try {
            Image image = Image.getInstance(png);
            float width = document.getPageSize().getWidth() - document.leftMargin() - document.rightMargin();
            image.scaleToFit(width, width * heightRatio);
            image.setAlignment(Image.ALIGN_CENTER);
            add(image);
        } catch (IOException e) {
            throw new IllegalStateException("a chart could not be placed", e);
        }
        add(paragraphOf(caption, small, Element.ALIGN_CENTER, 0, 6));
    }

    @Override
    public byte[] finish() {
        document.close();
        return out.toByteArray();
    }

    /** A paragraph aligned as {@link Element}'s ALIGN_* says (UNDEFINED: OpenPDF's default), with space before and after it. */
    private static Paragraph paragraphOf(String text, Font font, int alignment, float spacingBefore, float spacingAfter) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(alignment);
        p.setSpacingBefore(spacingBefore);
        p.setSpacingAfter(spacingAfter);
        return p;
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setPadding(3.5f);
        cell.setBorderColor(Color.GRAY);
        cell.setBorderWidth(0.5f);
        return cell;
    }

    private void add(Element element) {
        try {
            document.add(element);
        } catch (DocumentException e) {
            throw new IllegalStateException("the PDF could not be written", e);
        }
    }
}
