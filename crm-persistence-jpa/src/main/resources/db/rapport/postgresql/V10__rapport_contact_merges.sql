-- Rapport CRM schema, version 10, for PostgreSQL: merges of contacts (issue 22). A merge is one row:
-- the merge as crm-jackson writes a dev.rapport.crm.contact.ContactMerge (the survivor before and
-- after, the merged contacts as they were) in body, and the rows it moved (for undo) in moves.
-- Each contact a merge retired is a row of crm_contact_merged until the merge is undone, indexed
-- by the contact: where a merged id leads is one query. No foreign keys: the merged contacts are
-- gone from crm_contact, which is the point.
create table crm_contact_merge (
  id uuid not null,
  tenant_id varchar(64) not null,
  survivor_id uuid not null,
  merged_at timestamp(6) not null,
  undone_at timestamp(6),
  body text not null,
  moves text not null,
  constraint crm_contact_merge_pk primary key (tenant_id, id)
);
create table crm_contact_merged (
  tenant_id varchar(64) not null,
  merge_id uuid not null,
  contact_id uuid not null,
  constraint crm_contact_merged_pk primary key (tenant_id, merge_id, contact_id)
);
create index crm_contact_merged_contact_idx on crm_contact_merged (tenant_id, contact_id);
