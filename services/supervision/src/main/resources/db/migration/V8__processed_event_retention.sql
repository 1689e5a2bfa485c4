-- processed_event ids are forgotten after a retention (ProcessedEventPurge in libs/platform): find them by age.
create index processed_event_age_idx on processed_event (processed_at);
