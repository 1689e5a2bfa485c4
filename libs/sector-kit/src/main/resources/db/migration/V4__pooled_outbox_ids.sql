-- Outbox ids come from a sequence, 50 at a time, as in supervision (its V6 says why); the relay's order is unchanged.
create sequence outbox_event_seq increment by 50;
select setval('outbox_event_seq', (select coalesce(max(id), 0) + 50 from outbox_event));
alter table outbox_event alter column id drop identity;
