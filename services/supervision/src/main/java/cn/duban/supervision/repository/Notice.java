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

/** 督办通知单: a numbered formal notice to a task's units, from issue to their reply (回执). */
@Entity
@Table(name = "notice")
public class Notice extends PanacheEntityBase implements Paper {

    /** ISSUED → RECEIVED (签收) → REPLIED; ISSUED or RECEIVED → OVERDUE when the 时限 passes; a late reply still counts. */
    public enum State {
        ISSUED, RECEIVED, REPLIED, OVERDUE
    }

    @Id
    public String id;
    public int year;
    public int number;
    public String taskId;
    public String alertId;
    public boolean automatic;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> units;
    public String late;
    public String requirement;
    public LocalDate replyBy;
    @Enumerated(EnumType.STRING)
    public State state;
    public String issuedBy;
    @Embedded
    @AttributeOverride(name = "answeredAt", column = @Column(name = "replied_at"))
    @AttributeOverride(name = "answeredBy", column = @Column(name = "replied_by"))
    @AttributeOverride(name = "answer", column = @Column(name = "reply"))
    public PaperTrail trail;
    public OffsetDateTime escalatedAt;
    public String escalatedTo;

    /** The path's {number}: year and number, e.g. 2022-7. */
    public static String idOf(int year, int number) {
        return year + "-" + number;
    }

    /** The 文号 as printed: 〔2022〕第7号. */
    public String documentNumber() {
        return "〔" + year + "〕第" + number + "号";
    }

    public static Optional<Notice> of(String taskId, String id) {
        return Notice.<Notice>find("id = ?1 and taskId = ?2", id, taskId).firstResultOptional();
    }

    public static List<Notice> ofTask(String taskId) {
        return list("taskId = ?1 order by trail.issuedAt", taskId);
    }

    /** Notices still awaiting a reply whose 时限 ended before {@code today}. */
    public static List<Notice> unansweredPast(LocalDate today) {
        return list("state in ?1 and replyBy < ?2 order by trail.issuedAt", List.of(State.ISSUED, State.RECEIVED), today);
    }

    /** Notices issued before {@code to}, by number: what a bulletin as of {@code to} can know of. */
    public static List<Notice> issuedBefore(OffsetDateTime to) {
        return list("trail.issuedAt < ?1 order by year, number", to);
    }

    /** The 文号. */
    @Override
    public String label() {
        return documentNumber();
    }

    @Override
    public PaperTrail trail() {
        return trail;
    }

    /** 签收: the first receipt counts, none after the reply; ISSUED becomes RECEIVED, an OVERDUE notice stays OVERDUE. */
    @Override
    public boolean receive(String actor, OffsetDateTime at) {
        if (state == State.REPLIED || !trail.receive(actor, at)) {
            return false;
        }
        if (state == State.ISSUED) {
            state = State.RECEIVED;
        }
        return true;
    }

    /** 回执: late when the notice went OVERDUE before it came. */
    @Override
    public boolean answer(String text, String actor, OffsetDateTime at) {
        boolean late = state == State.OVERDUE;
        state = State.REPLIED;
        trail.answer(text, actor, at);
        return late;
    }
}
