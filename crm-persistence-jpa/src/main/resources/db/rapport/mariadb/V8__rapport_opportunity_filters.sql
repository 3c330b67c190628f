-- Rapport CRM schema, version 8, for MariaDB 10.7+: opportunity queries by lead source and expected close date
-- (OpportunityQuery.withSources, withExpectedClose; issue 11), and their counts, read through an index each.
create index crm_opportunity_source_idx on crm_opportunity (tenant_id, source, id);
create index crm_opportunity_close_idx on crm_opportunity (tenant_id, expected_close_date, id);
