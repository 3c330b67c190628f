-- Rapport CRM schema, version 15, for PostgreSQL: text search (issue 25). Each lead, contact and
-- account carries its search text (dev.rapport.crm.search.SearchText: each field folded to
-- lower-case ASCII letters and digits, padded with a space at each end), written with the row,
-- under a pg_trgm GIN index per field. A search is one call of crm_search_leads, _contacts or
-- _accounts: the rows of the tenant whose field the query's text reaches (word_similarity, the
-- measure the core ranks by), best first, at most p_limit. The functions set pg_trgm's
-- word_similarity_threshold to 0.3 (the least a query may ask for) for their own statement only,
-- so that the <% operator uses the indexes without touching the session's settings.
--
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension since PostgreSQL 13: the
-- owner of the database may create it. Where the role applying this script may not, a database
-- administrator runs "create extension pg_trgm" first. Rows stored before this version have no
-- search text until they next change (see MIGRATING.md).
create extension if not exists pg_trgm;
alter table crm_lead add column search_name varchar(1000), add column search_company varchar(1000),
  add column search_email varchar(1000), add column search_phone varchar(1000);
alter table crm_contact add column search_name varchar(1000), add column search_email varchar(1000),
  add column search_phone varchar(1000);
alter table crm_account add column search_name varchar(1000), add column search_domain varchar(1000),
  add column search_reference varchar(1000);
create index crm_lead_search_name_idx on crm_lead using gin (search_name gin_trgm_ops);
create index crm_lead_search_company_idx on crm_lead using gin (search_company gin_trgm_ops);
create index crm_lead_search_email_idx on crm_lead using gin (search_email gin_trgm_ops);
create index crm_lead_search_phone_idx on crm_lead using gin (search_phone gin_trgm_ops);
create index crm_contact_search_name_idx on crm_contact using gin (search_name gin_trgm_ops);
create index crm_contact_search_email_idx on crm_contact using gin (search_email gin_trgm_ops);
create index crm_contact_search_phone_idx on crm_contact using gin (search_phone gin_trgm_ops);
create index crm_account_search_name_idx on crm_account using gin (search_name gin_trgm_ops);
create index crm_account_search_domain_idx on crm_account using gin (search_domain gin_trgm_ops);
create index crm_account_search_reference_idx on crm_account using gin (search_reference gin_trgm_ops);
-- p_text: the query folded; p_digits: its digits ('' when it has fewer than three); p_owner: ''
-- for any owner; p_min: the least similarity. The bodies hold no semicolon (one statement each).
create function crm_search_leads(p_tenant varchar, p_text text, p_digits text, p_owner varchar,
    p_min float8, p_limit integer) returns table (id uuid) language sql stable
    set pg_trgm.word_similarity_threshold = 0.3 as $$
  select l.id from crm_lead l
  where l.tenant_id = p_tenant and (p_owner = '' or l.owner = p_owner)
    and (p_text <% l.search_name or p_text <% l.search_company or p_text <% l.search_email
      or p_digits <% l.search_phone)
    and greatest(word_similarity(p_text, l.search_name), word_similarity(p_text, l.search_company),
      word_similarity(p_text, l.search_email), word_similarity(p_digits, l.search_phone))::float8 >= p_min
  order by greatest(word_similarity(p_text, l.search_name), word_similarity(p_text, l.search_company),
      word_similarity(p_text, l.search_email), word_similarity(p_digits, l.search_phone)) desc, l.id
  limit p_limit
$$;
create function crm_search_contacts(p_tenant varchar, p_text text, p_digits text, p_owner varchar,
    p_min float8, p_limit integer) returns table (id uuid) language sql stable
    set pg_trgm.word_similarity_threshold = 0.3 as $$
  select c.id from crm_contact c
  where c.tenant_id = p_tenant and (p_owner = '' or c.owner = p_owner)
    and (p_text <% c.search_name or p_text <% c.search_email or p_digits <% c.search_phone)
    and greatest(word_similarity(p_text, c.search_name), word_similarity(p_text, c.search_email),
      word_similarity(p_digits, c.search_phone))::float8 >= p_min
  order by greatest(word_similarity(p_text, c.search_name), word_similarity(p_text, c.search_email),
      word_similarity(p_digits, c.search_phone)) desc, c.id
  limit p_limit
$$;
create function crm_search_accounts(p_tenant varchar, p_text text, p_digits text, p_owner varchar,
    p_min float8, p_limit integer) returns table (id uuid) language sql stable
    set pg_trgm.word_similarity_threshold = 0.3 as $$
  select a.id from crm_account a
  where a.tenant_id = p_tenant and (p_owner = '' or a.owner = p_owner)
    and (p_text <% a.search_name or p_text <% a.search_domain or p_text <% a.search_reference)
    and greatest(word_similarity(p_text, a.search_name), word_similarity(p_text, a.search_domain),
      word_similarity(p_text, a.search_reference))::float8 >= p_min
  order by greatest(word_similarity(p_text, a.search_name), word_similarity(p_text, a.search_domain),
      word_similarity(p_text, a.search_reference)) desc, a.id
  limit p_limit
$$;
