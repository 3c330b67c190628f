-- Rapport CRM schema, version 2, for MariaDB 10.7+: every value the core accepts fits (see dev.rapport.crm.common.Limits).
-- A lead's source detail is stored as JSON, and escaping can make it longer than any fixed width: unbounded text.
alter table crm_lead modify source_detail mediumtext null;
