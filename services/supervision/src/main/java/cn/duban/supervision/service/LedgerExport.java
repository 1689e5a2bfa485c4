package cn.duban.supervision.service;

import cn.duban.events.Sector;
import cn.duban.events.progress.EvidenceFile;
import cn.duban.supervision.engine.AlertState;
import cn.duban.supervision.engine.TaskCounts;
import cn.duban.supervision.engine.UnitFacts;
import cn.duban.supervision.ledger.Provenance;
import cn.duban.supervision.ledger.SheetRow.Cell;
import cn.duban.supervision.ledger.XlsxSheet;
import cn.duban.supervision.repository.Alert;
import cn.duban.supervision.repository.FieldConfirmation;
import cn.duban.supervision.repository.ProgressReport;
import cn.duban.supervision.repository.Task;
import cn.duban.supervision.view.Scoreboard;
import cn.duban.supervision.view.TaskFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The office's workbooks: the ledger with each task's current standing, and the scorecards (docs/dashboard.md). */
@ApplicationScoped
public class LedgerExport {
    /** Fields the report does not state and the office has not confirmed carry {@link #ASSUMED} (docs/ledger.md). */
    public static final List<String> LEDGER_HEADER = List.of("任务编号", "领域", "任务名称", "牵头单位", "配合单位",
            "责任领导", "完成时限", "状态", "亮灯", "完成进度(%)", "计划进度(%)", "未办结督办单", "最近报送日期", "完成时限依据");
    public static final String ASSUMED = "（推定）";
    /** The second sheet of the ledger: every piece of evidence of the listed tasks' reports, files and links. */
    public static final List<String> EVIDENCE_HEADER = List.of("任务编号", "报告编号", "报送截至日期", "报送单位", "佐证材料",
            "类型", "大小(字节)", "SHA-256", "拍摄时间", "拍摄地点", "提示", "地址");
    public static final List<String> SCORE_HEADER = List.of("排名", "名称", "领域", "得分", "牵头任务", "按期办结",
            "逾期办结", "逾期未办结", "配合任务", "应报送", "按时报送", "升级督办");

    @Inject
    EntityManager entityManager;

    @Inject
    TaskQueries queries;

    /** The tasks the filter matches as the caller may see them, one row each in id order (the page's 导出). */
    public byte[] ledger(TaskFilter filter) {
        return ledger(queries.all(filter));
    }

    /**
     * One row per task, in the order given; open alerts are those not yet resolved, acknowledged or not. A second
     * sheet lists the evidence of those tasks' reports.
     */
    byte[] ledger(List<Task> tasks) {
        Map<String, Long> openAlerts = Alert.<Alert>list("state <> ?1", AlertState.RESOLVED).stream()
                .collect(Collectors.groupingBy(a -> a.taskId, Collectors.counting()));
        Map<String, LocalDate> latestReport = latestReports();
        Map<String, List<String>> confirmed = FieldConfirmation.fieldsOf(tasks.stream().map(t -> t.id).toList());
        List<List<Cell>> rows = tasks.stream().map(t -> {
            Map<String, Provenance.Field> from = TaskProvenance.of(t, confirmed.getOrDefault(t.id, List.of()));
            return List.of(Cell.of(t.id), Cell.of(sectorLabel(t.sector)), Cell.of(t.title),
                    Cell.of(marked(t.leadUnit, from.get("leadUnit"))),
                    Cell.of(marked(t.coUnits.isEmpty() ? "无" : String.join("、", t.coUnits), from.get("coUnits"))),
                    Cell.of(marked(t.leader, from.get("leader"))), Cell.ofNullable(t.deadline),
                    Cell.of(t.status.label()), Cell.of(t.light.label()), Cell.of(t.percent), Cell.of(t.expectedPercent),
                    Cell.of(openAlerts.getOrDefault(t.id, 0L)), Cell.ofNullable(latestReport.get(t.id)),
                    Cell.of(basis(from.get("deadline"))));
        }).toList();
        return XlsxSheet.write(List.of(new XlsxSheet.Table("任务台账", LEDGER_HEADER, rows),
                new XlsxSheet.Table("佐证材料", EVIDENCE_HEADER, evidenceRows(tasks))));
    }

    private static String marked(String value, Provenance.Field from) {
        return from.source() == Provenance.Source.ASSUMED ? value + ASSUMED : value;
    }

    /** Where the deadline comes from: the report's words, the office, or neither. */
    private static String basis(Provenance.Field from) {
        return switch (from.source()) {
            case REPORT -> "报告原文「" + from.quote() + "」";
            case CONFIRMED -> "督查室确认";
            case ASSUMED -> "推定（报告未写明）";
        };
    }

    /** Each evidence entry of each report, newest report first per task: an uploaded file with what it says, or a link. */
    private List<List<Cell>> evidenceRows(List<Task> tasks) {
        Map<String, Task> listed = tasks.stream().collect(Collectors.toMap(t -> t.id, t -> t, (a, b) -> a));
        @SuppressWarnings("unchecked")
        List<ProgressReport> withEvidence = entityManager.createNativeQuery("""
                select * from progress_report where evidence <> cast('[]' as jsonb)
                order by task_id, as_of desc, reported_at desc""", ProgressReport.class).getResultList();
        Map<String, List<ProgressReport>> reports = withEvidence.stream().filter(r -> listed.containsKey(r.taskId))
                .collect(Collectors.groupingBy(r -> r.taskId));
        List<List<Cell>> rows = new ArrayList<>();
        for (Task task : tasks) {
            for (ProgressReport r : reports.getOrDefault(task.id, List.of())) {
                Map<String, EvidenceFile> files = (r.evidenceFiles == null ? List.<EvidenceFile>of() : r.evidenceFiles)
                        .stream().collect(Collectors.toMap(EvidenceFile::id, f -> f, (a, b) -> a));
                for (String entry : r.evidence) {
                    EvidenceFile f = files.get(entry);
                    rows.add(f == null
                            ? List.of(Cell.of(task.id), Cell.of(r.reportId), Cell.of(r.asOf), Cell.of(r.unit), Cell.of(entry),
                                    Cell.of("链接"), Cell.of(""), Cell.of(""), Cell.of(""), Cell.of(""),
                                    Cell.of("未上传文件,无法核验"), Cell.of(entry))
                            : List.of(Cell.of(task.id), Cell.of(r.reportId), Cell.of(r.asOf), Cell.of(r.unit),
                                    Cell.of(f.name() == null ? f.id() : f.name()), Cell.of(f.contentType()), Cell.of(f.size()),
                                    Cell.of(f.sha256()), Cell.of(f.takenAt() == null ? "" : f.takenAt().toString()),
                                    Cell.of(f.place() == null ? "" : "%.5f, %.5f".formatted(f.place().latitude(), f.place().longitude())),
                                    Cell.of(f.takenBeforePeriod() ? "拍摄时间早于报告期" : ""),
                                    Cell.of("/api/" + task.sector + "/evidence/" + f.id())));
                }
            }
        }
        return rows;
    }

    /** Two sheets: units ranked, then sectors ranked, each with the facts its score comes from. */
    public byte[] scorecards(Scoreboard board) {
        return XlsxSheet.write(List.of(new XlsxSheet.Table("单位排名", SCORE_HEADER, scoreRows(board.units())),
                new XlsxSheet.Table("领域排名", SCORE_HEADER, scoreRows(board.sectors()))));
    }

    private static List<List<Cell>> scoreRows(List<Scoreboard.Card> cards) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Scoreboard.Card card : cards) {
            UnitFacts f = card.facts();
            TaskCounts led = f.led();
            rows.add(List.of(Cell.of(card.rank()), Cell.of(card.name()), Cell.of(card.sector() == null ? "" : sectorLabel(card.sector())),
                    Cell.of(card.score()), Cell.of(led.tasks()), Cell.of(led.completedOnTime()), Cell.of(led.completedLate()),
                    Cell.of(led.openOverdue()), Cell.of(f.tasksCoLed()), Cell.of(f.reportsDue()), Cell.of(f.reportsOnTime()),
                    Cell.of(f.escalations())));
        }
        return rows;
    }

    private static String sectorLabel(String sector) {
        return Sector.fromId(sector).map(Sector::label).orElse(sector);
    }

    private Map<String, LocalDate> latestReports() {
        Map<String, LocalDate> latest = new HashMap<>();
        entityManager.createQuery("select r.taskId, max(r.asOf) from ProgressReport r group by r.taskId", Object[].class)
                .getResultList().forEach(row -> latest.put((String) row[0], (LocalDate) row[1]));
        return latest;
    }
}
