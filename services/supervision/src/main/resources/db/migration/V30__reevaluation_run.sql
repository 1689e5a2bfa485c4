-- Whole-ledger re-evaluations (Reevaluation), kept where every replica reads them: any replica answers for any run,
-- not only the one that queued it. The latest 50 are kept; older ones are deleted as a new one is queued.

-- One at a time, not 50: runs are few (hourly and on clock moves), and ids then follow the order runs were asked for
-- in the whole cluster, so the newest run is the one with the highest id.
create sequence reevaluation_run_seq;

create table reevaluation_run (
    id           bigint primary key,
    reason       text not null,
    requested_at timestamptz not null,
    state        text not null check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'SKIPPED')),
    every_task   boolean not null default false,
    started_at   timestamptz,
    finished_at  timestamptz,
    evaluated    integer not null default 0,
    unchanged    integer not null default 0,
    failed       integer not null default 0,
    problem      text,
    -- the replica whose worker runs it (host:port), so that a replica restarting can end the runs it left unfinished
    replica      text not null
);

create index reevaluation_run_unfinished on reevaluation_run (replica) where state in ('QUEUED', 'RUNNING');
