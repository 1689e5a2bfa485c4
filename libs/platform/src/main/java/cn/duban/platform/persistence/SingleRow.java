package cn.duban.platform.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** A table of one row: a service's single record of something (a clock offset, a routing tree), replaced in place. */
@MappedSuperclass
public abstract class SingleRow extends PanacheEntityBase {
    public static final int THE_ONE = 1;

    @Id
    public Integer id = THE_ONE;
}
