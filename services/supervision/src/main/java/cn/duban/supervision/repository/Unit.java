package cn.duban.supervision.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A government unit (县农业农村局 …): it belongs to one sector and answers to one county leader. */
@Entity
@Table(name = "unit")
public class Unit extends PanacheEntityBase {
    @Id
    public String name;
    public String sector;
    public String leader;
}
