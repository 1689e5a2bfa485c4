package cn.duban.notifier.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An aggregation group, as Alertmanager keeps them: the notices one route sends to one receiver with the same
 * values of its groupBy labels, announced together. Times are wall time: they pace real pushes.
 */
@Entity
@Table(name = "notice_group")
public class NoticeGroup extends PanacheEntityBase {
    @Id
    public String id;
    public String routePath;
    public String receiver;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> groupLabels;
    public long groupWaitMs;
    public long groupIntervalMs;
    public long repeatIntervalMs;
    public OffsetDateTime createdAt;
    /** When the group is next looked at; null: nothing to do until a notice changes. */
    public OffsetDateTime nextFlushAt;
    public OffsetDateTime lastFlushAt;

    public Duration groupInterval() {
        return Duration.ofMillis(groupIntervalMs);
    }

    public Duration repeatInterval() {
        return Duration.ofMillis(repeatIntervalMs);
    }

    /** Ids of groups due at {@code now}, oldest due first. */
    @SuppressWarnings("unchecked")
    public static List<String> dueIds(OffsetDateTime now, int limit) {
        return getEntityManager().createNativeQuery(
                "select id from notice_group where next_flush_at <= :now order by next_flush_at limit :n")
                .setParameter("now", now).setParameter("n", limit).getResultList();
    }

    /** The group, locked for this transaction, or null if another replica holds it. */
    public static NoticeGroup lockIfFree(String id) {
        @SuppressWarnings("unchecked")
        List<NoticeGroup> found = getEntityManager().createNativeQuery(
                "select * from notice_group where id = :id for update skip locked", NoticeGroup.class)
                .setParameter("id", id).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * The groups that hold the notice, locked for this transaction in id order, so that two intakes touching the same
     * groups take the locks in the same order and never wait on each other in a circle.
     */
    public static List<NoticeGroup> holdingForUpdate(String noticeId) {
        return find("id in (select m.key.groupId from GroupMember m where m.key.noticeId = ?1) order by id", noticeId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
