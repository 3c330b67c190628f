-- Rapport CRM schema, version 11: logged mail (issue 23). A logged message is one row of crm_mail:
-- the dev.rapport.crm.mail.LoggedMail as crm-jackson writes it in body (the message with its
-- addresses, references and attachments, and the leads, contacts and accounts it is linked to), and
-- beside it the columns look-ups use: the message id (one logged message per id and tenant), the
-- thread (a thread is one index range) and the subject key (replies joined by subject). Its e-mail
-- activity is a row of crm_activity and shows in the timelines through crm_timeline_entry.
create table crm_mail (
  id uuid not null,
  tenant_id varchar(64) not null,
  version bigint not null,
  message_id varchar(250) not null,
  thread_id uuid not null,
  subject_key varchar(200) not null,
  direction varchar(10) not null,
  sent_at timestamp(6) not null,
  activity_id uuid not null,
  logged_at timestamp(6) not null,
  body text not null,
  constraint crm_mail_pk primary key (tenant_id, id),
  constraint crm_mail_message_uk unique (tenant_id, message_id),
  constraint crm_mail_activity_fk foreign key (tenant_id, activity_id) references crm_activity (tenant_id, id)
);
create index crm_mail_thread_idx on crm_mail (tenant_id, thread_id, id);
create index crm_mail_subject_idx on crm_mail (tenant_id, subject_key, id);
