-- Rapport CRM schema, version 15, for H2: text search (issue 25). Each lead, contact and account
-- carries its search text (dev.rapport.crm.search.SearchText: each field folded to lower-case
-- ASCII letters and digits, padded with a space at each end), written with the row. H2 has no
-- trigram index: a search reads the rows whose fields hold enough of the query's trigrams (LIKE
-- patterns, one scan of the tenant's rows) and the core ranks them. Rows stored before this
-- version have no search text until they next change (see MIGRATING.md).
alter table crm_lead add column search_name varchar(1000);
alter table crm_lead add column search_company varchar(1000);
alter table crm_lead add column search_email varchar(1000);
alter table crm_lead add column search_phone varchar(1000);
alter table crm_contact add column search_name varchar(1000);
alter table crm_contact add column search_email varchar(1000);
alter table crm_contact add column search_phone varchar(1000);
alter table crm_account add column search_name varchar(1000);
alter table crm_account add column search_domain varchar(1000);
alter table crm_account add column search_reference varchar(1000);
