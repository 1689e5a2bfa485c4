-- The office confirmed (or replaced) a task's assignment field whose value the report does not state (docs/ledger.md,
-- "What the report names"): lead unit, co-units, leader, deadline, planned start, reporting cycle. One row per field;
-- a later confirmation of the same field replaces the row, the audit trail keeps every one.
create table task_field_confirmation (
    task_id      text not null,
    field        text not null,
    confirmed_at timestamptz not null,
    confirmed_by text not null,
    -- the value before the office replaced it, as JSON; null when confirmed as it stood
    replaced     text,
    primary key (task_id, field)
);
