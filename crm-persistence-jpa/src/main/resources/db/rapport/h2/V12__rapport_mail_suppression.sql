-- Rapport CRM schema, version 12: suppressed mail addresses (issue 23). An address campaign mail no
-- longer goes to, because it bounced or its lead unsubscribed, is one row per tenant; its id is the
-- name-based UUID of the lower-case address. A contact who unsubscribes withdraws marketing consent
-- (crm_contact) instead, which a later consent gives back.
create table crm_mail_suppression (
  id uuid not null,
  tenant_id varchar(64) not null,
  version bigint not null,
  address varchar(254) not null,
  reason varchar(20) not null,
  recorded_at timestamp(6) not null,
  detail varchar(400) not null,
  constraint crm_mail_suppression_pk primary key (tenant_id, id)
);
