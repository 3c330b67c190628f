-- Rapport CRM schema, version 15, for PostgreSQL: text search (issue 25). Each lead, contact and
-- account carries its search text (dev.rapport.crm.search.SearchText: each field folded to
-- lower-case ASCII letters and digits, padded with a space at each end), written with the row,
-- under a pg_trgm GIN index per field. A search is one call of crm_search per table: the rows of
-- the tenant whose field the query's text reaches (word_similarity, the measure the core ranks
-- by), best first, at most p_limit. The function sets pg_trgm's word_similarity_threshold to the
-- query's least similarity for its own statements only (its SET clause restores the session's
-- value on exit), so that the <% operator and the indexes narrow as far as the query allows. The indexes are built without GIN's pending
-- list (fastupdate off): a write costs a little more, a search never scans a list vacuum has not
-- yet merged.
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
create index crm_lead_search_name_idx on crm_lead using gin (search_name gin_trgm_ops) with (fastupdate = off);
create index crm_lead_search_company_idx on crm_lead using gin (search_company gin_trgm_ops) with (fastupdate = off);
create index crm_lead_search_email_idx on crm_lead using gin (search_email gin_trgm_ops) with (fastupdate = off);
create index crm_lead_search_phone_idx on crm_lead using gin (search_phone gin_trgm_ops) with (fastupdate = off);
create index crm_contact_search_name_idx on crm_contact using gin (search_name gin_trgm_ops) with (fastupdate = off);
create index crm_contact_search_email_idx on crm_contact using gin (search_email gin_trgm_ops) with (fastupdate = off);
create index crm_contact_search_phone_idx on crm_contact using gin (search_phone gin_trgm_ops) with (fastupdate = off);
create index crm_account_search_name_idx on crm_account using gin (search_name gin_trgm_ops) with (fastupdate = off);
create index crm_account_search_domain_idx on crm_account using gin (search_domain gin_trgm_ops) with (fastupdate = off);
create index crm_account_search_reference_idx on crm_account using gin (search_reference gin_trgm_ops) with (fastupdate = off);
-- One search of one table: the ids of the tenant's rows (of the owner, unless p_owner is '') one
-- of whose fields the query reaches, best first, at most p_limit. p_text: the query folded;
-- p_digits: its digits ('' when it has fewer than three: the phone column is not searched).
-- Dynamic SQL, so that each call is planned with its values (a cached generic plan would scan).
create function crm_search(p_table text, p_text_columns text[], p_phone_column text, p_tenant varchar,
    p_text text, p_digits text, p_owner varchar, p_min float8, p_limit integer)
    returns table (id uuid) language plpgsql stable
    set pg_trgm.word_similarity_threshold = 0.3 as $$
declare
  arms text[] := '{}';
  sims text[] := '{}';
  col text;
  sim text;
begin
  -- the query's own least similarity for the <% operator (and so for the indexes), for this call only
  perform set_config('pg_trgm.word_similarity_threshold', p_min::text, true);
  foreach col in array p_text_columns loop
    arms := arms || format('$2 <%% r.%I', col);
    sims := sims || format('word_similarity($2, r.%I)', col);
  end loop;
  if p_phone_column is not null and p_digits <> '' then
    arms := arms || format('$3 <%% r.%I', p_phone_column);
    sims := sims || format('word_similarity($3, r.%I)', p_phone_column);
  end if;
  sim := 'greatest(' || array_to_string(sims, ', ') || ')';
  return query execute format('select r.id from %I r where r.tenant_id = $1', p_table)
    || case when p_owner = '' then '' else ' and r.owner = $4' end
    || ' and (' || array_to_string(arms, ' or ') || ') and ' || sim || '::float8 >= $5'
    || ' order by ' || sim || ' desc, r.id limit $6'
    using p_tenant, p_text, p_digits, p_owner, p_min, p_limit;
end
$$;
