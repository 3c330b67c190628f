-- Rapport CRM schema, version 3, for H2 2.x (texts are twice as wide: H2 counts UTF-16 units, see Limits): activities, tasks and the timeline index (issue 8).
-- Links of activities and tasks are four nullable columns, each a composite foreign key with tenant_id
-- (a null link is not checked). A timeline entry's subject may be a lead, contact, account or opportunity,
-- so it has no foreign key; its activity or task has one.

create table crm_activity (
  id uuid not null,
  tenant_id varchar(64) not null,
  version bigint not null,
  type varchar(50) not null,
  lead_id uuid,
  contact_id uuid,
  account_id uuid,
  opportunity_id uuid,
  subject varchar(400) not null,
  body varchar(1000000),
  direction varchar(10),
  outcome varchar(50),
  occurred_at timestamp(6) not null,
  duration_seconds bigint,
  owner varchar(400),
  logged_at timestamp(6) not null,
  constraint crm_activity_pk primary key (tenant_id, id),
  constraint crm_activity_lead_fk foreign key (tenant_id, lead_id) references crm_lead (tenant_id, id),
  constraint crm_activity_contact_fk foreign key (tenant_id, contact_id) references crm_contact (tenant_id, id),
  constraint crm_activity_account_fk foreign key (tenant_id, account_id) references crm_account (tenant_id, id),
  constraint crm_activity_opportunity_fk foreign key (tenant_id, opportunity_id) references crm_opportunity (tenant_id, id)
);

create table crm_task (
  id uuid not null,
  tenant_id varchar(64) not null,
  version bigint not null,
  lead_id uuid,
  contact_id uuid,
  account_id uuid,
  opportunity_id uuid,
  subject varchar(400) not null,
  description varchar(1000000),
  due_at timestamp(6) not null,
  priority varchar(10) not null,
  owner varchar(400),
  reminder_at timestamp(6),
  reminder_handled_at timestamp(6),
  status varchar(10) not null,
  ended_at timestamp(6),
  created_at timestamp(6) not null,
  updated_at timestamp(6) not null,
  constraint crm_task_pk primary key (tenant_id, id),
  constraint crm_task_lead_fk foreign key (tenant_id, lead_id) references crm_lead (tenant_id, id),
  constraint crm_task_contact_fk foreign key (tenant_id, contact_id) references crm_contact (tenant_id, id),
  constraint crm_task_account_fk foreign key (tenant_id, account_id) references crm_account (tenant_id, id),
  constraint crm_task_opportunity_fk foreign key (tenant_id, opportunity_id) references crm_opportunity (tenant_id, id)
);
-- the lists of open tasks walk (tenant, status, id) in id order, or the owner's tasks
create index crm_task_status_idx on crm_task (tenant_id, status, id);
create index crm_task_owner_idx on crm_task (tenant_id, owner, id);

create table crm_timeline_entry (
  id uuid not null,
  tenant_id varchar(64) not null,
  subject_id uuid not null,
  occurred_at timestamp(6) not null,
  kind varchar(10) not null,
  activity_id uuid,
  task_id uuid,
  event_type varchar(100),
  summary varchar(1000),
  constraint crm_timeline_entry_pk primary key (tenant_id, id),
  constraint crm_timeline_entry_activity_fk foreign key (tenant_id, activity_id) references crm_activity (tenant_id, id),
  constraint crm_timeline_entry_task_fk foreign key (tenant_id, task_id) references crm_task (tenant_id, id)
);
-- a timeline page: one subject's entries newest first, walked backwards from the cursor
create index crm_timeline_entry_subject_idx on crm_timeline_entry (tenant_id, subject_id, occurred_at, id);

-- the leads converted into a contact or account: their history is part of its timeline
create index crm_lead_converted_contact_idx on crm_lead (tenant_id, converted_contact_id);
create index crm_lead_converted_account_idx on crm_lead (tenant_id, converted_account_id);
