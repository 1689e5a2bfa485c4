package cn.duban.supervision.repository;

/** What a unit asks the office to decide (延期申请, 办结申请): one workflow for both ({@code OfficeDecisions}). */
public interface OfficeRequest {

    String taskId();

    OfficeDecision decision();

    /** The audit trail's name of the workflow: {@code extension} or {@code completion}. */
    String workflow();
}
