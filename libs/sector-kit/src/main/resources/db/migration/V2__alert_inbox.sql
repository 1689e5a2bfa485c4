-- The alerts (督办单) on this sector's tasks, as duban.alerts.v1 tells them: each unit sees its own.
create table alert_inbox (
    alert_id         text primary key,
    task_id          text not null,
    rule             text not null,
    light            text not null,
    milestone        text,
    state            text not null,
    escalation_level int  not null,
    reason           text,
    units            jsonb not null,
    raised_at        timestamptz not null,
    updated_at       timestamptz not null
);
create index alert_inbox_task_idx on alert_inbox (task_id) where state <> 'RESOLVED';
