-- Rapport CRM schema, version 6, for H2 2.x: sales and payment history (issue 9).
-- Depends only on version 1's crm_account. Text widths follow dev.rapport.crm.common.Limits (code points); H2 counts UTF-16 units, so free-text columns are twice their limit.
-- A reference is a foreign key with the tenant: no row can point at another tenant's record or at none.
--
-- Days (issue_day, due_day, settled_day, paid_day) are integers: the number of the day since 1970-01-01
-- (java.time.LocalDate.toEpochDay()). Days late are then plain integer arithmetic (settled_day - due_day) in
-- portable JPQL on every database, and no day passes through java.sql.Date, which providers convert in the
-- JVM's default time zone (EclipseLink always, Hibernate on MariaDB: see the adapter's README on instants).
--
-- A sale's row carries the sums over its lines that the figures need (cost, costed_amount, costed_lines), so
-- purchases and revenue are one GROUP BY over crm_sale; and, for an invoice, its balance as the core computes
-- it from its credit notes and payments (due_amount: the total less its credit notes; paid; settled_day: the
-- day they first covered the total, null while open), so every account's payment record is one GROUP BY too.
-- Amounts are numeric(19,4) as everywhere; a line's cost (a quantity below 10^9 times a unit cost below 10^15)
-- and the sums over a sale's 1,000 lines are wider. Quantities have 9 integer digits and 6 decimals.
create table crm_sale (
  id uuid not null,
  tenant_id varchar(64) not null,
  version bigint not null,
  reference varchar(400) not null,
  account_id uuid not null,
  corrects varchar(400),
  issue_day integer not null,
  due_day integer not null,
  currency varchar(3) not null,
  total numeric(19,4) not null,
  cost numeric(31,4) not null,
  costed_amount numeric(22,4) not null,
  costed_lines integer not null,
  due_amount numeric(19,4) not null,
  paid numeric(19,4) not null,
  settled_day integer,
  recorded_at timestamp(6) not null,
  updated_at timestamp(6) not null,
  constraint crm_sale_pk primary key (tenant_id, id),
  constraint crm_sale_reference_uq unique (tenant_id, reference),
  constraint crm_sale_account_fk foreign key (tenant_id, account_id) references crm_account (tenant_id, id),
  constraint crm_sale_corrects_fk foreign key (tenant_id, corrects) references crm_sale (tenant_id, reference)
);
-- an account's sales and its purchase figures; the credit notes of an invoice
create index crm_sale_account_idx on crm_sale (tenant_id, account_id, issue_day);
create index crm_sale_corrects_idx on crm_sale (tenant_id, corrects);

-- A sale's lines, in its order (line_no from 0). The figures per product of an account reach them from the
-- account's sales (crm_sale_account_idx) through this primary key, which starts with (tenant_id, sale_id).
create table crm_sale_line (
  tenant_id varchar(64) not null,
  sale_id uuid not null,
  line_no integer not null,
  product_code varchar(100) not null,
  description varchar(400),
  quantity numeric(15,6) not null,
  unit_price numeric(19,4) not null,
  amount numeric(19,4) not null,
  unit_cost numeric(19,4),
  cost numeric(28,4),
  constraint crm_sale_line_pk primary key (tenant_id, sale_id, line_no),
  constraint crm_sale_line_sale_fk foreign key (tenant_id, sale_id) references crm_sale (tenant_id, id)
);

create table crm_payment (
  id uuid not null,
  tenant_id varchar(64) not null,
  version bigint not null,
  reference varchar(400) not null,
  account_id uuid not null,
  currency varchar(3) not null,
  amount numeric(19,4) not null,
  paid_day integer not null,
  unapplied numeric(19,4) not null,
  recorded_at timestamp(6) not null,
  constraint crm_payment_pk primary key (tenant_id, id),
  constraint crm_payment_reference_uq unique (tenant_id, reference),
  constraint crm_payment_account_fk foreign key (tenant_id, account_id) references crm_account (tenant_id, id)
);
create index crm_payment_account_idx on crm_payment (tenant_id, account_id, id);

-- A payment's allocations, in its order (line_no from 0); an invoice's payments are found by its reference.
create table crm_payment_allocation (
  tenant_id varchar(64) not null,
  payment_id uuid not null,
  line_no integer not null,
  sale_reference varchar(400) not null,
  amount numeric(19,4) not null,
  constraint crm_payment_allocation_pk primary key (tenant_id, payment_id, line_no),
  constraint crm_payment_allocation_payment_fk foreign key (tenant_id, payment_id) references crm_payment (tenant_id, id),
  constraint crm_payment_allocation_sale_fk foreign key (tenant_id, sale_reference) references crm_sale (tenant_id, reference)
);
create index crm_payment_allocation_sale_idx on crm_payment_allocation (tenant_id, sale_reference);

-- The payer class each account was last given by refreshPayerClasses().
create table crm_payer_class (
  tenant_id varchar(64) not null,
  account_id uuid not null,
  payer_class varchar(20) not null,
  version bigint not null,
  constraint crm_payer_class_pk primary key (tenant_id, account_id),
  constraint crm_payer_class_account_fk foreign key (tenant_id, account_id) references crm_account (tenant_id, id)
);
