-- Rapport CRM schema, version 7, for MariaDB 10.7+: analytics (issue 10).
-- Each report of crm.analytics() is a fixed number of GROUP BY statements. Whole days (floor((end - start) / 24 h))
-- cannot be computed portably in JPQL from two timestamps, so the adapter stores them as it writes a record:
--   crm_lead.conversion_days      capture to conversion, while the lead is converted (else null);
--   crm_opportunity.cycle_days    creation to close, while the opportunity is won or lost (else null);
--   crm_stage_visit               one row per ended visit to a stage: the opportunity's history entry seq began it,
--                                 entry seq + 1 ended it (next_stage, days); written once, when the visit ends;
--   crm_opportunity.visit_stage, visit_since   the visit still going on: the last history entry's stage and instant.
-- Existing rows are filled from created_at, converted_at, closed_at and the JSON history (JSON_TABLE, 10.6+).
alter table crm_lead add column conversion_days bigint;
alter table crm_opportunity add column cycle_days bigint;
alter table crm_opportunity add column visit_stage varchar(100);
alter table crm_opportunity add column visit_since datetime(6);

create table crm_stage_visit (
  tenant_id varchar(64) not null,
  opportunity_id uuid not null,
  seq integer not null,
  stage varchar(100) not null,
  next_stage varchar(100) not null,
  entered_at datetime(6) not null,
  days bigint not null,
  constraint crm_stage_visit_pk primary key (tenant_id, opportunity_id, seq),
  constraint crm_stage_visit_opportunity_fk foreign key (tenant_id, opportunity_id) references crm_opportunity (tenant_id, id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;
-- the instants each report bounds: capture, creation, close, entering a stage
create index crm_lead_created_idx on crm_lead (tenant_id, created_at);
create index crm_opportunity_created_idx on crm_opportunity (tenant_id, created_at);
create index crm_opportunity_closed_idx on crm_opportunity (tenant_id, closed_at);
create index crm_opportunity_visit_idx on crm_opportunity (tenant_id, visit_since);
create index crm_stage_visit_entered_idx on crm_stage_visit (tenant_id, entered_at);

update crm_lead set conversion_days = floor(timestampdiff(microsecond, created_at, converted_at) / 86400000000)
  where converted_contact_id is not null;
update crm_opportunity set cycle_days = floor(timestampdiff(microsecond, created_at, closed_at) / 86400000000)
  where closed_at is not null;
update crm_opportunity
  set visit_stage = json_unquote(json_extract(history, concat('$[', json_length(history) - 1, '].to'))),
  visit_since = cast(replace(replace(json_unquote(json_extract(history, concat('$[', json_length(history) - 1, '].at'))),
    'T', ' '), 'Z', '') as datetime(6))
  where json_length(history) > 0;
insert into crm_stage_visit (tenant_id, opportunity_id, seq, stage, next_stage, entered_at, days)
  select o.tenant_id, o.id, h.n - 1, h.st, nx.st, cast(replace(replace(h.at, 'T', ' '), 'Z', '') as datetime(6)),
    floor(timestampdiff(microsecond, cast(replace(replace(h.at, 'T', ' '), 'Z', '') as datetime(6)),
      cast(replace(replace(nx.at, 'T', ' '), 'Z', '') as datetime(6))) / 86400000000)
  from crm_opportunity o,
    json_table(o.history, '$[*]' columns (n for ordinality, st varchar(100) path '$.to', at varchar(40) path '$.at')) h,
    json_table(o.history, '$[*]' columns (n for ordinality, st varchar(100) path '$.to', at varchar(40) path '$.at')) nx
  where nx.n = h.n + 1;
