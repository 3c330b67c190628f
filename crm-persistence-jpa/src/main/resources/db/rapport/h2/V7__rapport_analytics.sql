-- Rapport CRM schema, version 7, for H2 2.x: analytics (issue 10).
-- Each report of crm.analytics() is a fixed number of GROUP BY statements. Whole days (floor((end - start) / 24 h))
-- cannot be computed portably in JPQL from two timestamps, so the adapter stores them as it writes a record:
--   crm_lead.conversion_days      capture to conversion, while the lead is converted (else null);
--   crm_opportunity.cycle_days    creation to close, while the opportunity is won or lost (else null);
--   crm_stage_visit               one row per ended visit to a stage: the opportunity's history entry seq began it,
--                                 entry seq + 1 ended it (next_stage, days); written once, when the visit ends;
--   crm_opportunity.visit_stage, visit_since   the visit still going on: the last history entry's stage and instant.
-- Existing rows: the days are filled; the visit going on is filled from the current stage and the last "at" of the
-- JSON history; H2 has no JSON table function, so the ended visits of existing opportunities are NOT filled in
-- (H2 is for tests and demos: start from an empty schema).
-- Stage names are twice their limit here, as in version 2 (H2 counts UTF-16 units).
alter table crm_lead add column conversion_days bigint;
alter table crm_opportunity add column cycle_days bigint;
alter table crm_opportunity add column visit_stage varchar(200);
alter table crm_opportunity add column visit_since timestamp(6);

create table crm_stage_visit (
  tenant_id varchar(64) not null,
  opportunity_id uuid not null,
  seq integer not null,
  stage varchar(200) not null,
  next_stage varchar(200) not null,
  entered_at timestamp(6) not null,
  days bigint not null,
  constraint crm_stage_visit_pk primary key (tenant_id, opportunity_id, seq),
  constraint crm_stage_visit_opportunity_fk foreign key (tenant_id, opportunity_id) references crm_opportunity (tenant_id, id)
);
-- the instants each report bounds: capture, creation, close, entering a stage
create index crm_lead_created_idx on crm_lead (tenant_id, created_at);
create index crm_opportunity_created_idx on crm_opportunity (tenant_id, created_at);
create index crm_opportunity_closed_idx on crm_opportunity (tenant_id, closed_at);
create index crm_opportunity_visit_idx on crm_opportunity (tenant_id, visit_since);
create index crm_stage_visit_entered_idx on crm_stage_visit (tenant_id, entered_at);

update crm_lead set conversion_days = floor(datediff(microsecond, created_at, converted_at) / 86400000000.0)
  where converted_contact_id is not null;
update crm_opportunity set cycle_days = floor(datediff(microsecond, created_at, closed_at) / 86400000000.0)
  where closed_at is not null;
update crm_opportunity set visit_stage = stage,
  visit_since = cast(replace(replace(substring(history, locate('"at":"', history, -1) + 6,
    locate('"', history, locate('"at":"', history, -1) + 6) - locate('"at":"', history, -1) - 6), 'T', ' '), 'Z', '')
    as timestamp(6))
  where locate('"at":"', history) > 0;
