-- The alert stream's notices, kept so that a client that reconnects with Last-Event-ID gets what it missed.
-- A notice is written in the transaction that makes the change; its position (the SSE id) is given only after
-- that transaction has committed, by one publisher at a time (AlertFeed), so positions follow commit order and a
-- client that has seen position n has seen, or may still be sent, every notice it may see up to n.
create sequence alert_notice_seq increment by 50;

create table alert_notice (
    id               bigint primary key,
    position         bigint unique,
    event            text not null,
    alert_id         text,
    task_id          text not null,
    rule             text,
    light            text,
    state            text,
    escalation_level int not null,
    milestone        text,
    units            jsonb not null,
    message          text,
    at               timestamptz not null,
    recorded_at      timestamptz not null default now()
);
-- The publisher looks for notices without a position; kept notices are purged by age.
create index alert_notice_unpublished_idx on alert_notice (id) where position is null;
create index alert_notice_recorded_idx on alert_notice (recorded_at);
