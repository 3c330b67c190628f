/**
 * Mail files for {@code crm.mail()}: {@link dev.rapport.crm.mailfile.MailParser} reads an RFC 5322
 * message into a {@code MailMessage}, {@link dev.rapport.crm.mailfile.MailboxImport} logs an mbox
 * file or single messages, streaming, with a report.
 */
module dev.rapport.crm.mailfile {
  requires transitive dev.rapport.crm;
  requires jakarta.mail;
  requires org.jsoup;

  exports dev.rapport.crm.mailfile;
}
