-- Task kinds (指标/项目/工作) and how strongly the report commits (确保/力争), docs/commitments.md.
-- A target keeps its type, strength and baseline inside the targets jsonb; one without them is an AMOUNT the report
-- commits to (确保), so the rows already there need no rewrite. The kind of a task already there is the one an old
-- ledger file implies (TaskKind.implied); the next import of an annotated ledger replaces it.
alter table task add column kind text;
alter table task add column strength text;

update task set kind = case
    when flags ? '经济指标' or jsonb_path_exists(targets, '$[*] ? (@.type == "GROWTH")') then 'INDICATOR'
    when flags ? '重点项目' or jsonb_path_exists(targets, '$[*] ? (@.metric == "投资" || @.type == "PROJECT_TOTAL")')
        then 'PROJECT'
    else 'WORK' end;

-- Strength.ofTask: a STRIVE commitment only when every target it has is one
update task set strength = case
    when jsonb_array_length(targets) > 0 and not jsonb_path_exists(targets, '$[*] ? (!(@.strength == "STRIVE"))')
        then 'STRIVE'
    else 'MUST' end;

alter table task alter column kind set not null;
alter table task alter column strength set not null;
alter table task add constraint task_kind_check check (kind in ('INDICATOR', 'PROJECT', 'WORK'));
alter table task add constraint task_strength_check check (strength in ('MUST', 'STRIVE'));
