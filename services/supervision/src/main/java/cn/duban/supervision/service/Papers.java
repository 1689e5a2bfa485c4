package cn.duban.supervision.service;

import cn.duban.platform.rest.DubanException;
import cn.duban.supervision.config.PapersConfig;
import cn.duban.supervision.papers.BulletinCharts;
import cn.duban.supervision.papers.BulletinLayout;
import cn.duban.supervision.papers.DocxPaper;
import cn.duban.supervision.papers.NoticeLayout;
import cn.duban.supervision.papers.Paper;
import cn.duban.supervision.papers.PaperFonts;
import cn.duban.supervision.papers.PdfPaper;
import cn.duban.supervision.repository.Notice;
import cn.duban.supervision.repository.Task;
import cn.duban.supervision.view.Bulletin;
import cn.duban.text.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/** Makes the leaders' papers: the 督查通报 as PDF and Word, and a 督办通知单 as PDF (docs/papers.md). */
@ApplicationScoped
public class Papers {
    private static final Logger LOG = Logger.getLogger(Papers.class);
    public static final String PDF = "application/pdf";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Inject
    PapersConfig config;

    @Inject
    Bulletins bulletins;

    @Inject
    NoticeDesk notices;

    @Inject
    PaperAccess paperAccess;

    private volatile PaperFonts fonts;

    /** A document to download, named in ASCII for old clients and in Chinese for the rest. */
    public record Download(byte[] bytes, String mediaType, String asciiName, String name) {
    }

    public Download bulletin(String period, LocalDate asOf, boolean pdf) {
        Bulletin bulletin = bulletins.compose(period, asOf);
        PaperFonts f = fonts();
        BulletinCharts charts = new BulletinCharts(f);
        byte[] sectors = charts.lightsBySector(bulletin);
        byte[] trend = charts.redYellowTrend(bulletin);
        String title = BulletinLayout.title(bulletin);
        String base = "bulletin-" + bulletin.period().code() + "-" + bulletin.asOf();
        String name = "督查通报-" + bulletin.period().code() + "-截至" + bulletin.asOf();
        if (pdf) {
            return new Download(pdf(f, title, paper -> BulletinLayout.write(bulletin, sectors, trend, paper,
                    AlertDesk.OFFICE)), PDF, base + ".pdf", name + ".pdf");
        }
        DocxPaper paper = new DocxPaper(title);
        BulletinLayout.write(bulletin, sectors, trend, paper, AlertDesk.OFFICE);
        return new Download(paper.finish(), DOCX, base + ".docx", name + ".docx");
    }

    /** The notice as printed, for a caller who may read its task. */
    public Download notice(String taskId, String number) {
        paperAccess.readable(taskId);
        Notice notice = notices.find(taskId, number);
        Task task = Task.findById(taskId);
        byte[] bytes = pdf(fonts(), NoticeLayout.TITLE + notice.documentNumber(),
                paper -> NoticeLayout.write(notice, task, paper, AlertDesk.OFFICE));
        return new Download(bytes, PDF, "notice-" + notice.id + ".pdf", "督办通知单" + notice.documentNumber() + ".pdf");
    }

    /**
     * OpenPDF's embedded fonts share one file reader between the documents using them, so PDFs are written one at a
     * time; a bulletin takes well under a second.
     */
    private byte[] pdf(PaperFonts f, String title, java.util.function.Consumer<Paper> layout) {
        synchronized (f) {
            PdfPaper paper = new PdfPaper(f, title);
            layout.accept(paper);
            return paper.finish();
        }
    }

    /** Loaded on first use; a missing font is a 503 naming what to install, not a crash at start. */
    PaperFonts fonts() {
        PaperFonts loaded = fonts;
        if (loaded == null) {
            synchronized (this) {
                if (fonts == null) {
                    PapersConfig.Fonts f = config.fonts();
                    try {
                        fonts = PaperFonts.load(f.serif(), f.sans(), f.sansBold(), f.collectionIndex());
                    } catch (PaperFonts.MissingFontException e) {
                        LOG.error(e.getMessage(), e);
                        throw DubanException.refused(503, "fonts-missing", Text.of("服务器缺少中文字体", "Chinese fonts missing"),
                                Text.of("服务器缺少生成公文所需的中文字体（%s），请管理员安装 fonts-noto-cjk",
                                        "the server lacks the Chinese fonts the papers need (%s): install fonts-noto-cjk",
                                        f.sans()));
                    }
                }
                loaded = fonts;
            }
        }
        return loaded;
    }
}
