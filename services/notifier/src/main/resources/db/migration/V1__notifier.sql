-- The notifier's own database (duban_notifier): receivers, the routing tree, silences, what it knows of tasks and
-- alerts, aggregation groups, the per-receiver outbox of messages and the delivery log. docs/notifier.md explains.

-- Where messages go. The URL (a robot's URL carries its access token) and the secret (robot signing key, webhook
-- HMAC key) are sealed with AES-GCM under the key from DUBAN_NOTIFIER_SECRET_KEY and never leave the service again;
-- url_shown is the URL with its tokens masked, for the office's page.
create table receiver (
    id            bigint primary key,
    name          text        not null unique,
    kind          text        not null,
    url_sealed    text,
    url_shown     text,
    recipients    jsonb       not null default '[]',
    secret_sealed text,
    language      text        not null default 'zh',
    provisioned   boolean     not null default false,
    created_at    timestamptz not null,
    created_by    text        not null,
    updated_at    timestamptz,
    updated_by    text
);
create sequence receiver_seq increment by 1;

-- The office's routing tree (Alertmanager's shape in JSON); one row, replaced whole by PUT /api/notify/routes.
create table routing_tree (
    id         int primary key check (id = 1),
    tree       jsonb       not null,
    updated_at timestamptz not null,
    updated_by text        not null
);

-- Time-boxed mutes by matchers, in business time.
create table silence (
    id         text primary key,
    matchers   jsonb       not null,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    comment    text        not null,
    created_by text        not null,
    created_at timestamptz not null,
    ended_by   text,
    ended_at   timestamptz
);
create index silence_active on silence (ends_at);

-- Who changed receivers, routes and silences, and when.
create table audit_entry (
    id      bigint primary key,
    at      timestamptz not null,
    actor   text        not null,
    action  text        not null,
    subject text        not null,
    detail  text
);
create sequence audit_entry_seq increment by 50;

-- What the notifier knows of each task, from duban.tasks.v1: enough to say what is late and who answers.
create table task_card (
    task_id    text primary key,
    sector     text        not null,
    title      text        not null,
    lead_unit  text        not null,
    co_units   jsonb       not null default '[]',
    leader     text,
    deadline   date,
    milestones jsonb       not null default '[]',
    closed     boolean     not null default false,
    updated_at timestamptz not null
);

-- An alert as the notifier knows it from duban.alerts.v1, or a one-off notice (a manual reminder): its labels, its
-- state and a version that every announceable change raises.
create table notice (
    id              text primary key,
    kind            text        not null,
    task_id         text        not null,
    sector          text,
    units           jsonb       not null default '[]',
    light           text,
    rule            text,
    milestone       text,
    level           int         not null default 1,
    state           text        not null,
    inhibited       boolean     not null default false,
    reason          text,
    message         text,
    escalated_to    text,
    acknowledged_by text,
    raised_at       timestamptz not null,
    last_change     text        not null,
    changed_at      timestamptz not null,
    version         int         not null,
    received_at     timestamptz not null
);
create index notice_open_red on notice (task_id) where light = 'RED' and state <> 'RESOLVED';

-- Alertmanager's aggregation groups: one per route and values of its groupBy labels. next_flush_at is wall time.
create table notice_group (
    id                 text primary key,
    route_path         text        not null,
    receiver           text        not null,
    group_labels       jsonb       not null,
    group_wait_ms      bigint      not null,
    group_interval_ms  bigint      not null,
    repeat_interval_ms bigint      not null,
    created_at         timestamptz not null,
    next_flush_at      timestamptz,
    last_flush_at      timestamptz
);
create index notice_group_due on notice_group (next_flush_at) where next_flush_at is not null;

-- Which notices a group holds, and the notice version it last announced (0: never).
create table group_member (
    group_id         text not null references notice_group (id) on delete cascade,
    notice_id        text not null references notice (id),
    notified_version int  not null default 0,
    primary key (group_id, notice_id)
);
create index group_member_notice on group_member (notice_id);

-- The per-receiver outbox: a message is written with the group state it announces, in one transaction, and is
-- marked SENT only after the receiver answered. Its id is stable across retries (the webhook's and the mail's id).
create table outbound_message (
    seq             bigint primary key,
    id              text        not null unique,
    receiver_id     bigint      not null references receiver (id),
    group_id        text,
    notice_ids      jsonb       not null default '[]',
    content         jsonb       not null,
    status          text        not null,
    attempts        int         not null default 0,
    created_at      timestamptz not null,
    next_attempt_at timestamptz not null,
    sent_at         timestamptz,
    last_error      text
);
create sequence outbound_message_seq increment by 50;
create index outbound_message_pending on outbound_message (receiver_id, seq) where status = 'PENDING';
create index outbound_message_notices on outbound_message using gin (notice_ids);

-- Every attempt to deliver a message, and the receiver's answer. The rate limit counts these.
create table delivery_attempt (
    id           bigint primary key,
    message_id   text        not null references outbound_message (id),
    receiver_id  bigint      not null,
    attempted_at timestamptz not null,
    outcome      text        not null,
    status_code  int,
    answer       text,
    duration_ms  bigint      not null
);
create sequence delivery_attempt_seq increment by 50;
create index delivery_attempt_window on delivery_attempt (receiver_id, attempted_at);
create index delivery_attempt_message on delivery_attempt (message_id);

-- Business time as the events show it: supervision stamps every alert event with its business clock; the notifier
-- keeps wall time plus the offset the newest event showed (0 in production, the demo's 2022 in the demo).
create table business_clock (
    id        int primary key check (id = 1),
    offset_ms bigint      not null,
    seen_at   timestamptz not null
);

-- The idempotent consumer's record of processed event ids (libs/platform, IdempotentConsumer).
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);
-- processed ids are forgotten after a retention (ProcessedEventPurge in libs/platform): found by age.
create index processed_event_age_idx on processed_event (processed_at);

-- libs/platform's outbox table. The notifier publishes no events (its relay is switched off), but the platform's
-- entity is part of every service's persistence unit and validated, so the table exists, empty.
create table outbox_event (
    id           bigint primary key,
    event_id     text        not null unique,
    topic        text        not null,
    event_key    text        not null,
    headers      jsonb       not null,
    payload      text        not null,
    created_at   timestamptz not null,
    published_at timestamptz,
    traceparent  text
);
create sequence outbox_event_seq increment by 50;
