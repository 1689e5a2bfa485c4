-- What evaluation reads of a task's reports (ReportDigest) through an index, a row or a few per task, however many
-- reports the task has had: when the office last received one, and the few reports that say a milestone was reached.
-- The latest report by as-of date already has progress_report_task_idx.
create index progress_report_received_idx on progress_report (task_id, received_at);
create index progress_report_milestones_idx on progress_report (task_id, as_of)
    where milestones_reached <> cast('[]' as jsonb);
