-- Rapport CRM schema, version 1, for MariaDB 10.7+.
-- Flyway-compatible name: point Flyway at classpath:db/rapport/mariadb (or copy it into your own migrations).
-- Every table carries tenant_id; every key and index that a lookup uses starts with it (the outbox relay's
-- index excepted: the relay reads all tenants). Primary keys are (tenant_id, id), so keyset paging
-- (where tenant_id = ? and id > ? order by id) walks the primary key. Ids are time-ordered UUIDs (version 7) assigned by the application.

create table crm_lead (
  id uuid not null,
  tenant_id varchar(64) not null,
  version bigint not null,
  given_name varchar(100),
  family_name varchar(100) not null,
  email varchar(254),
  email_normalized varchar(254),
  phone varchar(32),
  company varchar(200),
  title varchar(200),
  source varchar(50) not null,
  source_detail varchar(1000),
  status varchar(20) not null,
  disqualification_reason varchar(200),
  signals mediumtext not null,
  temperature varchar(10) not null,
  temperature_override varchar(10),
  owner varchar(200),
  score integer not null,
  created_at datetime(6) not null,
  updated_at datetime(6) not null,
  converted_contact_id uuid,
  converted_account_id uuid,
  converted_opportunity_id uuid,
  converted_at datetime(6),
  constraint crm_lead_pk primary key (tenant_id, id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;
create index crm_lead_email_idx on crm_lead (tenant_id, email_normalized);
create index crm_lead_status_idx on crm_lead (tenant_id, status, id);
create index crm_lead_owner_idx on crm_lead (tenant_id, owner, id);

create table crm_account (
  id uuid not null,
  tenant_id varchar(64) not null,
  version bigint not null,
  name varchar(200) not null,
  name_key varchar(200) not null,
  domain varchar(253),
  external_reference varchar(200),
  industry varchar(200),
  owner varchar(200),
  created_at datetime(6) not null,
  updated_at datetime(6) not null,
  constraint crm_account_pk primary key (tenant_id, id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;
create unique index crm_account_ext_ref_uq on crm_account (tenant_id, external_reference);
create index crm_account_name_key_idx on crm_account (tenant_id, name_key, id);
create index crm_account_domain_idx on crm_account (tenant_id, domain, id);

create table crm_contact (
  id uuid not null,
  tenant_id varchar(64) not null,
  version bigint not null,
  given_name varchar(100),
  family_name varchar(100) not null,
  account_id uuid,
  phones varchar(2000) not null,
  title varchar(200),
  consent_granted boolean,
  consent_recorded_at datetime(6),
  consent_source varchar(200),
  origin_lead_id uuid,
  owner varchar(200),
  created_at datetime(6) not null,
  updated_at datetime(6) not null,
  constraint crm_contact_pk primary key (tenant_id, id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;
create index crm_contact_account_idx on crm_contact (tenant_id, account_id, id);

create table crm_contact_email (
  tenant_id varchar(64) not null,
  contact_id uuid not null,
  email_normalized varchar(254) not null,
  address varchar(254) not null,
  list_index integer not null,
  constraint crm_contact_email_pk primary key (tenant_id, contact_id, email_normalized)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;
create index crm_contact_email_idx on crm_contact_email (tenant_id, email_normalized, contact_id);

create table crm_opportunity (
  id uuid not null,
  tenant_id varchar(64) not null,
  version bigint not null,
  name varchar(200) not null,
  account_id uuid not null,
  primary_contact_id uuid,
  amount decimal(19,4) not null,
  currency varchar(3) not null,
  stage varchar(100) not null,
  probability integer not null,
  probability_overridden boolean not null,
  forecast_category varchar(20) not null,
  expected_close_date date,
  status varchar(10) not null,
  lost_reason varchar(50),
  source varchar(50),
  origin_lead_id uuid,
  owner varchar(200),
  history mediumtext not null,
  created_at datetime(6) not null,
  updated_at datetime(6) not null,
  closed_at datetime(6),
  constraint crm_opportunity_pk primary key (tenant_id, id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;
create index crm_opportunity_status_idx on crm_opportunity (tenant_id, status, id);
create index crm_opportunity_account_idx on crm_opportunity (tenant_id, account_id, id);
create index crm_opportunity_owner_idx on crm_opportunity (tenant_id, owner, id);

create table crm_outbox (
  id uuid not null,
  tenant_id varchar(64) not null,
  aggregate_type varchar(50) not null,
  aggregate_id uuid not null,
  event_type varchar(100) not null,
  payload mediumtext not null,
  occurred_at datetime(6) not null,
  delivered_at datetime(6),
  constraint crm_outbox_pk primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;
create index crm_outbox_undelivered_idx on crm_outbox (delivered_at, id);
create index crm_outbox_aggregate_idx on crm_outbox (tenant_id, aggregate_type, aggregate_id, id);
