-- Rapport CRM schema, version 14: the audit trail (issue 24). One row per record a command changed:
-- who (the actor the host gave), when, which record (its kind and id, no foreign key: the trail
-- outlives deleted records), what happened (the event's name), and the fields that changed, as a
-- JSON array of {field, from, to}. Written with the command, in its transaction; an erasure
-- rewrites the values that named the erased person. Read per record and per actor, in id order.
create table crm_audit (
  tenant_id varchar(64) not null,
  id uuid not null,
  recorded_at timestamp(6) not null,
  actor varchar(200) not null,
  record_type varchar(50) not null,
  record_id uuid not null,
  action varchar(100) not null,
  changes longtext not null,
  constraint crm_audit_pk primary key (tenant_id, id)
);
create index crm_audit_record_idx on crm_audit (tenant_id, record_id, id);
create index crm_audit_actor_idx on crm_audit (tenant_id, actor, id);
