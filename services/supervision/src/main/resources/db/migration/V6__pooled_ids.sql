-- Outbox rows and audit entries take their ids from sequences, 50 at a time, instead of identity columns.
-- Hibernate cannot batch an insert whose id the database makes: each was its own round trip and first flushed
-- everything queued before it, so raising one alert cost three round trips (alert, outbox, audit).
-- Within one process the ids still follow the order rows were written, which is the relay's order.
create sequence outbox_event_seq increment by 50;
select setval('outbox_event_seq', (select coalesce(max(id), 0) + 50 from outbox_event));
alter table outbox_event alter column id drop identity;

create sequence audit_entry_seq increment by 50;
select setval('audit_entry_seq', (select coalesce(max(id), 0) + 50 from audit_entry));
alter table audit_entry alter column id drop identity;
