package cn.duban.platform.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An event written in the same transaction as the change it announces, waiting for the relay to publish it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    /** Relay order: a process's events leave in the order it wrote them (docs/operations.md, Scaling, says more). */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_event_seq")
    @SequenceGenerator(name = "outbox_event_seq", sequenceName = "outbox_event_seq", allocationSize = 50) // so inserts batch
    public Long id;

    @Column(nullable = false, unique = true)
    public String eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "event_key", nullable = false)
    public String key;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, String> headers;

    @Column(nullable = false)
    public String payload;

    @Column(nullable = false)
    public OffsetDateTime createdAt;

    public OffsetDateTime publishedAt;

    /** The W3C traceparent of the request or event that wrote this row, so its record continues that trace. */
    public String traceparent;
}
