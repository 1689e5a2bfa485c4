-- What a province-sized ledger (100,000 tasks; make bench) needs of the office's queries.

-- Task list by light or status, in id order a page at a time: the index gives the order, no sort of the matches.
create index task_light_idx on task (light, id);
create index task_status_idx on task (status, id);
create index task_sector_id_idx on task (sector, id);
drop index task_sector_idx;

-- Alerts of a unit (any unit alerted), newest first.
create index alert_units_idx on alert using gin (units);
create index alert_raised_idx on alert (raised_at desc, id);
