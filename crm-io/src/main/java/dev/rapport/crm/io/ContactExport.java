package dev.rapport.crm.io;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.exception.ValidationException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Exports contacts as CSV (a header row of {@link ContactField#header()}s, then one row per
 * contact) or as JSON lines (one object per contact, absent fields left out), streaming: a page at
 * a time, oldest first; the whole tenant, or one account's people. Each contact's account is
 * written as the account's external reference, which is how {@link ContactImport} finds it again
 * (import the accounts first, with {@link AccountExport} and {@link AccountImport}). A contact is
 * written with its primary address and number; its further addresses and numbers are not. Stateless.
 */
public final class ContactExport {
  private ContactExport() {}

  /**
   * Writes every contact of the tenant as CSV (the writer is flushed, not closed).
   *
   * @return how many contacts were written
   * @throws ValidationException if an argument is null
   * @throws UncheckedIOException if the writer fails
   */
  public static long csv(Crm crm, Writer out) {
    FileExport.notNull(crm, "crm");
    FileExport.notNull(out, "out");
    return FileExport.csv(ContactField.class, p -> crm.contacts().list(p), values(crm),
        LeadExport.customKeys(crm, dev.rapport.crm.field.RecordKind.CONTACT), Contact::fields, out);
  }

  /**
   * Writes the contacts of one account as CSV (the writer is flushed, not closed).
   *
   * @return how many contacts were written
   * @throws ValidationException if an argument is null
   * @throws UncheckedIOException if the writer fails
   */
  public static long csv(Crm crm, AccountId account, Writer out) {
    FileExport.notNull(crm, "crm");
    FileExport.notNull(account, "account");
    FileExport.notNull(out, "out");
    return FileExport.csv(ContactField.class, p -> crm.contacts().byAccount(account, p), values(crm),
        LeadExport.customKeys(crm, dev.rapport.crm.field.RecordKind.CONTACT), Contact::fields, out);
  }

  /**
   * Writes every contact of the tenant as JSON lines (the writer is flushed, not closed).
   *
   * @return how many contacts were written
   * @throws ValidationException if an argument is null
   * @throws UncheckedIOException if the writer fails
   */
  public static long jsonLines(Crm crm, Writer out) {
    FileExport.notNull(crm, "crm");
    FileExport.notNull(out, "out");
    return FileExport.jsonLines(p -> crm.contacts().list(p), values(crm), Contact::fields, out);
  }

  /** The fields of a contact, its account's reference looked up once per account. */
  private static Function<Contact, Map<ContactField, String>> values(Crm crm) {
    Map<AccountId, String> references = new HashMap<>();
    return c -> {
      Map<ContactField, String> v = new EnumMap<>(ContactField.class);
      v.put(ContactField.GIVEN_NAME, c.name().givenName().orElse(""));
      v.put(ContactField.FAMILY_NAME, c.name().familyName());
      v.put(ContactField.EMAIL, LeadExport.text(c.primaryEmail().map(e -> e.address())));
      v.put(ContactField.PHONE, LeadExport.text(c.phones().stream().findFirst().map(p -> p.e164())));
      v.put(ContactField.TITLE, LeadExport.text(c.title()));
      v.put(ContactField.OWNER, LeadExport.text(c.owner()));
      v.put(ContactField.ACCOUNT, c.accountId().map(a -> references.computeIfAbsent(a,
          id -> crm.accounts().find(id).flatMap(Account::externalReference).orElse(""))).orElse(""));
      return v;
    };
  }
}
