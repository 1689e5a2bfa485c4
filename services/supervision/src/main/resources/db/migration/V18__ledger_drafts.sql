-- Draft ledgers (issue 22): a report as uploaded, read into text, and the tasks Duban drafted from it for the
-- office to review. The offsets in tasks refer to report. Published drafts stay as the record of what was published.
create table ledger_draft (
    id           text primary key,
    year         int  not null,
    year_found   boolean not null,
    source_name  text not null,
    report       text not null,
    tasks        jsonb not null,
    state        text not null,
    -- the ledger ids the draft's tasks were published as, by draft key
    published    jsonb,
    created_at   timestamptz not null,
    created_by   text not null,
    updated_at   timestamptz not null,
    published_at timestamptz,
    published_by text
);
create index ledger_draft_created_idx on ledger_draft (created_at desc);
