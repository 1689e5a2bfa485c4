package cn.duban.notifier.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The offset of business time from wall time, as the newest alert event showed it; kept across restarts. */
@Entity
@Table(name = "business_clock")
public class BusinessClockRow extends PanacheEntityBase {
    public static final int THE_ONE = 1;

    @Id
    public Integer id = THE_ONE;
    public long offsetMs;
    public OffsetDateTime seenAt;
}
