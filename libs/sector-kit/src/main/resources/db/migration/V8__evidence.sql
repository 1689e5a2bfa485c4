-- 佐证材料: the files units upload as evidence for their reports and completion claims (docs/phone.md).

-- One row per file per task: what it is, who sent it, and when and where a photo says it was taken. The same
-- bytes uploaded again for the same task are the same evidence.
create table evidence (
    id           text primary key,
    task_id      text not null,
    sha256       text not null,
    name         text,
    content_type text not null,
    size         bigint not null,
    taken_at     timestamptz,
    latitude     double precision,
    longitude    double precision,
    thumbnail    boolean not null,
    unit         text not null,
    uploaded_by  text not null,
    uploaded_at  timestamptz not null,
    unique (task_id, sha256)
);

-- The bytes, once per content address (the SHA-256 of the file, or "<sha256>.thumbnail.jpg" for an image's
-- thumbnail), when they are kept in PostgreSQL (duban.evidence.store=postgres, the default). With S3-compatible
-- object storage the same keys name objects in the bucket and this table stays empty.
create table evidence_blob (
    key          text primary key,
    content_type text not null,
    size         bigint not null,
    bytes        bytea not null,
    created_at   timestamptz not null
);
