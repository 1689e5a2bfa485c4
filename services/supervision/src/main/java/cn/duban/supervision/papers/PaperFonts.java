package cn.duban.supervision.papers;

import com.lowagie.text.pdf.BaseFont;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Chinese fonts of the papers, read from font files the machine has (Debian: fonts-noto-cjk): the PDFs embed
 * the subset of glyphs they use, so they print the same on any machine; the charts are drawn with the sans font.
 * Noto CJK is OpenType with CFF outlines in a collection (.ttc); OpenPDF subsets that, PDFBox's writer cannot.
 */
public final class PaperFonts {
    /** Marks where a font of a collection is chosen: {@code file.ttc,2}. */
    private static final String TTC = ".ttc";

    private final BaseFont serif;
    private final BaseFont sans;
    private final BaseFont sansBold;
    private final Font chart;

    private PaperFonts(BaseFont serif, BaseFont sans, BaseFont sansBold, Font chart) {
        this.serif = serif;
        this.sans = sans;
        this.sansBold = sansBold;
        this.chart = chart;
    }

    /**
     * @param collectionIndex which font of a .ttc to take (the Simplified Chinese one)
     * @throws MissingFontException naming the file that is missing or unreadable, and what provides it
     */
    public static PaperFonts load(String serif, String sans, String sansBold, int collectionIndex) {
        System.setProperty("java.awt.headless", "true"); // a server draws charts without a display
        return new PaperFonts(pdfFont(serif, collectionIndex), pdfFont(sans, collectionIndex),
                pdfFont(sansBold, collectionIndex), awtFont(sans, collectionIndex));
    }

    public BaseFont serif() {
        return serif;
    }

    public BaseFont sans() {
        return sans;
    }

    public BaseFont sansBold() {
        return sansBold;
    }

    /** The sans font for charts, at 1 pt: derive the size wanted. */
    public Font chart() {
        return chart;
    }

    private static BaseFont pdfFont(String file, int index) {
        check(file);
        String name = file.toLowerCase().endsWith(TTC) ? file + "," + index : file;
        try {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException | RuntimeException e) {
            throw new MissingFontException(file, e);
        }
    }

    private static Font awtFont(String file, int index) {
        try {
            Font[] fonts = Font.createFonts(new File(file));
            return fonts[file.toLowerCase().endsWith(TTC) ? Math.min(index, fonts.length - 1) : 0];
        } catch (IOException | FontFormatException e) {
            throw new MissingFontException(file, e);
        }
    }

    private static void check(String file) {
        if (!Files.isReadable(Path.of(file))) {
            throw new MissingFontException(file, null);
        }
    }

    /** The papers cannot be made without their fonts; the message says what a deployment must install. */
    public static final class MissingFontException extends RuntimeException {
        public MissingFontException(String file, Throwable cause) {
            super("Chinese font " + file + " is missing or unreadable: install fonts-noto-cjk (Debian/Ubuntu), "
                    + "google-noto-sans-cjk-ttc-fonts and google-noto-serif-cjk-ttc-fonts (Fedora/UBI), or point "
                    + "duban.papers.fonts.* at a CJK font (docs/papers.md)", cause);
        }
    }
}
