-- Progress moved from one topic to one per sector (duban.progress.<sector>.v1), so the broker's ACLs can say which
-- sector writes which progress (docs/events.md). Reports accepted before the move and not yet relayed go to their
-- sector's topic; the task id names the sector (2022-AGR-003 → agriculture).
update outbox_event set topic = 'duban.progress.' || case split_part(event_key, '-', 2)
        when 'AGR' then 'agriculture' when 'IND' then 'industry' when 'CUL' then 'culture-tourism'
        when 'URB' then 'urban-construction' when 'REF' then 'reform' when 'LIV' then 'livelihood' end || '.v1'
    where topic = 'duban.progress.v1' and split_part(event_key, '-', 2) in ('AGR', 'IND', 'CUL', 'URB', 'REF', 'LIV');
