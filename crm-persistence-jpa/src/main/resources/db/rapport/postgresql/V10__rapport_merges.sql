-- Rapport CRM schema, version 10, for PostgreSQL: merges of contacts and of accounts (issue 22). A
-- merge is one row of crm_merge: the merge as crm-jackson writes a dev.rapport.crm.contact.ContactMerge
-- or AccountMerge (the survivor before and after, the merged records as they were) in body, and the
-- rows it moved (for undo) in moves. Each record a merge retired is a row of crm_merged until the
-- merge is undone, indexed by the record and by the external reference it held: where a merged id
-- or customer number leads is one query. No foreign keys: the merged records are gone, which is the point.
create table crm_merge (
  id uuid not null,
  tenant_id varchar(64) not null,
  kind varchar(10) not null,
  survivor_id uuid not null,
  merged_at timestamp(6) not null,
  undone_at timestamp(6),
  body text not null,
  moves text not null,
  constraint crm_merge_pk primary key (tenant_id, id)
);
create table crm_merged (
  tenant_id varchar(64) not null,
  merge_id uuid not null,
  record_id uuid not null,
  external_reference varchar(200),
  constraint crm_merged_pk primary key (tenant_id, merge_id, record_id)
);
create index crm_merged_record_idx on crm_merged (tenant_id, record_id);
create index crm_merged_reference_idx on crm_merged (tenant_id, external_reference);
