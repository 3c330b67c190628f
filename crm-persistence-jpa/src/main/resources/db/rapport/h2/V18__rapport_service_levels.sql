-- Rapport CRM schema, version 18, for H2: service levels by customer value (issue 26). A case's service
-- level in sl_* columns (tier, targets and paused time in microseconds, due and at-risk instants, raised alerts
-- as bits), all null when it has none; due_key and rank_key order the open-case list by due instant and by
-- value (their largest value when none), alert_at is when the refresh next has an alert to raise. A tenant's
-- policy is one row of JSON with its re-tiering run; an account's tier is one row.
-- (H2 counts UTF-16 units: the 50 characters of a tier name take up to 100.)
alter table crm_case add column sl_tier varchar(100);
alter table crm_case add column sl_rank integer;
alter table crm_case add column sl_response_target bigint;
alter table crm_case add column sl_resolution_target bigint;
alter table crm_case add column sl_at_risk_percent integer;
alter table crm_case add column sl_response_due timestamp(6);
alter table crm_case add column sl_response_at_risk timestamp(6);
alter table crm_case add column sl_resolution_due timestamp(6);
alter table crm_case add column sl_resolution_at_risk timestamp(6);
alter table crm_case add column sl_paused bigint;
alter table crm_case add column sl_paused_since timestamp(6);
alter table crm_case add column sl_alerts integer;
alter table crm_case add column due_key bigint default 9223372036854775807 not null;
alter table crm_case add column rank_key integer default 2147483647 not null;
alter table crm_case add column alert_at timestamp(6);
create index crm_case_due_idx on crm_case (tenant_id, due_key, id);
create index crm_case_value_idx on crm_case (tenant_id, rank_key, due_key, id);
create index crm_case_alert_idx on crm_case (tenant_id, alert_at);
create table crm_service_policy (
  tenant_id varchar(64) not null,
  version bigint not null,
  revision bigint not null,
  cursor_id uuid,
  changed_at timestamp(6) not null,
  policy_json varchar(1000000000) not null,
  constraint crm_service_policy_pk primary key (tenant_id)
);
create table crm_account_tier (
  tenant_id varchar(64) not null,
  id uuid not null,
  tier varchar(100) not null,
  constraint crm_account_tier_pk primary key (tenant_id, id)
);
