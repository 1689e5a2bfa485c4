-- Supervision on more than one node (issue 21): what every replica must agree on lives here, not in a process.

-- The business clock: business time = wall time + offset. One row, written when the office moves the clock and on
-- the first start of a demo; every replica reads it (BusinessClock). Production runs on the wall clock and has none.
create table business_clock (
    id         smallint primary key check (id = 1),
    offset_ms  bigint not null,
    moved_at   timestamptz not null
);

-- When a scheduled job last began anywhere in the cluster, so that a job due every hour runs once an hour in all,
-- not once per replica (ClusterJobs; the run itself is guarded by a PostgreSQL advisory lock).
create table cluster_job (
    name        text primary key,
    started_at  timestamptz not null,
    started_by  text not null
);
