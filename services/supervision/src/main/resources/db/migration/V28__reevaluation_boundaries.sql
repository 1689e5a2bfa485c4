-- Re-evaluation evaluates only what can have changed (issue 20).

-- The first business date on which a task's evaluation may change with no new input (the engine's next boundary,
-- an alert's next escalation or reminder, a report or decision stamped later than the clock); null: due at the next
-- run (never evaluated, could not be evaluated, or an input changed). 9999-12-31: only an input can change it.
alter table task add column reevaluate_from date;
create index task_reevaluate_from_idx on task (reevaluate_from);
-- a task evaluated for a later date than today (the demo clock moved back) is due too
create index task_evaluated_on_idx on task (evaluated_on);

-- The rule settings and calendar the boundaries were computed with: other settings make every task due once.
create table evaluation_settings (
    id           smallint primary key check (id = 1),
    fingerprint  text not null
);
