-- Rapport CRM schema, version 9, for H2 2.x: blocking keys for duplicate detection (issue 22). Each lead
-- and contact carries the keys of its primary e-mail address, primary phone number and name
-- (dev.rapport.crm.common.MatchKeys), each account the key of its name (MatchKeys.companyKey; its
-- domain is indexed already), written with the row; finding the likely duplicates of one
-- record is one query through these indexes. Rows stored before this version have no keys until
-- they next change: a whole-tenant scan (DuplicateService.scanContacts, scanLeads) finds them anyway.
alter table crm_lead add column match_email varchar(320);
alter table crm_lead add column match_phone varchar(320);
alter table crm_lead add column match_name varchar(320);
create index crm_lead_match_email_idx on crm_lead (tenant_id, match_email);
create index crm_lead_match_phone_idx on crm_lead (tenant_id, match_phone);
create index crm_lead_match_name_idx on crm_lead (tenant_id, match_name);
alter table crm_contact add column match_email varchar(320);
alter table crm_contact add column match_phone varchar(320);
alter table crm_contact add column match_name varchar(320);
create index crm_contact_match_email_idx on crm_contact (tenant_id, match_email);
create index crm_contact_match_phone_idx on crm_contact (tenant_id, match_phone);
create index crm_contact_match_name_idx on crm_contact (tenant_id, match_name);
alter table crm_account add column match_name varchar(320);
create index crm_account_match_name_idx on crm_account (tenant_id, match_name);
