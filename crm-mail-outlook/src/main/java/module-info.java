/**
 * Outlook {@code .msg} files for {@code crm.mail()}: {@link dev.rapport.crm.outlook.OutlookMessages}
 * reads one into a {@code ParsedMail}, which crm-mail's {@code MailboxImport.parsed} logs.
 */
module dev.rapport.crm.outlook {
  requires transitive dev.rapport.crm.mailfile;
  requires org.apache.poi.scratchpad;
  requires jakarta.mail;

  exports dev.rapport.crm.outlook;
}
