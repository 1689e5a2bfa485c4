package cn.duban.supervision.papers;

import cn.duban.events.Sector;
import cn.duban.supervision.view.Bulletin;
import cn.duban.supervision.view.Scoreboard;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Lays a {@link Bulletin} out on a {@link Paper}, the same in PDF and Word. */
public final class BulletinLayout {
    static final String TITLE = "政府工作报告重点任务督查通报";
    /** The ranking prints the first and last units in full; a county has some thirty units, all fit. */
    private static final int SCORE_TERMS_SHOWN = 7;

    private BulletinLayout() {
    }

    public static String title(Bulletin b) {
        return TITLE + "（" + b.period().title() + "）";
    }

    public static void write(Bulletin b, byte[] sectorChart, byte[] trendChart, Paper paper, String issuer) {
        paper.masthead(issuer);
        paper.title(TITLE);
        paper.subtitle((b.period().weekly() ? "周报 " : "月报 ") + b.period().title());
        paper.subtitle("截至" + Words.date(b.asOf()) + " · " + issuer + "编 · 与上期（截至" + Words.date(b.previousAsOf())
                + "）相比");

        Bulletin.Totals t = b.totals();
        Bulletin.Totals p = b.previous();
        paper.heading(Words.part(1, "总体情况"));
        paper.paragraph(String.format("纳入督办的政府工作报告任务共%d项。截至%s，绿灯%d项、黄灯%d项、红灯%d项，"
                        + "较上期红灯%s项、黄灯%s项；逾期未完成%d项（较上期%s）；已办结%d项，本期新办结%d项。", t.tasks(),
                Words.date(b.asOf()), t.green(), t.yellow(), t.red(), Words.change(t.red() - p.red()),
                Words.change(t.yellow() - p.yellow()), t.overdue(), Words.change(t.overdue() - p.overdue()),
                t.completed(), b.completed().size()));
        List<List<String>> sectorRows = new ArrayList<>();
        for (Bulletin.SectorLine line : b.sectors()) {
            sectorRows.add(sectorRow(line.name(), line.totals(), line.previous()));
        }
        sectorRows.add(sectorRow("合计", t, p));
        paper.table(List.of("领域", "任务数", "绿灯", "黄灯", "红灯", "红灯较上期", "逾期", "已办结"), sectorRows,
                new float[] {3, 2, 2, 2, 2, 2.4f, 2, 2});
        paper.image(sectorChart, BulletinCharts.heightRatio(), "图1　各领域任务亮灯情况");
        paper.image(trendChart, BulletinCharts.heightRatio(), "图2　红黄灯任务走势");

        paper.heading(Words.part(2, "红灯任务（" + b.red().size() + "项）"));
        if (b.red().isEmpty()) {
            paper.paragraph("本期没有红灯任务。");
        } else {
            paper.table(List.of("编号", "任务", "牵头单位", "状态", "滞后天数", "原因"), b.red().stream()
                    .map(r -> List.of(r.id(), r.title(), r.leadUnit(), Words.status(r.status()),
                            r.daysLate() + "天", String.join("；", r.reasons()))).toList(),
                    new float[] {2.4f, 5, 3, 1.6f, 1.6f, 5});
        }

        paper.heading(Words.part(3, "逾期未完成任务（" + b.overdue().size() + "项）"));
        if (b.overdue().isEmpty()) {
            paper.paragraph("本期没有逾期未完成的任务。");
        } else {
            paper.table(List.of("编号", "任务", "牵头单位", "配合单位", "完成时限", "逾期天数", "进度"), b.overdue().stream()
                    .map(r -> List.of(r.id(), r.title(), r.leadUnit(), String.join("、", r.coUnits()),
                            r.deadline().toString(), r.daysLate() + "天", r.percent() + "%")).toList(),
                    new float[] {2.4f, 5, 3, 3, 2.2f, 1.6f, 1.4f});
        }

        paper.heading(Words.part(4, "本期新办结任务（" + b.completed().size() + "项）"));
        if (b.completed().isEmpty()) {
            paper.paragraph("本期没有新办结（销号）的任务。");
        } else {
            paper.table(List.of("编号", "任务", "牵头单位", "完成时限", "办结情况"), b.completed().stream()
                    .map(d -> List.of(d.id(), d.title(), d.leadUnit(), d.deadline().toString(),
                            Words.status(d.status()))).toList(), new float[] {2.4f, 6, 3, 2.2f, 2});
        }

        paper.heading(Words.part(5, "考核排名"));
        paper.paragraph("得分＝基础分60＋按期办结占比×25＋逾期办结占比×10＋按时报送率×15－逾期未办结占比×30－升级督办次数×2，"
                + "配合任务按半项计，限0至100分；排名相同者并列。");
        paper.table(List.of("排名", "单位", "领域", "得分", "得分构成"), b.unitRanking().stream()
                .map(c -> List.of(String.valueOf(c.rank()), c.name(), sectorName(b, c.sector()), c.score().toPlainString(),
                        terms(c))).toList(), new float[] {1.2f, 4, 1.8f, 1.4f, 8});
        paper.table(List.of("排名", "领域", "得分", "得分构成"), b.sectorRanking().stream()
                .map(c -> List.of(String.valueOf(c.rank()), sectorName(b, c.name()), c.score().toPlainString(), terms(c)))
                .toList(), new float[] {1.2f, 3, 1.4f, 10});

        paper.heading(Words.part(6, "主要经济指标完成情况"));
        paper.table(List.of("编号", "指标", "目标", "最近报送", "完成比例", "亮灯"), b.indicators().stream()
                .map(i -> List.of(i.taskId(), i.metric(), Words.number(i.target()) + i.unit(),
                        i.reported() == null ? "未报送" : Words.number(i.reported()) + i.unit(), i.percent() + "%",
                        Words.light(i.light()))).toList(), new float[] {2.4f, 5, 2.4f, 2.4f, 1.8f, 1.4f});

        paper.heading(Words.part(7, "领导批示办理情况（" + b.instructions().size() + "件）"));
        if (b.instructions().isEmpty()) {
            paper.paragraph("本期没有需要办理的领导批示。");
        } else {
            paper.table(List.of("任务", "批示领导", "批示内容", "承办单位", "办理时限", "办理情况"), b.instructions().stream()
                    .map(i -> List.of(i.taskId(), i.leader(), i.text(), String.join("、", i.assignees()),
                            i.dueOn().toString(), Words.of(Words.INSTRUCTION_STATE, i.state())
                                    + (i.overdue() ? "（已逾期）" : "") + (i.answer() == null ? "" : "：" + i.answer())))
                    .toList(), new float[] {2.4f, 3, 5, 3, 2.2f, 4});
        }

        paper.heading(Words.part(8, "督办通知单（" + b.notices().size() + "份）"));
        if (b.notices().isEmpty()) {
            paper.paragraph("本期没有在办的督办通知单。");
        } else {
            paper.table(List.of("文号", "任务", "承办单位", "督办事项", "回复时限", "回执"), b.notices().stream()
                    .map(n -> List.of(n.documentNumber(), n.taskId(), String.join("、", n.units()), n.late(),
                            n.replyBy().toString(), Words.of(Words.NOTICE_STATE, n.state())
                                    + (n.reply() == null ? "" : "：" + n.reply()))).toList(),
                    new float[] {2.6f, 2.4f, 3, 5, 2.2f, 4});
        }
        paper.line(" ", false);
        paper.line(issuer, true);
        paper.line(Words.date(Words.businessDay(b.generatedAt())), true);
    }

    private static List<String> sectorRow(String name, Bulletin.Totals now, Bulletin.Totals before) {
        return List.of(name, String.valueOf(now.tasks()), String.valueOf(now.green()), String.valueOf(now.yellow()),
                String.valueOf(now.red()), Words.change(now.red() - before.red()), String.valueOf(now.overdue()),
                String.valueOf(now.completed()));
    }

    private static String sectorName(Bulletin b, String sector) {
        return Sector.fromId(sector).map(Sector::label).orElse(sector == null ? "" : sector);
    }

    /** 基础分60 ＋按时报送15 －逾期未办结10: each term that counted, with its sign. */
    static String terms(Scoreboard.Card card) {
        return card.terms().stream().filter(term -> term.contribution().signum() != 0).limit(SCORE_TERMS_SHOWN)
                .map(term -> (term.name().equals("base") ? "" : term.contribution().signum() > 0 ? "＋" : "－")
                        + Words.of(Words.SCORE_TERM, term.name()) + term.contribution().abs().stripTrailingZeros()
                        .toPlainString())
                .collect(Collectors.joining(" "));
    }
}
