-- Evidence files as the sector services describe them (duban.progress.v1 evidenceFiles): SHA-256, type, size, the
-- photo's EXIF time and place, and whether it was taken long before the period it backs. Reports and claims sent
-- before files could be uploaded have none.
alter table progress_report add column evidence_files jsonb not null default '[]';
alter table completion_claim add column evidence_files jsonb not null default '[]';
