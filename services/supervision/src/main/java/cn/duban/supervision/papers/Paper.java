package cn.duban.supervision.papers;

import java.util.List;

/**
 * A printed paper in the shape a county office writes them (公文 style: a red masthead, a title, a 文号, numbered
 * parts), laid out once by {@link BulletinLayout} and {@link NoticeLayout} and written as PDF ({@link PdfPaper}) or
 * Word ({@link DocxPaper}).
 */
public interface Paper {

    /** The issuing office's name in red, over a red rule. */
    void masthead(String issuer);

    /** The document's title, centred, large. */
    void title(String title);

    /** A centred line under the title: the 文号, the period. */
    void subtitle(String text);

    /** A part's heading: 一、总体情况. */
    void heading(String text);

    /** A body paragraph, first line indented by two characters. */
    void paragraph(String text);

    /** A paragraph with no indent, e.g. the addressee line or a signature, optionally right-aligned. */
    void line(String text, boolean right);

    /** A table with a header row; {@code widths} are relative column widths. */
    void table(List<String> headers, List<List<String>> rows, float[] widths);

    /** A picture (PNG) across the text width, {@code heightRatio} = height ÷ width. */
    void image(byte[] png, float heightRatio, String caption);

    byte[] finish();
}
