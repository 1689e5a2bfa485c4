-- Hardening (issue 14): a task that cannot be evaluated says why; the audit trail names the token's subject and
-- keeps wall time beside business time, and records changes that concern no single task (imports, clock moves);
-- supervision remembers which Kafka cluster its task snapshots were published to, to publish them again on a new one.
alter table task add column evaluation_problem text;

alter table audit_entry alter column task_id drop not null;
alter table audit_entry add column actor_id text;
alter table audit_entry add column wall_at timestamptz;
create index audit_entry_at_idx on audit_entry (at);

create table tasks_topic_mark (
    id          int primary key check (id = 1),
    cluster_id  text not null,
    marked_at   timestamptz not null
);
