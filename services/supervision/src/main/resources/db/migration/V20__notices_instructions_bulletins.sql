-- Leaders' papers (docs/papers.md): 督办通知单 with their per-year numbers, 领导批示, and the weekly 督查通报 sent.

-- The last 文号 given in each year. Issuing a notice increments its year's row in the notice's own transaction:
-- the row lock serialises concurrent issues and a rollback gives the number back, so numbers never gap or repeat
-- (a sequence would gap on every rollback).
create table notice_counter (
    year        int primary key,
    last_number int not null
);

create table notice (
    id             text primary key,          -- "2022-7": year and number, the path's {number}
    year           int  not null,
    number         int  not null,
    task_id        text not null,
    alert_id       text,                      -- the escalated alert it was issued for; null when issued by hand
    automatic      boolean not null,
    units          jsonb not null,            -- lead unit first, then co-units
    late           text not null,             -- what is late, in the office's words
    requirement    text not null,             -- what the units must do
    reply_by       date not null,             -- 时限: the reply is due by the end of this day
    state          text not null,             -- ISSUED, RECEIVED, REPLIED, OVERDUE
    issued_at      timestamptz not null,
    issued_by      text not null,
    received_at    timestamptz,
    received_by    text,
    replied_at     timestamptz,
    replied_by     text,
    reply          text,
    escalated_at   timestamptz,
    escalated_to   text,
    unique (year, number)
);
create index notice_task_idx on notice (task_id, issued_at);
create index notice_due_idx on notice (state, reply_by);
-- One automatic notice per escalated alert, however often the escalation is seen.
create unique index notice_alert_idx on notice (alert_id) where alert_id is not null;

create table instruction (
    id              text primary key,
    task_id         text not null,
    text            text not null,
    leader          text not null,            -- who wrote it (user name)
    leader_post     text,                     -- their post, from the token
    assignees       jsonb not null,           -- the units who must act
    due_on          date not null,
    state           text not null,            -- ISSUED, ACKNOWLEDGED, ANSWERED
    issued_at       timestamptz not null,
    acknowledged_at timestamptz,
    acknowledged_by text,
    answered_at     timestamptz,
    answered_by     text,
    answer          text,
    overdue_at      timestamptz               -- when it was found unanswered after due_on; stays set once overdue
);
create index instruction_task_idx on instruction (task_id, issued_at);
create index instruction_due_idx on instruction (state, due_on);

-- Which weekly 督查通报 went out to the leaders, so a restart or a second replica sends each week once.
create table bulletin_issue (
    period    text primary key,              -- e.g. 2022-W23
    as_of     date not null,
    issued_at timestamptz not null,
    event_id  text not null
);
