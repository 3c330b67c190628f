-- Rapport CRM schema, version 5, for H2 2.x: service cases and feedback (CSAT, NPS).
-- Depends only on version 1's tables. Text widths follow dev.rapport.crm.common.Limits (code points); H2 counts UTF-16 units, so free-text columns are twice their limit.
-- A reference is a foreign key with the tenant: no row can point at another tenant's record or at none.
create table crm_case (
  id uuid not null,
  tenant_id varchar(64) not null,
  version bigint not null,
  account_id uuid not null,
  contact_id uuid,
  subject varchar(400) not null,
  description varchar(20000),
  priority varchar(10) not null,
  status varchar(20) not null,
  owner varchar(400),
  resolution varchar(4000),
  opened_at timestamp(6) not null,
  updated_at timestamp(6) not null,
  first_response_at timestamp(6),
  resolved_at timestamp(6),
  constraint crm_case_pk primary key (tenant_id, id),
  constraint crm_case_account_fk foreign key (tenant_id, account_id) references crm_account (tenant_id, id),
  constraint crm_case_contact_fk foreign key (tenant_id, contact_id) references crm_contact (tenant_id, id)
);
create index crm_case_status_idx on crm_case (tenant_id, status, id);
create index crm_case_account_idx on crm_case (tenant_id, account_id, id);
create index crm_case_owner_idx on crm_case (tenant_id, owner, id);
create index crm_case_contact_idx on crm_case (tenant_id, contact_id);

create table crm_feedback (
  id uuid not null,
  tenant_id varchar(64) not null,
  version bigint not null,
  account_id uuid not null,
  contact_id uuid not null,
  case_id uuid,
  opportunity_id uuid,
  scale varchar(4) not null,
  score integer not null,
  comment_text varchar(4000),
  channel varchar(50) not null,
  survey varchar(400),
  answered_at timestamp(6) not null,
  recorded_at timestamp(6) not null,
  constraint crm_feedback_pk primary key (tenant_id, id),
  constraint crm_feedback_score_ck check ((scale = 'CSAT' and score between 1 and 5) or (scale = 'NPS' and score between 0 and 10)),
  constraint crm_feedback_account_fk foreign key (tenant_id, account_id) references crm_account (tenant_id, id),
  constraint crm_feedback_contact_fk foreign key (tenant_id, contact_id) references crm_contact (tenant_id, id),
  constraint crm_feedback_case_fk foreign key (tenant_id, case_id) references crm_case (tenant_id, id),
  constraint crm_feedback_opportunity_fk foreign key (tenant_id, opportunity_id) references crm_opportunity (tenant_id, id)
);
-- NPS and CSAT of the tenant or of an account over a period read these indexes only (score included).
create index crm_feedback_scale_idx on crm_feedback (tenant_id, scale, answered_at, score);
create index crm_feedback_account_idx on crm_feedback (tenant_id, account_id, scale, answered_at, score);
create index crm_feedback_contact_idx on crm_feedback (tenant_id, contact_id);
create index crm_feedback_case_idx on crm_feedback (tenant_id, case_id);
create index crm_feedback_opportunity_idx on crm_feedback (tenant_id, opportunity_id);
