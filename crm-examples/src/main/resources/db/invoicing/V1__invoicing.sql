-- The invoicing host's own tables (not Rapport's): customers and invoices.
create table inv_customer (
  customer_number varchar(20) not null primary key,
  name varchar(200) not null,
  crm_account_id varchar(36) not null
);

create table inv_invoice (
  id varchar(36) not null primary key,
  customer_number varchar(20) not null references inv_customer (customer_number),
  amount decimal(19, 4) not null,
  currency varchar(3) not null,
  status varchar(10) not null,
  description varchar(200) not null
);
