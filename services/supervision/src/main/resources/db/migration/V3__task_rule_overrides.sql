-- A task's own alert thresholds and switched-off rules (ledger field "rules"); null keeps the defaults.
alter table task add column rule_overrides jsonb;
