-- Rapport CRM schema, version 13: erased markers (issue 24). A person erased through crm.privacy()
-- leaves one row per e-mail address they had: the SHA-256 (hex) of the tenant and the lower-case
-- address, never the address, with when and by which erasure. Capture and contact creation look an
-- address up here by its key; crm.privacy().allowReturn(address) removes the row.
create table crm_erasure_marker (
  tenant_id varchar(64) not null,
  key_hash varchar(64) not null,
  erasure_id uuid not null,
  erased_at timestamp(6) not null,
  constraint crm_erasure_marker_pk primary key (tenant_id, key_hash)
);
