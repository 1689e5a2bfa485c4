package cn.duban.sectorkit.service;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A small JPEG of a photo, upright, for lists on a phone and the office's page. JPEG and PNG only (the JDK reads
 * no HEIC; those show an icon instead). Large photos are read subsampled, so a 50-megapixel picture costs a few MB,
 * not hundreds, and an image claiming absurd dimensions (a decompression bomb) gets no thumbnail at all.
 */
final class Thumbnails {
    private static final long MAX_PIXELS = 200_000_000L;

    private Thumbnails() {
    }

    static Optional<byte[]> of(byte[] image, int longerSide, int orientation) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) {
                    return Optional.empty();
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / (longerSide * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                return Optional.of(jpeg(scaled(reader.read(0, param), longerSide, orientation)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an image the JDK cannot read is still evidence; it just has no thumbnail
        }
    }

    /** Fitted into longerSide × longerSide, turned upright as EXIF orientation 3, 6 or 8 asks, on white. */
    private static BufferedImage scaled(BufferedImage source, int longerSide, int orientation) {
        double scale = Math.min(1.0, (double) longerSide / Math.max(source.getWidth(), source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
        boolean quarterTurn = orientation == 6 || orientation == 8;
        BufferedImage out = new BufferedImage(quarterTurn ? h : w, quarterTurn ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            AffineTransform turn = switch (orientation) {
                case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
                case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
                case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
                default -> new AffineTransform();
            };
            g.transform(turn);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
