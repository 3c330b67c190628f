-- Rapport CRM schema, version 2, for H2 2.x: every value the core accepts fits (see dev.rapport.crm.common.Limits).
-- A lead's source detail is stored as JSON, and escaping can make it longer than any fixed width: unbounded text.
-- So are signals, stage history and event payloads: at their limits, with every character escaped, they pass
-- the 1,000,000 of version 1. H2's largest varchar is 1,000,000,000.
alter table crm_lead alter column source_detail set data type varchar(1000000000);
alter table crm_lead alter column signals set data type varchar(1000000000);
alter table crm_opportunity alter column history set data type varchar(1000000000);
alter table crm_outbox alter column payload set data type varchar(1000000000);
-- The core counts lengths in code points, as PostgreSQL and MariaDB do; H2 counts UTF-16 units, and a character
-- outside the Basic Multilingual Plane (an emoji) takes two. Free-text columns are twice their limit here.
alter table crm_lead alter column given_name set data type varchar(200);
alter table crm_lead alter column family_name set data type varchar(200);
alter table crm_lead alter column company set data type varchar(400);
alter table crm_lead alter column title set data type varchar(400);
alter table crm_lead alter column disqualification_reason set data type varchar(400);
alter table crm_lead alter column owner set data type varchar(400);
alter table crm_account alter column name set data type varchar(400);
alter table crm_account alter column name_key set data type varchar(400);
alter table crm_account alter column external_reference set data type varchar(400);
alter table crm_account alter column industry set data type varchar(400);
alter table crm_account alter column owner set data type varchar(400);
alter table crm_contact alter column given_name set data type varchar(200);
alter table crm_contact alter column family_name set data type varchar(200);
alter table crm_contact alter column title set data type varchar(400);
alter table crm_contact alter column consent_source set data type varchar(400);
alter table crm_contact alter column owner set data type varchar(400);
alter table crm_opportunity alter column name set data type varchar(400);
alter table crm_opportunity alter column stage set data type varchar(200);
alter table crm_opportunity alter column owner set data type varchar(400);
