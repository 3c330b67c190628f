-- The invoicing host's ledger: issued invoices with their lines, and payments. Rapport reads these
-- through the host's SalesLedger (dev.rapport.crm.examples.invoicing.InvoicingLedger); nothing is
-- copied into Rapport's tables. Drafts (status DRAFT) have no dates and are not in the ledger.
alter table inv_invoice add column issued_on date;
alter table inv_invoice add column due_on date;

create table inv_invoice_line (
  invoice_id varchar(36) not null references inv_invoice (id),
  line_no int not null,
  product_code varchar(50) not null,
  quantity decimal(15, 6) not null,
  unit_price decimal(19, 4) not null,
  amount decimal(19, 4) not null,
  primary key (invoice_id, line_no)
);

create table inv_payment (
  id varchar(36) not null primary key,
  customer_number varchar(20) not null references inv_customer (customer_number),
  amount decimal(19, 4) not null,
  currency varchar(3) not null,
  paid_on date not null,
  invoice_id varchar(36) references inv_invoice (id)
);

create index inv_invoice_issued on inv_invoice (status, issued_on);
create index inv_payment_paid on inv_payment (paid_on);
