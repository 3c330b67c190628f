-- Rapport CRM schema, version 16, for MariaDB 10.7+: a lead's industry (Industry, a code of 1 to 50 of [a-z0-9_]; issue 25),
-- filtered by LeadQuery.withIndustries through an index and grouped by in the effectiveness report.
-- An account's industry stays in its column of version 1: values stored there as free text before this version
-- are read as the code they make (Industry.stored: "Food & Beverage" is food_and_beverage) and written back as it
-- at the account's next change.
alter table crm_lead add column industry varchar(50);
create index crm_lead_industry_idx on crm_lead (tenant_id, industry, id);
-- accounts listed and counted by industry (AccountService.listByIndustry, countByIndustry)
create index crm_account_industry_idx on crm_account (tenant_id, industry, id);
