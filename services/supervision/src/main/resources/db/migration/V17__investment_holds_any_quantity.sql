-- A report's investment is a Duban quantity (Quantities: at most 15 digits before the point and 4 after it), and
-- numeric(18, 2) rounded its last two decimals away. numeric(20, 4) stores what was accepted as it was sent and still
-- holds every value numeric(18, 2) held (16 digits before the point), so the change cannot fail on old rows.
alter table progress_report alter column investment type numeric(20, 4);
