package cn.duban.supervision.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 领导批示: a leader's written instruction on a task, tracked like an alert until the units answer it. */
@Entity
@Table(name = "instruction")
public class Instruction extends PanacheEntityBase implements Paper {

    /** ISSUED → ACKNOWLEDGED (签收) → ANSWERED (办理结果), as its {@link #trail} records them; overdue is a mark ({@link #overdueAt}), not a state. */
    public enum State {
        ISSUED, ACKNOWLEDGED, ANSWERED
    }

    @Id
    public String id;
    public String taskId;
    public String text;
    public String leader;
    public String leaderPost;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> assignees;
    public LocalDate dueOn;
    @Enumerated(EnumType.STRING)
    public State state;
    @Embedded
    @AttributeOverride(name = "receivedAt", column = @Column(name = "acknowledged_at"))
    @AttributeOverride(name = "receivedBy", column = @Column(name = "acknowledged_by"))
    public PaperTrail trail;
    public OffsetDateTime overdueAt;

    public static Optional<Instruction> of(String taskId, String id) {
        return Instruction.<Instruction>find("id = ?1 and taskId = ?2", id, taskId).firstResultOptional();
    }

    public static List<Instruction> ofTask(String taskId) {
        return list("taskId = ?1 order by trail.issuedAt", taskId);
    }

    /** Unanswered instructions due before {@code today} not yet marked overdue. */
    public static List<Instruction> newlyOverdue(LocalDate today) {
        return list("state <> ?1 and dueOn < ?2 and overdueAt is null order by trail.issuedAt", State.ANSWERED, today);
    }

    /** Instructions issued before {@code to}, oldest first: what a bulletin as of {@code to} can know of. */
    public static List<Instruction> issuedBefore(OffsetDateTime to) {
        return list("trail.issuedAt < ?1 order by trail.issuedAt", to);
    }

    @Override
    public String label() {
        return id;
    }

    @Override
    public PaperTrail trail() {
        return trail;
    }

    /** 签收 moves ISSUED to ACKNOWLEDGED; once acknowledged or answered, a receipt changes nothing. */
    @Override
    public boolean receive(String actor, OffsetDateTime at) {
        if (state != State.ISSUED) {
            return false;
        }
        state = State.ACKNOWLEDGED;
        trail.receive(actor, at);
        return true;
    }

    /** 办理结果: late after {@link #dueOn}. */
    @Override
    public boolean answer(String text, String actor, OffsetDateTime at) {
        boolean late = at.toLocalDate().isAfter(dueOn);
        state = State.ANSWERED;
        trail.answer(text, actor, at);
        return late;
    }
}
