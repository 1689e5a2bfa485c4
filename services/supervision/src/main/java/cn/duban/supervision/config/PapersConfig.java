package cn.duban.supervision.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.DayOfWeek;
import java.time.LocalTime;

/** Leaders' papers (docs/papers.md): fonts, the notices' 时限, and the weekly bulletin's delivery. */
@ConfigMapping(prefix = "duban.papers")
public interface PapersConfig {

    Fonts fonts();

    Notices notices();

    Delivery delivery();

    /** How often notices, instructions and the Monday bulletin are checked against the business clock (PaperDeadlines). */
    @WithDefault("30s")
    java.time.Duration checkEvery();

    /**
     * The Chinese fonts the PDFs embed (subset) and the charts are drawn with. Debian's and Ubuntu's fonts-noto-cjk
     * put them here; any OpenType/TrueType collection or font with Simplified Chinese glyphs will do.
     */
    interface Fonts {
        /** Body text (宋体-like serif). */
        @WithDefault("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
        String serif();

        /** Headings, tables and charts (黑体-like sans). */
        @WithDefault("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
        String sans();

        @WithDefault("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")
        String sansBold();

        /** Which font of a collection (.ttc): the Simplified Chinese one, 2 in Noto CJK (jp, kr, sc, tc, hk). */
        @WithDefault("2")
        int collectionIndex();
    }

    interface Notices {
        /** 时限: days from issue to the end of which the units must reply, when the office names no date. */
        @WithDefault("5")
        int replyWithinDays();
    }

    interface Delivery {
        /** Whether the weekly 督查通报 is announced (BulletinIssued) for the notifier to mail to the leaders. */
        @WithDefault("true")
        boolean enabled();

        /** On which day and from what business time the previous week's bulletin goes out. */
        @WithDefault("MONDAY")
        DayOfWeek day();

        @WithDefault("08:30")
        LocalTime at();
    }
}
