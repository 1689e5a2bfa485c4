-- The notices (督办通知单) and leaders' instructions (领导批示) on this sector's tasks, as duban.alerts.v1 tells
-- them (docs/papers.md): each unit sees those addressed to it beside its alerts, until answered.
create table paper_inbox (
    id          text primary key,             -- NOTICE:2022-7 or INSTRUCTION:IN-…
    kind        text not null,                -- NOTICE, INSTRUCTION
    reference   text not null,                -- the notice's number (2022-7) or the instruction's id
    title       text not null,                -- the 文号 (〔2022〕第7号) or the leader's post
    task_id     text not null,
    text        text not null,                -- what is late and required, or the instruction's text
    units       jsonb not null,
    due_on      date not null,                -- the notice's 时限 or the instruction's date
    state       text not null,                -- ISSUED, RECEIVED/ACKNOWLEDGED, OVERDUE, ANSWERED
    issued_at   timestamptz not null,
    updated_at  timestamptz not null
);
create index paper_inbox_task_idx on paper_inbox (task_id) where state <> 'ANSWERED';
