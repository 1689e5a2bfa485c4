-- The weekly bulletin as it went out (Bulletin as JSON), composed once when it is issued: the leaders' links to it are
-- then answered at once and say what was issued, where composing again judges the whole ledger over the year (minutes
-- at 100,000 tasks). Bulletins issued before this column came are composed on request, as before.
alter table bulletin_issue add column content text;
