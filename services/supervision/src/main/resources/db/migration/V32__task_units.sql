-- The task list by unit (a department's own tasks, lead or co-unit) in id order. Through task_lead_unit_idx and the
-- GIN index on co_units PostgreSQL must fetch every task of the unit and sort them before it can return a page: at a
-- million tasks a unit answers for ~3,300 tasks on as many heap pages (p99 3.2 s). Here each (unit, task) pair is a
-- row of an index in id order, so a page reads its fifty ids from the index and then only those fifty tasks.
-- The database keeps the pairs with the task (as it keeps search_grams, V26), whoever writes the task: Hibernate,
-- a ledger import or a bulk COPY.
create table task_unit (
    unit    text not null,
    task_id text not null references task (id) on delete cascade,
    primary key (unit, task_id)
);
create index task_unit_task_idx on task_unit (task_id);

create function duban_unit_pairs(id text, lead_unit text, co_units jsonb) returns table (unit text, task_id text)
    language sql immutable parallel safe as $$
    select lead_unit, id union select co.unit, id from jsonb_array_elements_text(co_units) co(unit)
$$;

-- Once per statement with all its new rows: a bulk load of 50,000 tasks inserts their pairs in one go.
create function duban_task_units_inserted() returns trigger language plpgsql as $$
begin
    insert into task_unit (unit, task_id)
    select p.unit, p.task_id from inserted t cross join duban_unit_pairs(t.id, t.lead_unit, t.co_units) p;
    return null;
end $$;
create trigger task_units_inserted after insert on task referencing new table as inserted
    for each statement execute function duban_task_units_inserted();

-- Only when a task's units change (a correction of the ledger): re-evaluation rewrites every task row and must not
-- pay for this.
create function duban_task_units_changed() returns trigger language plpgsql as $$
begin
    delete from task_unit where task_id = new.id;
    insert into task_unit (unit, task_id) select p.unit, p.task_id from duban_unit_pairs(new.id, new.lead_unit, new.co_units) p;
    return null;
end $$;
create trigger task_units_changed after update of lead_unit, co_units on task for each row
    when (old.lead_unit is distinct from new.lead_unit or old.co_units is distinct from new.co_units)
    execute function duban_task_units_changed();

insert into task_unit (unit, task_id) select p.unit, p.task_id from task t cross join duban_unit_pairs(t.id, t.lead_unit, t.co_units) p;
alter table task_unit set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02,
    autovacuum_analyze_scale_factor = 0.02);
analyze task_unit;
-- what the unit filter used before; nothing else reads them
drop index task_lead_unit_idx, task_co_units_idx;
