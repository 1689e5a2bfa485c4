package cn.duban.supervision.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last 文号 given in one year; see V20's comment for why a row and not a sequence. */
@Entity
@Table(name = "notice_counter")
public class NoticeCounter extends PanacheEntityBase {
    @Id
    public int year;
    public int lastNumber;

    /**
     * The next number of {@code year}, taken in the caller's transaction. The upsert locks the year's row until
     * the transaction ends, so a concurrent issue waits and then sees this one's number, or this one's rollback.
     */
    public static int next(int year) {
        return ((Number) getEntityManager().createNativeQuery("""
                insert into notice_counter (year, last_number) values (:year, 1)
                on conflict (year) do update set last_number = notice_counter.last_number + 1
                returning last_number""").setParameter("year", year).getSingleResult()).intValue();
    }
}
