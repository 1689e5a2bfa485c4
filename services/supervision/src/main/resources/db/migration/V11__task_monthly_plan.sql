-- A task's monthly plan (分月计划): [{"month": "2022-06", "percent": 50}, ...], cumulative; null = no plan, the rules
-- compare against the default curve. Set by the ledger import (JSON, .xlsx, CSV) or PUT /api/supervision/tasks/{id}/plan.
alter table task add column monthly_plan jsonb;
