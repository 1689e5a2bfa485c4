package cn.duban.notifier.repository;

import cn.duban.notifier.routing.RouteSpec;
import cn.duban.platform.persistence.SingleRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The office's routing tree: one row, replaced whole. */
@Entity
@Table(name = "routing_tree")
public class StoredRoutes extends SingleRow {
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public RouteSpec tree;
    public OffsetDateTime updatedAt;
    public String updatedBy;
}
