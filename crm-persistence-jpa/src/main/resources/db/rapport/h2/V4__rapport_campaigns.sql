-- Rapport CRM schema, version 4, for H2 2.x: campaigns, their members, and the campaign a lead is attributed to.
-- Depends on version 2 only. As in version 2, free text is twice its limit here (H2 counts UTF-16 units, not code points). Members are rows of their own, keyed by (tenant, campaign, lead or contact), so a campaign
-- of 100,000 members stays a small row and its counts walk one index. Every reference is a foreign key with the tenant.

create table crm_campaign (
  id uuid not null,
  tenant_id varchar(64) not null,
  version bigint not null,
  name varchar(400) not null,
  channel varchar(50) not null,
  starts_on date not null,
  ends_on date not null,
  status varchar(10) not null,
  currency varchar(3) not null,
  budget numeric(19,4) not null,
  actual_cost numeric(19,4) not null,
  target_leads integer,
  target_responses integer,
  target_won_revenue numeric(19,4),
  created_at timestamp(6) not null,
  updated_at timestamp(6) not null,
  constraint crm_campaign_pk primary key (tenant_id, id)
);

create table crm_campaign_member (
  tenant_id varchar(64) not null,
  campaign_id uuid not null,
  member_id uuid not null,
  lead_id uuid,
  contact_id uuid,
  version bigint not null,
  status varchar(50) not null,
  status_response boolean not null,
  status_signal varchar(50),
  status_signal_intent varchar(10),
  status_at timestamp(6) not null,
  responded_at timestamp(6),
  added_at timestamp(6) not null,
  constraint crm_campaign_member_pk primary key (tenant_id, campaign_id, member_id),
  constraint crm_campaign_member_person_ck check ((lead_id is null) <> (contact_id is null)
    and member_id = coalesce(lead_id, contact_id)),
  constraint crm_campaign_member_campaign_fk foreign key (tenant_id, campaign_id) references crm_campaign (tenant_id, id),
  constraint crm_campaign_member_lead_fk foreign key (tenant_id, lead_id) references crm_lead (tenant_id, id),
  constraint crm_campaign_member_contact_fk foreign key (tenant_id, contact_id) references crm_contact (tenant_id, id)
);
create index crm_campaign_member_responded_idx on crm_campaign_member (tenant_id, campaign_id, responded_at);
create index crm_campaign_member_lead_idx on crm_campaign_member (tenant_id, lead_id);
create index crm_campaign_member_contact_idx on crm_campaign_member (tenant_id, contact_id);

alter table crm_lead add column campaign_id uuid;
create index crm_lead_campaign_idx on crm_lead (tenant_id, campaign_id, id);
alter table crm_lead add constraint crm_lead_campaign_fk foreign key (tenant_id, campaign_id) references crm_campaign (tenant_id, id);
-- a campaign's opportunities are found through their origin lead
create index crm_opportunity_origin_lead_idx on crm_opportunity (tenant_id, origin_lead_id);
