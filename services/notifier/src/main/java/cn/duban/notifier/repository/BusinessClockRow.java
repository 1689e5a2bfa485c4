package cn.duban.notifier.repository;

import cn.duban.platform.persistence.SingleRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The offset of business time from wall time, as the newest alert event showed it; kept across restarts. */
@Entity
@Table(name = "business_clock")
public class BusinessClockRow extends SingleRow {
    public long offsetMs;
    public OffsetDateTime seenAt;
}
