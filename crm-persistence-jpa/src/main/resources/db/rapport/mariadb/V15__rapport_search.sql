-- Rapport CRM schema, version 15, for MariaDB: text search (issue 25). Each lead, contact and
-- account carries its search text (dev.rapport.crm.search.SearchText: each field folded to
-- lower-case ASCII letters and digits, padded with a space at each end), written with the row.
-- MariaDB's FULLTEXT index finds whole words, not parts of words or typos: a search reads the
-- rows whose fields hold enough of the query's trigrams (LIKE patterns, one scan of the tenant's
-- rows) and the core ranks them. Rows stored before this version have no search text until they
-- next change (see MIGRATING.md). Text columns: four more columns of 1000 characters would pass
-- the row size limit.
alter table crm_lead add column search_name text, add column search_company text,
  add column search_email text, add column search_phone text;
alter table crm_contact add column search_name text, add column search_email text,
  add column search_phone text;
alter table crm_account add column search_name text, add column search_domain text,
  add column search_reference text;
