package cn.duban.supervision.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** How a receipt (签收) and an answer move a notice's and an instruction's own states along their shared trail. */
class PaperStatesTest {
    static final OffsetDateTime ISSUED = OffsetDateTime.parse("2022-06-01T09:00+08:00");
    static final OffsetDateTime NEXT_DAY = ISSUED.plusDays(1);

    static Notice notice(Notice.State state) {
        Notice notice = new Notice();
        notice.year = 2022;
        notice.number = 7;
        notice.state = state;
        notice.trail = new PaperTrail(ISSUED);
        return notice;
    }

    static Instruction instructionDue(LocalDate dueOn) {
        Instruction instruction = new Instruction();
        instruction.id = "IN-1";
        instruction.dueOn = dueOn;
        instruction.state = Instruction.State.ISSUED;
        instruction.trail = new PaperTrail(ISSUED);
        return instruction;
    }

    @Test
    void a_notice_counts_its_first_receipt_only_and_an_overdue_one_stays_overdue() {
        Notice issued = notice(Notice.State.ISSUED);
        assertThat(issued.receive("县农业农村局", ISSUED)).isTrue();
        assertThat(issued.state).isEqualTo(Notice.State.RECEIVED);
        assertThat(issued.receive("someone else", NEXT_DAY)).isFalse();
        assertThat(issued.trail.receivedBy).isEqualTo("县农业农村局");

        Notice overdue = notice(Notice.State.OVERDUE);
        assertThat(overdue.receive("县农业农村局", NEXT_DAY)).isTrue();
        assertThat(overdue.state).isEqualTo(Notice.State.OVERDUE);
    }

    @Test
    void a_notice_reply_is_late_when_the_notice_went_overdue_first() {
        Notice received = notice(Notice.State.RECEIVED);
        assertThat(received.answer("已整改", "县农业农村局", NEXT_DAY)).isFalse();
        assertThat(received.state).isEqualTo(Notice.State.REPLIED);
        assertThat(received.trail.isAnswered()).isTrue();
        assertThat(received.receive("县农业农村局", NEXT_DAY.plusDays(1))).isFalse();

        assertThat(notice(Notice.State.OVERDUE).answer("已整改", "县农业农村局", NEXT_DAY)).isTrue();
        assertThat(notice(Notice.State.ISSUED).label()).isEqualTo("〔2022〕第7号");
    }

    @Test
    void an_instruction_is_acknowledged_once_and_never_after_its_answer() {
        Instruction instruction = instructionDue(LocalDate.of(2022, 6, 30));
        assertThat(instruction.receive("县工业和信息化局", ISSUED)).isTrue();
        assertThat(instruction.state).isEqualTo(Instruction.State.ACKNOWLEDGED);
        assertThat(instruction.receive("县工业和信息化局", NEXT_DAY)).isFalse();

        Instruction answered = instructionDue(LocalDate.of(2022, 6, 30));
        answered.answer("已办结", "县工业和信息化局", NEXT_DAY);
        assertThat(answered.state).isEqualTo(Instruction.State.ANSWERED);
        assertThat(answered.trail.receivedAt).isEqualTo(NEXT_DAY);
        assertThat(answered.receive("县工业和信息化局", NEXT_DAY)).isFalse();
        assertThat(answered.label()).isEqualTo("IN-1");
    }

    @Test
    void an_instruction_answer_is_late_only_after_its_due_day() {
        assertThat(instructionDue(NEXT_DAY.toLocalDate()).answer("已办结", "县工业和信息化局", NEXT_DAY)).isFalse();
        assertThat(instructionDue(ISSUED.toLocalDate()).answer("已办结", "县工业和信息化局", NEXT_DAY)).isTrue();
    }
}
