package cn.duban.notifier.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One message in a receiver's outbox: written in the transaction that decides it (a group's flush, a direct
 * message), sent in order per receiver, marked SENT only after the receiver answered. Its id never changes, so a
 * receiver that can (webhook, mail) recognises a repeat.
 */
@Entity
@Table(name = "outbound_message")
public class OutboundMessage extends PanacheEntityBase {

    public enum Status {
        PENDING, SENT, FAILED
    }

    /** The message's stable id (a UUID): what a webhook's and a mail's receiver see. */
    public String id;
    /** Sending order within a receiver. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbound_message_seq")
    @SequenceGenerator(name = "outbound_message_seq", sequenceName = "outbound_message_seq", allocationSize = 50)
    public Long seq;
    public Long receiverId;
    public String groupId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> noticeIds = List.of();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public MessageContent content;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int attempts;
    public OffsetDateTime createdAt;
    public OffsetDateTime nextAttemptAt;
    public OffsetDateTime sentAt;
    public String lastError;

    public static OutboundMessage pending(Long receiverId, String groupId, List<String> noticeIds, MessageContent content) {
        OutboundMessage message = new OutboundMessage();
        message.id = UUID.randomUUID().toString();
        message.receiverId = receiverId;
        message.groupId = groupId;
        message.noticeIds = List.copyOf(noticeIds);
        message.content = content;
        message.status = Status.PENDING;
        message.createdAt = OffsetDateTime.now();
        message.nextAttemptAt = message.createdAt;
        return message;
    }

    public static OutboundMessage byId(String id) {
        return find("id", id).firstResult();
    }

    /** The oldest unsent message of a receiver: its outbox is sent strictly in order. */
    public static OutboundMessage headOf(Long receiverId) {
        return find("receiverId = ?1 and status = ?2 order by seq", receiverId, Status.PENDING).firstResult();
    }

    /** Receivers with a message due at {@code now}. */
    @SuppressWarnings("unchecked")
    public static List<Long> receiversDue(OffsetDateTime now) {
        return getEntityManager().createNativeQuery("""
                select distinct receiver_id from outbound_message where status = 'PENDING' and next_attempt_at <= :now""")
                .setParameter("now", now).getResultList().stream().map(id -> ((Number) id).longValue()).toList();
    }

    /** The messages that carried a notice, newest first. */
    @SuppressWarnings("unchecked")
    public static List<OutboundMessage> carrying(String noticeId) {
        return getEntityManager().createNativeQuery("""
                select * from outbound_message where notice_ids @> cast(:ids as jsonb) order by seq desc""",
                OutboundMessage.class).setParameter("ids", "[\"" + noticeId.replace("\"", "") + "\"]").getResultList();
    }
}
