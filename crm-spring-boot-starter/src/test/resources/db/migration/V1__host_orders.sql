-- The host's own migration: its own table, in Flyway's default history table.
create table host_order (
  id uuid primary key,
  tenant_id varchar(64) not null,
  customer_email varchar(320) not null
);
