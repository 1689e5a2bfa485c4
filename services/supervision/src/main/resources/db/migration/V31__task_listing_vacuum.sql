-- The task and alert lists read a page's ids from an index and count up to 10,000 matches from one (Listing): an
-- index-only scan, as long as the visibility map is fresh. By default autovacuum waits for a fifth of a table to
-- change; a million-task ledger re-evaluated hourly would then fetch most pages' rows from the heap between vacuums.
alter table task set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02,
    autovacuum_analyze_scale_factor = 0.02);
alter table alert set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02,
    autovacuum_analyze_scale_factor = 0.02);
