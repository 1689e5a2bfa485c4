package cn.duban.supervision.view;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a 督查通报 says, as data: the documents (papers/BulletinPdf, papers/BulletinDocx) only lay it out, and the
 * tests check it against the ledger. Every figure is the ledger at the end of {@code asOf}, from recorded facts.
 *
 * @param previousAsOf the last day of the period before, which the changes are counted from
 */
public record Bulletin(BulletinPeriod period, LocalDate asOf, LocalDate previousAsOf, OffsetDateTime generatedAt,
        Totals totals, Totals previous, List<SectorLine> sectors, List<LateTask> red, List<LateTask> overdue,
        List<DoneTask> completed, List<Scoreboard.Card> unitRanking, List<Scoreboard.Card> sectorRanking,
        List<TrendPoint> trend, List<IndicatorLine> indicators, List<InstructionLine> instructions,
        List<NoticeLine> notices) {

    /** How many tasks in all, by light, overdue (status) and completed (verified). */
    public record Totals(int tasks, int green, int yellow, int red, int overdue, int completed) {
        public static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0);

        public Totals plus(Totals o) {
            return new Totals(tasks + o.tasks, green + o.green, yellow + o.yellow, red + o.red, overdue + o.overdue,
                    completed + o.completed);
        }
    }

    /** One sector's totals now and at the end of the period before. */
    public record SectorLine(String sector, String name, Totals totals, Totals previous) {
    }

    /** A RED or overdue task: why, who answers for it, and how many days it is late at {@code asOf} (0 if not yet). */
    public record LateTask(String id, String sector, String title, String leadUnit, List<String> coUnits, String leader,
            LocalDate deadline, String status, int percent, int daysLate, List<String> reasons) {
    }

    /** A task verified complete by {@code asOf} that was not at the end of the period before. */
    public record DoneTask(String id, String sector, String title, String leadUnit, LocalDate deadline, String status) {
    }

    /** Tasks by light at the end of one day. */
    public record TrendPoint(LocalDate day, int green, int yellow, int red) {
    }

    /** A headline indicator's target against what was last reported by {@code asOf}. */
    public record IndicatorLine(String taskId, String title, String metric, String unit, BigDecimal target,
            BigDecimal reported, int percent, String light) {
    }

    /** A 领导批示 as it stood at {@code asOf}. */
    public record InstructionLine(String id, String taskId, String leader, String text, List<String> assignees,
            LocalDate dueOn, String state, boolean overdue, String answer) {
    }

    /** A 督办通知单 as it stood at {@code asOf}. */
    public record NoticeLine(String number, String documentNumber, String taskId, List<String> units, String late,
            LocalDate replyBy, String state, String reply) {
    }
}
