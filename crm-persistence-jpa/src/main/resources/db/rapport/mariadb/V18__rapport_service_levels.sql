-- Rapport CRM schema, version 18, for MariaDB 10.7+: service levels by customer value (issue 26). A case's service
-- level in sl_* columns (tier, targets and paused time in microseconds, due and at-risk instants, raised alerts
-- as bits), all null when it has none; due_key and rank_key order the open-case list by due instant and by
-- value (their largest value when none), alert_at is when the refresh next has an alert to raise. A tenant's
-- policy is one row of JSON with its re-tiering run; an account's tier is one row.
alter table crm_case add column sl_tier varchar(50);
alter table crm_case add column sl_rank int;
alter table crm_case add column sl_response_target bigint;
alter table crm_case add column sl_resolution_target bigint;
alter table crm_case add column sl_at_risk_percent int;
alter table crm_case add column sl_response_due datetime(6);
alter table crm_case add column sl_response_at_risk datetime(6);
alter table crm_case add column sl_resolution_due datetime(6);
alter table crm_case add column sl_resolution_at_risk datetime(6);
alter table crm_case add column sl_paused bigint;
alter table crm_case add column sl_paused_since datetime(6);
alter table crm_case add column sl_alerts int;
alter table crm_case add column due_key bigint default 9223372036854775807 not null;
alter table crm_case add column rank_key int default 2147483647 not null;
alter table crm_case add column alert_at datetime(6);
create index crm_case_due_idx on crm_case (tenant_id, due_key, id);
create index crm_case_value_idx on crm_case (tenant_id, rank_key, due_key, id);
create index crm_case_alert_idx on crm_case (tenant_id, alert_at);
create table crm_service_policy (
  tenant_id varchar(64) not null,
  version bigint not null,
  revision bigint not null,
  cursor_id uuid,
  changed_at datetime(6) not null,
  policy_json mediumtext not null,
  constraint crm_service_policy_pk primary key (tenant_id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;
create table crm_account_tier (
  tenant_id varchar(64) not null,
  id uuid not null,
  tier varchar(50) not null,
  constraint crm_account_tier_pk primary key (tenant_id, id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;
