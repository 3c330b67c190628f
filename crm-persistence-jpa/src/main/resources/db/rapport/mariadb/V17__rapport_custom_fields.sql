-- Rapport CRM schema, version 17, for MariaDB 10.7+: custom fields (issue 25). A tenant's field definitions, one row
-- each (kind of record, key, and the definition as JSON: label, type, required, options, limits, removed), and
-- each record's values as a JSON object of {"key":{"type":...,"value":...}} in key order, null when it has
-- none. A query for a value matches the JSON of the one entry (LIKE, a scan of the tenant's rows of the kind).
alter table crm_lead add column custom_fields mediumtext;
alter table crm_contact add column custom_fields mediumtext;
alter table crm_account add column custom_fields mediumtext;
alter table crm_opportunity add column custom_fields mediumtext;
alter table crm_case add column custom_fields mediumtext;
create table crm_custom_field (
  tenant_id varchar(64) not null,
  id uuid not null,
  kind varchar(20) not null,
  field_key varchar(50) not null,
  definition mediumtext not null,
  constraint crm_custom_field_pk primary key (tenant_id, id),
  constraint crm_custom_field_key unique (tenant_id, kind, field_key)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;
