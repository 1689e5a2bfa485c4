package cn.duban.supervision.papers;

import cn.duban.supervision.repository.Notice;
import cn.duban.supervision.repository.Task;
import java.util.List;

/** Lays a 督办通知单 out on a {@link Paper}: addressees, what is late, the requirement, the 时限, and the 回执. */
public final class NoticeLayout {
    public static final String TITLE = "督办通知单";

    private NoticeLayout() {
    }

    public static void write(Notice notice, Task task, Paper paper, String issuer) {
        paper.masthead(issuer);
        paper.title(TITLE);
        paper.subtitle("督办" + notice.documentNumber());
        List<String> units = notice.units;
        String addressees = units.isEmpty() ? "" : units.get(0) + (units.size() > 1 ? "（牵头），"
                + String.join("、", units.subList(1, units.size())) + "（配合）" : "");
        paper.line(addressees + "：", false);
        paper.paragraph("根据" + task.year + "年政府工作报告任务台账，由你单位负责的“" + task.title + "”（任务编号" + task.id
                + "，完成时限" + Words.date(task.deadline) + "，责任领导：" + task.leader + "）"
                + (notice.automatic ? "经预警督办仍未整改，已升级至县政府督查室。" : "经督查发现以下问题。"));
        paper.paragraph("存在问题：" + notice.late);
        paper.paragraph("督办要求：" + notice.requirement);
        paper.paragraph("请于" + Words.date(notice.replyBy) + "前将办理情况书面回执县政府督查室（可通过督办系统手机端或接口报送）。"
                + "逾期未回执的，提请责任领导督办，并在督查通报中通报。");
        paper.table(List.of("任务编号", "任务名称", "牵头单位", "配合单位", "完成时限", "当前状态"),
                List.of(List.of(task.id, task.title, task.leadUnit, String.join("、", task.coUnits),
                        task.deadline.toString(), task.status.label() + "·"
                                + task.light.label() + "·进度" + task.percent + "%")),
                new float[] {2.4f, 5, 3, 3, 2.2f, 2.6f});
        paper.line(" ", false);
        paper.line(issuer, true);
        paper.line(Words.date(Words.businessDay(notice.trail.issuedAt)), true);

        paper.heading("回执");
        if (notice.state == Notice.State.REPLIED) {
            paper.table(List.of("回执单位", "回执人", "回执时间", "办理情况"), List.of(List.of(units.isEmpty() ? "" : units.get(0),
                    notice.trail.answeredBy, Words.time(notice.trail.answeredAt), notice.trail.answer)),
                    new float[] {3, 2, 3, 8});
        } else {
            paper.table(List.of("回执单位", "回执人", "回执时间", "办理情况"),
                    List.of(List.of(units.isEmpty() ? "" : units.get(0), "", "", Words.of(Words.NOTICE_STATE,
                            notice.state.name()))), new float[] {3, 2, 3, 8});
        }
    }
}
