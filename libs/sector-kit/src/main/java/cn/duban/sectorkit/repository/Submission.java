package cn.duban.sectorkit.repository;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Whatever a unit submitted and this service accepted (report, correction, acknowledgement, extension
 * request, completion claim), with the event that carries it to supervision.
 */
@Entity
@Table(name = "submission")
public class Submission {
    @Id
    public String id;
    public String eventId;
    public String taskId;
    /** The event type name, e.g. ProgressReported. */
    public String kind;
    public String unit;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode payload;
    public String createdBy;
    public OffsetDateTime createdAt;
}
