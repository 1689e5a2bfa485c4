package cn.duban.supervision.papers;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Reads the papers back with real parsers — PDFBox for PDF, POI for Word — as a reader's software would, and
 * renders PDF pages to PNG (target/papers/; docs/papers/ keeps a copy of each document's first page).
 */
public final class PaperFiles {
    public static final Path OUT = Path.of("target", "papers");

    private PaperFiles() {
    }

    /** The PDF's text with all white space taken out, so a line wrapped in a table cell still reads whole. */
    public static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return squeeze(new PDFTextStripper().getText(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every font of every page: name and whether it is embedded. */
    public static List<String> pdfFonts(byte[] pdf) {
        List<String> fonts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName() + (font.isEmbedded() ? " embedded" : " NOT EMBEDDED"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fonts;
    }

    /** Renders every page at {@code dpi} to {@code OUT/<name>-<page>.png}; returns the files. */
    public static List<Path> render(byte[] pdf, String name, int dpi) {
        List<Path> files = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Files.createDirectories(OUT);
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, dpi);
                Path file = OUT.resolve(name + "-" + (page + 1) + ".png");
                ImageIO.write(image, "png", file.toFile());
                files.add(file);
            }
            Files.write(OUT.resolve(name + ".pdf"), pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** A Word document as its paragraphs' and tables' text in order; each table row one line, cells joined by |. */
    public static List<String> docxLines(byte[] docx) {
        List<String> lines = new ArrayList<>();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    lines.add(p.getText());
                } else if (element instanceof XWPFTable t) {
                    for (XWPFTableRow row : t.getRows()) {
                        lines.add(String.join("|", row.getTableCells().stream().map(c -> c.getText()).toList()));
                    }
                }
            }
            lines.add("pictures:" + document.getAllPictures().size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    public static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }
}
