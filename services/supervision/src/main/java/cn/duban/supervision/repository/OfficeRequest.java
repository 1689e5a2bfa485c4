package cn.duban.supervision.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embedded;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * What a unit asks the office to decide (延期申请, 办结申请): one workflow for both ({@code OfficeDecisions}), so the
 * same columns for who asked about which task and the office's decision.
 */
@MappedSuperclass
public abstract class OfficeRequest extends PanacheEntityBase {
    @Id
    public String id;
    public String taskId;
    public String unit;
    @Embedded
    public OfficeDecision decision = new OfficeDecision();

    /** The audit trail's name of the workflow: {@code extension} or {@code completion}. */
    public abstract String workflow();

    /** The decision that grants what was asked: APPROVED (an extension) or VERIFIED (a completion, 销号). */
    public abstract OfficeDecision.State granted();
}
