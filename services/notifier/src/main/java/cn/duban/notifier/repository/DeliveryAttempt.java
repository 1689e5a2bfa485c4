package cn.duban.notifier.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;

/** One attempt to deliver a message and the receiver's answer: the delivery log. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt extends PanacheEntity {

    public enum Outcome {
        /** The receiver took it. */
        DELIVERED,
        /** Not taken; tried again later. */
        FAILED,
        /** Not taken, and this was the last try (given up). */
        GAVE_UP
    }

    public String messageId;
    public Long receiverId;
    public OffsetDateTime attemptedAt;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    public Integer statusCode;
    /** What the receiver said (its body, cut to 1,000 characters), or why no answer came. */
    public String answer;
    public long durationMs;

    /** Attempts at a receiver since {@code since}: what its rate limit counts. */
    public static long countSince(Long receiverId, OffsetDateTime since) {
        return count("receiverId = ?1 and attemptedAt > ?2", receiverId, since);
    }

    /** The oldest attempt at a receiver since {@code since}: when the window frees a place. */
    public static OffsetDateTime oldestSince(Long receiverId, OffsetDateTime since) {
        DeliveryAttempt first = find("receiverId = ?1 and attemptedAt > ?2 order by attemptedAt", receiverId, since)
                .firstResult();
        return first == null ? null : first.attemptedAt;
    }

    public static List<DeliveryAttempt> of(String messageId) {
        return list("messageId = ?1 order by attemptedAt, id", messageId);
    }
}
